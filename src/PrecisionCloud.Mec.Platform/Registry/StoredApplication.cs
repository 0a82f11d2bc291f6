using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Platform.Administration;

namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>An application instance as stored.</summary>
internal sealed record StoredApplication
{
    public required string AppInstanceId { get; init; }

    public required AppPhase Phase { get; init; }

    /// <summary>Whether the instance confirmed ready (its services were offered, so their removal is announced).</summary>
    public bool ReadyConfirmed { get; init; }

    public AppProvisioning? Provisioning { get; init; }

    public AppInfo? Registration { get; init; }

    public OperationAction? TerminationAction { get; init; }

    public DateTimeOffset? TerminationDeadline { get; init; }

    /// <summary>The instance's OAuth 2.0 client as the authorization server exported it (its secret only salted and hashed).</summary>
    public string? ClientRegistration { get; init; }
}
