using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>The notification a subscription that asked for one gets first (ETSI GS MEC 013 clause 6.4.3, <c>requestTestNotification</c>).</summary>
public sealed record TestNotification
{
    /// <summary>The notification type of this record.</summary>
    public const string Type = "TestNotification";

    /// <summary>Always <c>TestNotification</c>.</summary>
    public string NotificationType { get; init; } = Type;

    /// <summary>The subscription.</summary>
    [JsonPropertyName("_links")]
    public required NotificationLinks Links { get; init; }
}
