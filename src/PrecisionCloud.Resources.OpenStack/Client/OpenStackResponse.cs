using System.Text.Json.Nodes;

namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>A successful answer: its status, JSON body (when it has one) and request id.</summary>
internal sealed record OpenStackResponse(int Status, JsonNode? Body, string? RequestId);
