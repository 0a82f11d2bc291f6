using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace PrecisionCloud.Security.Tokens;

/// <summary>
/// The ES256 (ECDSA P-256, SHA-256) keys that sign access tokens: the current one signs; earlier ones stay
/// published in the JWKS and valid for validation until the tokens they signed have expired. Thread-safe.
/// </summary>
public sealed class TokenSigningKeys : IDisposable
{
    private readonly Lock _rotation = new();
    private SigningKey[] _keys;

    /// <summary>Starts with one fresh key.</summary>
    public TokenSigningKeys()
    {
        _keys = [SigningKey.Create()];
    }

    /// <summary>The key ID of the key that signs now.</summary>
    public string CurrentKeyId => Volatile.Read(ref _keys)[^1].Id;

    /// <summary>The key IDs published, oldest first.</summary>
    public IReadOnlyList<string> KeyIds => [.. Volatile.Read(ref _keys).Select(k => k.Id)];

    /// <summary>Makes a new key current; the old ones keep validating the tokens they signed.</summary>
    /// <param name="retire">Keys to stop publishing (those whose last token has expired), by ID.</param>
    /// <returns>The new key's ID.</returns>
    public string Rotate(IEnumerable<string>? retire = null)
    {
        var retired = (retire ?? []).ToHashSet(StringComparer.Ordinal);
        lock (_rotation)
        {
            var fresh = SigningKey.Create();
            var keep = _keys.Where(k => !retired.Contains(k.Id)).ToList();
            foreach (var key in _keys.Where(k => retired.Contains(k.Id)))
            {
                key.Key.Dispose();
            }

            Volatile.Write(ref _keys, [.. keep, fresh]);
            return fresh.Id;
        }
    }

    /// <summary>The public keys as a JSON Web Key Set (RFC 7517), for the JWKS endpoint.</summary>
    /// <returns>The JWKS document.</returns>
    public string ExportJwks()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("keys");
            foreach (var key in Volatile.Read(ref _keys))
            {
                var parameters = key.Key.ExportParameters(includePrivateParameters: false);
                json.WriteStartObject();
                json.WriteString("kty", "EC");
                json.WriteString("crv", "P-256");
                json.WriteString("x", Base64Url.EncodeToString(parameters.Q.X));
                json.WriteString("y", Base64Url.EncodeToString(parameters.Q.Y));
                json.WriteString("kid", key.Id);
                json.WriteString("use", "sig");
                json.WriteString("alg", "ES256");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Releases the keys.</summary>
    public void Dispose()
    {
        foreach (var key in _keys)
        {
            key.Key.Dispose();
        }
    }

    internal SigningKey Current => Volatile.Read(ref _keys)[^1];

    /// <summary>The public key with this ID, or none.</summary>
    /// <param name="id">The key ID (<c>kid</c>).</param>
    /// <returns>The key.</returns>
    public System.Security.Cryptography.ECDsa? KeyOf(string id) => Find(id)?.Key;

    internal SigningKey? Find(ReadOnlySpan<char> id)
    {
        foreach (var key in Volatile.Read(ref _keys))
        {
            if (id.SequenceEqual(key.Id))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>A key and its ID (the base64url of the start of a hash of its public key, stable across restarts of the same key).</summary>
    internal sealed record SigningKey(string Id, ECDsa Key)
    {
        public static SigningKey Create()
        {
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var hash = SHA256.HashData(key.ExportSubjectPublicKeyInfo());
            return new SigningKey(Base64Url.EncodeToString(hash.AsSpan(0, 12)), key);
        }
    }
}
