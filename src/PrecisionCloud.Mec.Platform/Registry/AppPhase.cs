namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>Where an application instance is in its lifecycle.</summary>
internal enum AppPhase
{
    /// <summary>Known from provisioning, not registered yet.</summary>
    Provisioned,

    /// <summary>Registered, not yet confirmed ready: its services are not offered to others.</summary>
    Registered,

    /// <summary>Confirmed ready: its services are offered.</summary>
    Ready,

    /// <summary>Being stopped or terminated; waiting for its confirmation or the graceful timeout.</summary>
    Terminating,
}
