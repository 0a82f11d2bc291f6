namespace PrecisionCloud.Security.Tokens;

/// <summary>How a client gets its access tokens: the token endpoint, its credentials and the scopes it asks for.</summary>
public sealed class ClientCredentialsOptions
{
    /// <summary>The token endpoint.</summary>
    public required Uri TokenEndpoint { get; set; }

    /// <summary>The client ID.</summary>
    public required string ClientId { get; set; }

    /// <summary>The client secret; none for a client that authenticates with its mTLS identity.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scopes to ask for (space-separated); all the client's scopes when none.</summary>
    public string? Scope { get; set; }

    /// <summary>How long before its expiry a token is replaced.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromSeconds(60);
}
