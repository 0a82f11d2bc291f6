using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace PrecisionCloud.Security.Tokens;

/// <summary>The ES256 (P-256) public keys of a JSON Web Key Set (RFC 7517), as fetched from an authorization server's JWKS endpoint.</summary>
public sealed class JsonWebKeySet : IDisposable
{
    private readonly Dictionary<string, ECDsa> _keys;

    private JsonWebKeySet(Dictionary<string, ECDsa> keys)
    {
        _keys = keys;
    }

    /// <summary>The key IDs.</summary>
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>Reads the P-256 signing keys of a JWKS document; other keys are passed over.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The key set.</returns>
    /// <exception cref="FormatException">The document is not a JWKS.</exception>
    public static JsonWebKeySet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            foreach (var key in document.RootElement.GetProperty("keys").EnumerateArray())
            {
                if (key.TryGetProperty("kty", out var kty) && kty.GetString() == "EC" && key.TryGetProperty("crv", out var crv) && crv.GetString() == "P-256"
                    && key.TryGetProperty("kid", out var kid) && kid.GetString() is { } id)
                {
                    keys[id] = ECDsa.Create(new ECParameters
                    {
                        Curve = ECCurve.NamedCurves.nistP256,
                        Q = new ECPoint { X = Base64Url.DecodeFromChars(key.GetProperty("x").GetString()), Y = Base64Url.DecodeFromChars(key.GetProperty("y").GetString()) },
                    });
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or CryptographicException)
        {
            throw new FormatException($"not a JSON Web Key Set: {exception.Message}", exception);
        }

        return new JsonWebKeySet(keys);
    }

    /// <summary>The public key with this ID, or none.</summary>
    /// <param name="id">The key ID (<c>kid</c>).</param>
    /// <returns>The key.</returns>
    public ECDsa? KeyOf(string id) => _keys.GetValueOrDefault(id);

    /// <summary>Releases the keys.</summary>
    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
