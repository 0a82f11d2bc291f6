using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>The platform's notice that an application instance is being stopped or terminated (ETSI GS MEC 011 clause 7.1.4.2).</summary>
public sealed record AppTerminationNotification
{
    /// <summary>The notification type of this record.</summary>
    public const string Type = "AppTerminationNotification";

    /// <summary>Always <c>AppTerminationNotification</c>.</summary>
    public string NotificationType { get; init; } = Type;

    /// <summary>Stopping or terminating.</summary>
    public required OperationAction OperationAction { get; init; }

    /// <summary>The seconds the instance has to finish before the platform goes on without it.</summary>
    public required int MaxGracefulTimeout { get; init; }

    /// <summary>The subscription and where to confirm.</summary>
    [JsonPropertyName("_links")]
    public required AppTerminationNotificationLinks Links { get; init; }
}
