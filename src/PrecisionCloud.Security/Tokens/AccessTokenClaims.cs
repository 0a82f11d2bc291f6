namespace PrecisionCloud.Security.Tokens;

/// <summary>What an access token says (RFC 9068 names where they exist): who it was issued to, for what, until when.</summary>
public sealed record AccessTokenClaims
{
    /// <summary>The issuer (<c>iss</c>), the authorization server's URL.</summary>
    public required string Issuer { get; init; }

    /// <summary>The client the token was issued to (<c>sub</c> and <c>client_id</c>).</summary>
    public required string ClientId { get; init; }

    /// <summary>The API the token is for (<c>aud</c>).</summary>
    public required string Audience { get; init; }

    /// <summary>The tenant the client acts for (<c>tenant</c>).</summary>
    public required string Tenant { get; init; }

    /// <summary>The app instance the client is, for MEC apps (<c>app_instance</c>).</summary>
    public string? AppInstance { get; init; }

    /// <summary>The scopes granted (<c>scope</c>, space-separated in the token).</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>When it was issued (<c>iat</c>).</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>When it expires (<c>exp</c>).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Its unique ID (<c>jti</c>).</summary>
    public required string TokenId { get; init; }

    /// <summary>
    /// The SHA-256 thumbprint (base64url) of the client certificate the token is bound to (<c>cnf.x5t#S256</c>,
    /// RFC 8705), or none: a bound token is accepted only over a connection with that certificate.
    /// </summary>
    public string? CertificateThumbprint { get; init; }
}
