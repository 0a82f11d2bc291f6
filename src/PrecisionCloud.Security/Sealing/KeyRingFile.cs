using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PrecisionCloud.Security.Sealing;

/// <summary>
/// The key ring on disk (<c>keyring.json</c>): every data key encrypted under the root key with AES-256-GCM, bound
/// to its purpose and version, and an identifier of the root key (a hash, not the key) so that a ring opened with
/// another root key is refused by name rather than failing key by key. Written as <see cref="OwnerOnlyFiles"/>
/// writes: mode 0600, whole or not at all.
/// </summary>
internal static class KeyRingFile
{
    public const string FileName = "keyring.json";
    private const int FormatVersion = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int KeyLength = 32;

    public static List<DataKey> Load(string directory, ReadOnlySpan<byte> rootKey)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("format").GetInt32() != FormatVersion)
            {
                throw new SealingException($"the key ring {path} has a format this version does not read");
            }

            if (root.GetProperty("rootKeyId").GetString() != RootKeyId(rootKey))
            {
                throw new SealingException($"the key ring {path} was written under another root key");
            }

            var keys = new List<DataKey>();
            foreach (var entry in root.GetProperty("keys").EnumerateArray())
            {
                var purpose = entry.GetProperty("purpose").GetString() ?? throw new SealingException($"the key ring {path} has a key without a purpose");
                var version = entry.GetProperty("version").GetInt32();
                var wrapped = entry.GetProperty("wrapped").GetBytesFromBase64();
                keys.Add(new DataKey(purpose, version, entry.GetProperty("created").GetDateTimeOffset(), Unwrap(rootKey, purpose, version, wrapped, path)));
            }

            return keys;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new SealingException($"the key ring {path} cannot be read: {exception.Message}", exception);
        }
    }

    public static async Task SaveAsync(string directory, IReadOnlyList<DataKey> keys, ReadOnlyMemory<byte> rootKey, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", FormatVersion);
            writer.WriteString("rootKeyId", RootKeyId(rootKey.Span));
            writer.WriteStartArray("keys");
            foreach (var key in keys)
            {
                writer.WriteStartObject();
                writer.WriteString("purpose", key.Purpose);
                writer.WriteNumber("version", key.Version);
                writer.WriteString("created", key.Created);
                writer.WriteBase64String("wrapped", Wrap(rootKey.Span, key));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        await OwnerOnlyFiles.WriteAsync(Path.Combine(directory, FileName), buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A stable, non-secret name of a root key: the start of a hash of it under a fixed label.</summary>
    public static string RootKeyId(ReadOnlySpan<byte> rootKey)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(rootKey, "precisioncloud root key id"u8, hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    private static byte[] Wrap(ReadOnlySpan<byte> rootKey, DataKey key)
    {
        var wrapped = new byte[NonceLength + KeyLength + TagLength];
        var nonce = wrapped.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(rootKey, TagLength);
        aes.Encrypt(nonce, key.Key, wrapped.AsSpan(NonceLength, KeyLength), wrapped.AsSpan(NonceLength + KeyLength), Context(key.Purpose, key.Version));
        return wrapped;
    }

    private static byte[] Unwrap(ReadOnlySpan<byte> rootKey, string purpose, int version, byte[] wrapped, string path)
    {
        if (wrapped.Length != NonceLength + KeyLength + TagLength)
        {
            throw new SealingException($"the key ring {path} holds a malformed key for purpose '{purpose}' version {version}");
        }

        var key = new byte[KeyLength];
        try
        {
            using var aes = new AesGcm(rootKey, TagLength);
            aes.Decrypt(wrapped.AsSpan(0, NonceLength), wrapped.AsSpan(NonceLength, KeyLength), wrapped.AsSpan(NonceLength + KeyLength), key, Context(purpose, version));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new SealingException($"the key ring {path} holds an altered key for purpose '{purpose}' version {version}", exception);
        }

        return key;
    }

    /// <summary>What a wrapped key is bound to: moving it to another purpose or version makes it fail to open.</summary>
    private static byte[] Context(string purpose, int version) => Encoding.UTF8.GetBytes($"precisioncloud data key v1|{purpose}|{version}");
}
