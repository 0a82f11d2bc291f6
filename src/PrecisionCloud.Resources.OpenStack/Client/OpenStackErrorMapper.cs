using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>
/// Turns a service's error answer into a typed exception with the service's own message: Keystone's
/// <c>{"error": {...}}</c>, Nova's and Cinder's <c>{"itemNotFound": {"message": ...}}</c>, Neutron's
/// <c>{"NeutronError": {"type": ..., "message": ...}}</c>, Placement's <c>{"errors": [...]}</c>, and the plain or HTML
/// text Glance and proxies send.
/// </summary>
internal static partial class OpenStackErrorMapper
{
    private const int MaxMessageLength = 2000;

    public static OpenStackApiException Map(string service, string operation, int status, string? body, string? requestId)
    {
        var (message, type) = Parse(body);
        if (string.IsNullOrWhiteSpace(message))
        {
            message = Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : $"HTTP {status}";
        }

        message = message.Length > MaxMessageLength ? message[..MaxMessageLength] + "..." : message;
        if (IsQuota(status, message, type))
        {
            return new OpenStackQuotaExceededException(service, operation, status, message, type, requestId);
        }

        return status switch
        {
            401 => new OpenStackUnauthorizedException(service, operation, status, message, type, requestId),
            403 => new OpenStackForbiddenException(service, operation, status, message, type, requestId),
            404 => new OpenStackNotFoundException(service, operation, status, message, type, requestId),
            409 => new OpenStackConflictException(service, operation, status, message, type, requestId),
            _ => new OpenStackApiException(service, operation, status, message, type, requestId),
        };
    }

    private static bool IsQuota(int status, string message, string? type) =>
        status == 413
        || type is "OverQuota" or "overLimit" or "VolumeLimitExceeded" or "QuotaError"
        || ((status is 403 or 409) && message.Contains("quota", StringComparison.OrdinalIgnoreCase) && message.Contains("exceed", StringComparison.OrdinalIgnoreCase));

    private static (string? Message, string? Type) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return (Text(body), null);
        }

        if (node is not JsonObject root)
        {
            return (Text(body), null);
        }

        if (root["errors"] is JsonArray errors && errors.Count > 0 && errors[0] is JsonObject first)
        {
            return (String(first, "detail") ?? String(first, "title"), String(first, "code") ?? String(first, "title"));
        }

        if (root["NeutronError"] is JsonObject neutron)
        {
            var detail = String(neutron, "detail");
            var message = String(neutron, "message");
            return (string.IsNullOrEmpty(detail) ? message : $"{message} {detail}", String(neutron, "type"));
        }

        if (root["error"] is JsonObject keystone)
        {
            return (String(keystone, "message"), String(keystone, "title"));
        }

        if (String(root, "message") is { } plain)
        {
            return (plain, String(root, "type") ?? String(root, "title"));
        }

        // Nova, Cinder: one key naming the fault, holding its message.
        foreach (var (key, value) in root)
        {
            if (value is JsonObject fault && String(fault, "message") is { } faultMessage)
            {
                return (faultMessage, key);
            }
        }

        return (Text(body), null);
    }

    private static string? String(JsonObject node, string key) =>
        node[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Text(string body)
    {
        var text = Tags().Replace(body, " ");
        return Spaces().Replace(WebUtility.HtmlDecode(text), " ").Trim();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
