using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>The platform's notice that services were added, removed or changed (ETSI GS MEC 011 clause 8.1.4.2).</summary>
public sealed record ServiceAvailabilityNotification
{
    /// <summary>The notification type of this record.</summary>
    public const string Type = "SerAvailabilityNotification";

    /// <summary>Always <c>SerAvailabilityNotification</c>.</summary>
    public string NotificationType { get; init; } = Type;

    /// <summary>The services that changed.</summary>
    public required IReadOnlyList<ServiceReference> ServiceReferences { get; init; }

    /// <summary>The subscription the notification is for.</summary>
    [JsonPropertyName("_links")]
    public required NotificationLinks Links { get; init; }
}
