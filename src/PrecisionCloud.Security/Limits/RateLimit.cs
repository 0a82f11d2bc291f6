namespace PrecisionCloud.Security.Limits;

/// <summary>A token bucket: <see cref="PerSecond"/> requests a second on average, bursts of up to <see cref="Burst"/>.</summary>
public sealed class RateLimit
{
    /// <summary>Requests a second, on average.</summary>
    public int PerSecond { get; set; } = 100;

    /// <summary>Requests at once after a quiet period.</summary>
    public int Burst { get; set; } = 200;
}
