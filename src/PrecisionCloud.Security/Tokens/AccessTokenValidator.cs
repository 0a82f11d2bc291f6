using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PrecisionCloud.Security.Tokens;

/// <summary>
/// Validates access tokens: ES256 signature by a known key, issuer, audience, lifetime within a bounded clock skew,
/// and, for tokens bound to a client certificate (RFC 8705), that certificate on the connection. A token whose
/// signature was checked is remembered until it expires, so a client presenting its token again costs a lookup,
/// not a signature check; the time, audience and binding are checked on every use. Thread-safe.
/// </summary>
public sealed class AccessTokenValidator
{
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);
    private readonly TokenValidationOptions _options;
    private readonly Func<string, ECDsa?> _keyOf;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, AccessTokenClaims> _verified = new(StringComparer.Ordinal);

    /// <summary>
    /// Validates tokens signed by the keys a key resolver knows: <see cref="TokenSigningKeys.KeyOf"/> for the
    /// authorization server in this process, <see cref="JsonWebKeySet.KeyOf"/> for one read from a JWKS.
    /// </summary>
    /// <param name="options">What tokens must say.</param>
    /// <param name="keyOf">The public key for a key ID, or none.</param>
    /// <param name="timeProvider">The clock.</param>
    public AccessTokenValidator(TokenValidationOptions options, Func<string, ECDsa?> keyOf, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keyOf);
        _options = options;
        _keyOf = keyOf;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Validates a token presented on a connection with (or without) a client certificate.</summary>
    /// <param name="token">The compact token.</param>
    /// <param name="clientCertificateThumbprint">The SHA-256 thumbprint (base64url) of the connection's client certificate, if any.</param>
    /// <returns>The claims, or why the token is refused.</returns>
    public TokenValidationResult Validate(string token, string? clientCertificateThumbprint = null) => Validate(token, clientCertificateThumbprint, null);

    /// <summary>Validates a token presented on a connection with this client certificate, hashed only when the token is bound to one.</summary>
    internal TokenValidationResult Validate(string token, System.Security.Cryptography.X509Certificates.X509Certificate2? clientCertificate) => Validate(token, null, clientCertificate);

    private TokenValidationResult Validate(string token, string? clientCertificateThumbprint, System.Security.Cryptography.X509Certificates.X509Certificate2? clientCertificate)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!_verified.TryGetValue(token, out var claims))
        {
            claims = AccessTokenFormat.Read(token, _keyOf, out var problem);
            if (claims is null)
            {
                return new TokenValidationResult(null, problem);
            }

            if (_verified.Count >= _options.CacheSize)
            {
                _verified.Clear();
            }

            _verified.TryAdd(token, claims);
        }

        var now = _time.GetUtcNow();
        var skew = _options.ClockSkew < MaxClockSkew ? _options.ClockSkew : MaxClockSkew;
        var refusal =
            !string.Equals(claims.Issuer, _options.Issuer, StringComparison.Ordinal) ? $"the token was issued by '{claims.Issuer}', not '{_options.Issuer}'"
            : !string.Equals(claims.Audience, _options.Audience, StringComparison.Ordinal) ? $"the token is for '{claims.Audience}', not '{_options.Audience}'"
            : claims.ExpiresAt + skew <= now ? "the token has expired"
            : claims.IssuedAt - skew > now ? "the token is not valid yet"
            : claims.CertificateThumbprint is { } bound
                && !string.Equals(bound, clientCertificateThumbprint ?? (clientCertificate is null ? null : AuthorizationServerEndpoints.Thumbprint(clientCertificate)), StringComparison.Ordinal)
                ? "the token is bound to another client certificate"
            : null;
        if (refusal is not null && claims.ExpiresAt + skew <= now)
        {
            _verified.TryRemove(token, out _);
        }

        return refusal is null ? new TokenValidationResult(claims, null) : new TokenValidationResult(null, refusal);
    }
}
