namespace PrecisionCloud.Mec.Platform;

/// <summary>How the platform delivers notifications to subscribers' callbacks: at least once, in order per subscription.</summary>
public sealed class NotificationDeliveryOptions
{
    /// <summary>The wait before the first retry; each further retry doubles it, up to <see cref="MaxRetryDelay"/>, less a random jitter of up to half.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts after which a notification becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long a notification stays worth delivering; after that it becomes a dead letter.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
