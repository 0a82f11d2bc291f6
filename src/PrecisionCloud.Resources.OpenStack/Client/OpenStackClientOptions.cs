namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>How the client talks to the cloud: timeouts, retries, token refresh and page sizes.</summary>
public sealed class OpenStackClientOptions
{
    /// <summary>How long one HTTP request may take, 1 s to 10 min.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times a request that may be repeated safely is retried after 503, 429, a retryable 409 or a broken connection, 0 to 10.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry's delay; each next one doubles, with jitter, capped at 30 s. A server's Retry-After wins.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A token is renewed this long before it expires (or at half its life, if that comes first).</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many items a list asks for per page (the <c>limit</c>), 1 to 1000.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>How often a bounded wait (a server to become ACTIVE, a volume available) polls.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Says what is out of range, or <see langword="null"/>.</summary>
    public string? Validate() =>
        RequestTimeout < TimeSpan.FromSeconds(1) || RequestTimeout > TimeSpan.FromMinutes(10) ? "RequestTimeout must be 1 s to 10 min"
        : MaxRetries is < 0 or > 10 ? "MaxRetries must be 0 to 10"
        : RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > TimeSpan.FromSeconds(30) ? "RetryBaseDelay must be 0 to 30 s"
        : TokenRefreshMargin < TimeSpan.Zero || TokenRefreshMargin > TimeSpan.FromHours(1) ? "TokenRefreshMargin must be 0 to 1 h"
        : PageSize is < 1 or > 1000 ? "PageSize must be 1 to 1000"
        : PollInterval < TimeSpan.FromMilliseconds(10) || PollInterval > TimeSpan.FromMinutes(1) ? "PollInterval must be 10 ms to 1 min"
        : null;
}
