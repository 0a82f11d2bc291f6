using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using PrecisionCloud.Security.Sealing;

namespace PrecisionCloud.Security.Tokens;

/// <summary>
/// The ES256 (ECDSA P-256, SHA-256) keys that sign access tokens: the current one signs; earlier ones stay
/// published in the JWKS and valid for validation until the tokens they signed have expired. Kept in memory, or
/// persisted sealed (<see cref="PersistAsync"/>), so that a restart keeps issued tokens valid. Thread-safe.
/// </summary>
public sealed class TokenSigningKeys : IDisposable
{
    /// <summary>The sealing purpose of persisted signing keys.</summary>
    public const string KeyPurpose = "token-signing-keys";
    private const string FileName = "token-signing-keys.sealed";
    private readonly Lock _rotation = new();
    private SigningKey[] _keys;
    private (string Directory, ISecretSealer Sealer)? _store;

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

    /// <summary>
    /// Keeps the keys in <paramref name="directory"/>, sealed: the keys found there replace these (the first time,
    /// these are written there), and <see cref="RotateAsync"/> writes every change.
    /// </summary>
    /// <param name="directory">Where (created with access for the owner only).</param>
    /// <param name="sealer">Seals the keys (purpose <see cref="KeyPurpose"/>).</param>
    /// <param name="cancellationToken">Cancels the first write.</param>
    /// <returns>A task that completes when the keys are loaded or written.</returns>
    /// <exception cref="SealingException">The stored keys cannot be opened.</exception>
    public async Task PersistAsync(string directory, ISecretSealer sealer, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(sealer);
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            var plaintext = sealer.Unseal(KeyPurpose, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
            try
            {
                using var document = JsonDocument.Parse(plaintext);
                SigningKey[] loaded = [.. document.RootElement.GetProperty("keys").EnumerateArray().Select(k => SigningKey.Import(k.GetBytesFromBase64()))];
                lock (_rotation)
                {
                    foreach (var key in _keys)
                    {
                        key.Key.Dispose();
                    }

                    Volatile.Write(ref _keys, loaded);
                    _store = (directory, sealer);
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }

            return;
        }

        _store = (directory, sealer);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="Rotate"/>, then writes the keys when they are persisted.</summary>
    /// <param name="retire">Keys to stop publishing, by ID.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new key's ID.</returns>
    public async Task<string> RotateAsync(IEnumerable<string>? retire = null, CancellationToken cancellationToken = default)
    {
        var id = Rotate(retire);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
        return id;
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

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_store is not { } store)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("keys");
            foreach (var key in Volatile.Read(ref _keys))
            {
                json.WriteBase64StringValue(key.Key.ExportPkcs8PrivateKey());
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        var plaintext = buffer.ToArray();
        byte[] sealedKeys;
        try
        {
            sealedKeys = await store.Sealer.SealAsync(KeyPurpose, plaintext, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
            CryptographicOperations.ZeroMemory(buffer.GetBuffer());
        }

        await OwnerOnlyFiles.WriteAsync(Path.Combine(store.Directory, FileName), sealedKeys, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A key and its ID (the base64url of the start of a hash of its public key, stable across restarts of the same key).</summary>
    internal sealed record SigningKey(string Id, ECDsa Key)
    {
        public static SigningKey Create() => From(ECDsa.Create(ECCurve.NamedCurves.nistP256));

        public static SigningKey Import(byte[] pkcs8)
        {
            var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(pkcs8, out _);
            CryptographicOperations.ZeroMemory(pkcs8);
            return From(key);
        }

        private static SigningKey From(ECDsa key)
        {
            var hash = SHA256.HashData(key.ExportSubjectPublicKeyInfo());
            return new SigningKey(Base64Url.EncodeToString(hash.AsSpan(0, 12)), key);
        }
    }
}
