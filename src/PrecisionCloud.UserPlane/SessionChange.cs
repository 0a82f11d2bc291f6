namespace PrecisionCloud.UserPlane;

/// <summary>What installing a rule set asks of the ports: End Markers on old paths, buffered packets to send now.</summary>
/// <param name="Seid">The session.</param>
/// <param name="EndMarkers">End Markers to send toward the previous peers of switched paths.</param>
/// <param name="ReleasedPackets">Downlink packets buffered while the UE was idle, to process again now that their FAR forwards.</param>
public sealed record SessionChange(ulong Seid, IReadOnlyList<EndMarkerInstruction> EndMarkers, IReadOnlyList<byte[]> ReleasedPackets)
{
    /// <summary>The last usage reports of URRs the new rule set no longer has (trigger TERMR), so nothing they counted is lost.</summary>
    public IReadOnlyList<Usage.UsageReport> RemovedUrrReports { get; init; } = [];
}
