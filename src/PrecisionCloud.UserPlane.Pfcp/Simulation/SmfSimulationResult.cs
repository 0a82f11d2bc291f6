using PrecisionCloud.UserPlane.Pfcp.Codec;

namespace PrecisionCloud.UserPlane.Pfcp.Simulation;

/// <summary>What a simulator run measured.</summary>
public sealed record SmfSimulationResult
{
    /// <summary>Sessions the agent accepted.</summary>
    public required int Established { get; init; }

    /// <summary>Establishments answered with another cause, by cause.</summary>
    public required IReadOnlyDictionary<PfcpCause, int> Rejected { get; init; }

    /// <summary>Requests (establishment or deletion) that got no answer within the timeout.</summary>
    public required int Unanswered { get; init; }

    /// <summary>Sessions deleted afterwards.</summary>
    public required int Deleted { get; init; }

    /// <summary>From the first establishment sent to the last one answered.</summary>
    public required TimeSpan EstablishmentTime { get; init; }

    /// <summary>Answered establishments per second over <see cref="EstablishmentTime"/>.</summary>
    public double EstablishmentsPerSecond => EstablishmentTime > TimeSpan.Zero ? (Established + Rejected.Values.Sum()) / EstablishmentTime.TotalSeconds : 0;

    /// <summary>The median time from sending an establishment to its answer.</summary>
    public required TimeSpan MedianLatency { get; init; }

    /// <summary>The 99th percentile of that time.</summary>
    public required TimeSpan P99Latency { get; init; }

    /// <summary>Session Report Requests the agent sent during the run (each answered with Request accepted).</summary>
    public required int ReportsReceived { get; init; }
}
