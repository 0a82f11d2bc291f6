namespace PrecisionCloud.Security.Tokens;

/// <summary>A token request as the token endpoint received it (RFC 6749 §4.4.2), with the connection's client certificate.</summary>
/// <param name="GrantType">The <c>grant_type</c>.</param>
/// <param name="ClientId">The client ID (from the form or HTTP Basic).</param>
/// <param name="ClientSecret">The client secret (from the form or HTTP Basic), if any.</param>
/// <param name="Scope">The space-separated scopes asked, if any.</param>
/// <param name="ClientCertificateIdentity">The SPIFFE ID of the connection's client certificate, if any.</param>
/// <param name="ClientCertificateThumbprint">Its SHA-256 thumbprint (base64url), if any.</param>
public sealed record TokenRequest(string? GrantType, string? ClientId, string? ClientSecret, string? Scope, string? ClientCertificateIdentity = null,
    string? ClientCertificateThumbprint = null);
