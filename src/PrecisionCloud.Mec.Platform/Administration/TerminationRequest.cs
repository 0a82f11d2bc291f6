using PrecisionCloud.Mec.ApplicationSupport;

namespace PrecisionCloud.Mec.Platform.Administration;

/// <summary>The management's order to stop or terminate an application instance.</summary>
public sealed record TerminationRequest
{
    /// <summary>Stopping or terminating (terminating when absent).</summary>
    public OperationAction? OperationAction { get; init; }

    /// <summary>The seconds the application gets to finish (the platform's default when absent).</summary>
    public int? MaxGracefulTimeout { get; init; }
}
