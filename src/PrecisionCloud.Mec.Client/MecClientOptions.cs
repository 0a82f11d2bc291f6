namespace PrecisionCloud.Mec.Client;

/// <summary>Options of the MEC client (section <c>PrecisionCloud:MecClient</c>).</summary>
public sealed class MecClientOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "PrecisionCloud:MecClient";

    /// <summary>Where the MEC platform is (<c>{apiRoot}</c>, for example <c>http://127.0.0.1:8080</c>).</summary>
    public Uri? ApiRoot { get; set; }

    /// <summary>This application's instance identifier (provisioned, or assigned at registration and set here).</summary>
    public string? AppInstanceId { get; set; }

    /// <summary>The OAuth 2.0 client identifier; without it requests carry no token (a platform in conformance mode).</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth 2.0 client secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The token endpoint; discovered from the platform's <c>/transports</c> when absent.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The scopes to ask for; when none, the token carries every scope the client is registered for.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>Retries of a request the platform answered 429, 502, 503 or 504, or that failed to connect.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry's wait; each further one doubles, with jitter; a longer <c>Retry-After</c> wins.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between retries (also caps <c>Retry-After</c>).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long before its expiry a token is renewed.</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromSeconds(30);
}
