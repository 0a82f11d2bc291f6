namespace PrecisionCloud.UserPlane.Pfcp.InformationElements;

/// <summary>
/// PFCP times (Recovery Time Stamp, Start/End Time, Time of First/Last Packet): seconds of the NTP timescale
/// (RFC 5905) in 32 bits. Values with the top bit clear are read in the era that starts on 2036-02-07, as RFC 4330
/// §3 advises, so the field keeps working past 2036.
/// </summary>
public static class NtpTime
{
    private static readonly DateTimeOffset Era0 = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Era1 = Era0.AddSeconds(1L << 32);

    /// <summary>The time a 32-bit NTP seconds value stands for.</summary>
    /// <param name="seconds">The value.</param>
    /// <returns>The time (UTC).</returns>
    public static DateTimeOffset ToDateTimeOffset(uint seconds) => (seconds & 0x8000_0000) != 0 ? Era0.AddSeconds(seconds) : Era1.AddSeconds(seconds);

    /// <summary>The 32-bit NTP seconds value of a time (whole seconds, truncated).</summary>
    /// <param name="time">A time between 1968 and 2104.</param>
    /// <returns>The value.</returns>
    public static uint FromDateTimeOffset(DateTimeOffset time) => (uint)(long)Math.Floor((time - Era0).TotalSeconds);
}
