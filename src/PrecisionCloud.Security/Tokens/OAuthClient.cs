namespace PrecisionCloud.Security.Tokens;

/// <summary>
/// A client registered with the authorization server: its tenant, the app instance it is (for MEC apps), the
/// scopes it may ask for, and how it authenticates: a secret (kept only as a salted hash) or its mTLS identity
/// (RFC 8705 <c>tls_client_auth</c>), in which case its tokens are bound to its certificate.
/// </summary>
public sealed record OAuthClient
{
    /// <summary>The client ID.</summary>
    public required string ClientId { get; init; }

    /// <summary>The tenant the client acts for.</summary>
    public required string Tenant { get; init; }

    /// <summary>The app instance the client is, for MEC apps.</summary>
    public string? AppInstance { get; init; }

    /// <summary>The scopes it may be granted (for example <c>mec_app_support</c>, <c>mec_service_mgmt</c>, <c>location</c>).</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>The SPIFFE ID of the client's certificate, for clients that authenticate with mutual TLS.</summary>
    public string? CertificateIdentity { get; init; }

    internal byte[]? SecretSalt { get; init; }

    internal byte[]? SecretHash { get; init; }
}
