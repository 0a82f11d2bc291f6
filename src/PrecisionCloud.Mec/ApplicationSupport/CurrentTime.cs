namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>The platform's current time (ETSI GS MEC 011 clause 7.1.2.5).</summary>
/// <param name="Seconds">Seconds since the UNIX epoch.</param>
/// <param name="NanoSeconds">Nanoseconds within that second.</param>
/// <param name="TimeSourceStatus">Whether the clock is locked to UTC.</param>
public sealed record CurrentTime(long Seconds, int NanoSeconds, TimeSourceStatus TimeSourceStatus);
