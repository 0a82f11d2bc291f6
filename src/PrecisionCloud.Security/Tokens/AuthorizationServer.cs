using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PrecisionCloud.Security.Tokens;

/// <summary>
/// An OAuth 2.0 authorization server for the client credentials grant (RFC 6749 §4.4), as ETSI MEC 009 asks for
/// MEC APIs: clients are registered with their tenant, app instance and allowed scopes; a client authenticates with
/// its secret (stored as a salted HMAC-SHA256 of a 256-bit random secret, compared in constant time) or with its
/// mTLS identity (RFC 8705, the token then bound to its certificate); tokens are ES256 JWTs (RFC 9068) that
/// <see cref="AccessTokenValidator"/> and any JWKS-based validator accept. Thread-safe.
/// </summary>
public sealed class AuthorizationServer
{
    private readonly ConcurrentDictionary<string, OAuthClient> _clients = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>A server signing with these keys.</summary>
    /// <param name="options">Issuer, audience, token lifetime.</param>
    /// <param name="keys">The signing keys (published at the JWKS endpoint).</param>
    /// <param name="timeProvider">The clock.</param>
    public AuthorizationServer(AuthorizationServerOptions options, TokenSigningKeys keys, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        Options = options;
        Keys = keys;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The server's settings.</summary>
    public AuthorizationServerOptions Options { get; }

    /// <summary>The signing keys.</summary>
    public TokenSigningKeys Keys { get; }

    /// <summary>Registers a client that authenticates with a secret; the secret is returned once and kept only as a salted hash.</summary>
    /// <param name="client">The client (its secret fields are set here).</param>
    /// <returns>The client secret, to hand to the client.</returns>
    public string RegisterWithSecret(OAuthClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var secret = Base64UrlSecret();
        var salt = RandomNumberGenerator.GetBytes(16);
        Register(client with { SecretSalt = salt, SecretHash = HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret)) });
        return secret;
    }

    /// <summary>Registers a client that authenticates with its mTLS identity (<see cref="OAuthClient.CertificateIdentity"/>).</summary>
    /// <param name="client">The client.</param>
    public void RegisterWithCertificate(OAuthClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(client.CertificateIdentity, nameof(client));
        Register(client);
    }

    /// <summary>
    /// A client's registration as text a host can keep across restarts (a secret only as its salt and hash), to
    /// register it again with <see cref="Restore"/>.
    /// </summary>
    /// <param name="clientId">The client ID.</param>
    /// <returns>The registration, or none when the client is not registered.</returns>
    public string? ExportRegistration(string clientId)
    {
        if (!_clients.TryGetValue(clientId, out var client))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("clientId", client.ClientId);
            json.WriteString("tenant", client.Tenant);
            if (client.AppInstance is { } appInstance)
            {
                json.WriteString("appInstance", appInstance);
            }

            json.WriteStartArray("scopes");
            foreach (var scope in client.Scopes)
            {
                json.WriteStringValue(scope);
            }

            json.WriteEndArray();
            if (client.CertificateIdentity is { } identity)
            {
                json.WriteString("certificateIdentity", identity);
            }

            if (client is { SecretSalt: { } salt, SecretHash: { } hash })
            {
                json.WriteBase64String("secretSalt", salt);
                json.WriteBase64String("secretHash", hash);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Registers a client again from its <see cref="ExportRegistration"/> (replacing a registration of the same ID).</summary>
    /// <param name="registration">The exported registration.</param>
    /// <exception cref="FormatException">The text is not an exported registration.</exception>
    public void Restore(string registration)
    {
        ArgumentException.ThrowIfNullOrEmpty(registration);
        try
        {
            using var document = JsonDocument.Parse(registration);
            var root = document.RootElement;
            var client = new OAuthClient
            {
                ClientId = root.GetProperty("clientId").GetString()!,
                Tenant = root.GetProperty("tenant").GetString()!,
                AppInstance = root.TryGetProperty("appInstance", out var appInstance) ? appInstance.GetString() : null,
                Scopes = [.. root.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!)],
                CertificateIdentity = root.TryGetProperty("certificateIdentity", out var identity) ? identity.GetString() : null,
                SecretSalt = root.TryGetProperty("secretSalt", out var salt) ? salt.GetBytesFromBase64() : null,
                SecretHash = root.TryGetProperty("secretHash", out var hash) ? hash.GetBytesFromBase64() : null,
            };
            if (client.CertificateIdentity is null && (client.SecretSalt is null || client.SecretHash is null))
            {
                throw new FormatException("the registration has neither a secret's salt and hash nor a certificate identity");
            }

            _clients.TryRemove(client.ClientId, out _);
            Register(client);
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("not an exported client registration: " + error.Message, error);
        }
    }

    /// <summary>Removes a client; tokens it holds stay valid until they expire (keep lifetimes short).</summary>
    /// <param name="clientId">The client ID.</param>
    /// <returns>Whether it was registered.</returns>
    public bool Remove(string clientId) => _clients.TryRemove(clientId, out _);

    /// <summary>
    /// The client credentials grant: authenticates the client by secret or by the identity of its certificate and
    /// issues a token for the scopes asked (all its scopes when none are asked). Refusals are RFC 6749 §5.2 errors.
    /// </summary>
    /// <param name="request">The token request.</param>
    /// <returns>The token, or the error.</returns>
    public TokenResponse Grant(TokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.GrantType != "client_credentials")
        {
            return TokenResponse.Error(request.GrantType is null ? "invalid_request" : "unsupported_grant_type",
                request.GrantType is null ? "grant_type is missing" : $"grant type '{request.GrantType}' is not supported; use client_credentials");
        }

        if (request.ClientId is not { } clientId || !_clients.TryGetValue(clientId, out var client) || !Authenticates(client, request))
        {
            return TokenResponse.Error("invalid_client", "client authentication failed", unauthorized: true);
        }

        var asked = request.Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var unknown = asked.FirstOrDefault(s => !client.Scopes.Contains(s, StringComparer.Ordinal));
        if (unknown is not null)
        {
            return TokenResponse.Error("invalid_scope", $"scope '{unknown}' is not granted to this client");
        }

        var now = _time.GetUtcNow();
        var scopes = asked.Length > 0 ? asked.Distinct(StringComparer.Ordinal).ToArray() : [.. client.Scopes];
        var token = AccessTokenFormat.Write(new AccessTokenClaims
        {
            Issuer = Options.Issuer,
            ClientId = client.ClientId,
            Audience = Options.Audience,
            Tenant = client.Tenant,
            AppInstance = client.AppInstance,
            Scopes = scopes,
            IssuedAt = now,
            ExpiresAt = now + Options.TokenLifetime,
            TokenId = Base64UrlSecret(),
            CertificateThumbprint = client.CertificateIdentity is null ? null : request.ClientCertificateThumbprint,
        }, Keys);
        return new TokenResponse(token, (int)Options.TokenLifetime.TotalSeconds, string.Join(' ', scopes), null, null, false);
    }

    private static string Base64UrlSecret() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static bool Authenticates(OAuthClient client, TokenRequest request)
    {
        if (client.CertificateIdentity is { } identity)
        {
            return request.ClientCertificateIdentity == identity && request.ClientCertificateThumbprint is not null && request.ClientSecret is null;
        }

        return request.ClientSecret is { } secret && client.SecretSalt is { } salt && client.SecretHash is { } hash
            && CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret)), hash);
    }

    private void Register(OAuthClient client)
    {
        ArgumentException.ThrowIfNullOrEmpty(client.ClientId, nameof(client));
        ArgumentException.ThrowIfNullOrEmpty(client.Tenant, nameof(client));
        if (!_clients.TryAdd(client.ClientId, client))
        {
            throw new InvalidOperationException($"client '{client.ClientId}' is registered already");
        }
    }
}
