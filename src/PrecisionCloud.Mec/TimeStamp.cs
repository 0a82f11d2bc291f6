namespace PrecisionCloud.Mec;

/// <summary>A point in time as seconds and nanoseconds since the UNIX epoch (ETSI GS MEC 011 clauses 7.1.2.4 and 8.1.2.5).</summary>
/// <param name="Seconds">Seconds since 1970-01-01T00:00:00Z.</param>
/// <param name="NanoSeconds">Nanoseconds within that second.</param>
public sealed record TimeStamp(long Seconds, int NanoSeconds)
{
    /// <summary>The time stamp of a moment.</summary>
    /// <param name="moment">The moment.</param>
    /// <returns>Its seconds and nanoseconds since the epoch.</returns>
    public static TimeStamp From(DateTimeOffset moment)
    {
        var ticks = moment.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return new TimeStamp(ticks / TimeSpan.TicksPerSecond, (int)(ticks % TimeSpan.TicksPerSecond * 100));
    }
}
