using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PrecisionCloud.Security.Sealing;

/// <summary>
/// The key hierarchy of <see cref="ISecretSealer"/>: a root key from configuration or a key file, a data key per
/// purpose (created on first use, 256 bits from the system's generator), kept in a key ring on disk encrypted under
/// the root key. Sealed data is <c>format (1) | key version (4) | nonce (12) | ciphertext | tag (16)</c>, with the
/// purpose and version as associated data. Nonces are random: rotate a purpose's key well before 2^32 seals.
/// Thread-safe; the ring is read once, at construction.
/// </summary>
public sealed partial class SecretSealer : ISecretSealer, IDisposable
{
    private const byte Format = 1;
    private const int HeaderLength = 1 + 4 + NonceLength;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int KeyLength = 32;

    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _write = new(1, 1);
    private byte[] _rootKey;
    private Dictionary<string, DataKey[]> _keys;

    /// <summary>Reads the root key and the key ring (an absent ring is an empty one).</summary>
    /// <param name="options">Where the keys are.</param>
    /// <param name="timeProvider">The clock for key creation times.</param>
    /// <param name="logger">Where key creation and rotation are logged (never key material).</param>
    /// <exception cref="SealingException">The root key is missing or malformed, or the ring belongs to another root key or was altered.</exception>
    public SecretSealer(SealingOptions options, TimeProvider? timeProvider = null, ILogger<SecretSealer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _directory = options.KeyDirectory;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _rootKey = RootKeyFrom(options);
        _keys = ByPurpose(KeyRingFile.Load(_directory, _rootKey));
    }

    /// <summary>The data key versions the ring holds for <paramref name="purpose"/>, oldest first.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <returns>The versions; empty before the purpose's first seal.</returns>
    public IReadOnlyList<int> KeyVersions(string purpose) =>
        Volatile.Read(ref _keys).TryGetValue(purpose, out var keys) ? [.. keys.Select(k => k.Version)] : [];

    /// <inheritdoc/>
    public async ValueTask<byte[]> SealAsync(string purpose, ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var key = Current(purpose) ?? await CreateFirstKeyAsync(purpose, cancellationToken).ConfigureAwait(false);
        var sealedData = new byte[HeaderLength + plaintext.Length + TagLength];
        sealedData[0] = Format;
        BinaryPrimitives.WriteInt32BigEndian(sealedData.AsSpan(1), key.Version);
        var nonce = sealedData.AsSpan(5, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Key, TagLength);
        aes.Encrypt(nonce, plaintext.Span, sealedData.AsSpan(HeaderLength, plaintext.Length), sealedData.AsSpan(HeaderLength + plaintext.Length), Context(purpose, key.Version));
        return sealedData;
    }

    /// <inheritdoc/>
    public byte[] Unseal(string purpose, ReadOnlySpan<byte> sealedData)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        if (sealedData.Length < HeaderLength + TagLength || sealedData[0] != Format)
        {
            throw new SealingException($"data sealed for '{purpose}' is truncated or not in a format this version reads");
        }

        var version = BinaryPrimitives.ReadInt32BigEndian(sealedData[1..]);
        var key = Find(purpose, version) ?? throw new SealingException($"the key ring holds no data key version {version} for '{purpose}'");
        var plaintext = new byte[sealedData.Length - HeaderLength - TagLength];
        try
        {
            using var aes = new AesGcm(key.Key, TagLength);
            aes.Decrypt(sealedData.Slice(5, NonceLength), sealedData[HeaderLength..^TagLength], sealedData[^TagLength..], plaintext, Context(purpose, version));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new SealingException($"data sealed for '{purpose}' was altered, or sealed for another purpose", exception);
        }

        return plaintext;
    }

    /// <inheritdoc/>
    public async Task<int> RotateDataKeyAsync(string purpose, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var version = (Current(purpose)?.Version ?? 0) + 1;
            await AddAsync(NewKey(purpose, version), cancellationToken).ConfigureAwait(false);
            LogRotated(_logger, purpose, version);
            return version;
        }
        finally
        {
            _write.Release();
        }
    }

    /// <inheritdoc/>
    public async Task RotateRootKeyAsync(ReadOnlyMemory<byte> newRootKey, CancellationToken cancellationToken = default)
    {
        if (newRootKey.Length != KeyLength)
        {
            throw new ArgumentException($"a root key is {KeyLength} bytes (was {newRootKey.Length})", nameof(newRootKey));
        }

        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var rootKey = newRootKey.ToArray();
            await KeyRingFile.SaveAsync(_directory, AllKeys(_keys), rootKey, cancellationToken).ConfigureAwait(false);
            _rootKey = rootKey;
            var rootKeyId = KeyRingFile.RootKeyId(rootKey);
            LogRootRotated(_logger, _directory, rootKeyId);
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Releases the write lock.</summary>
    public void Dispose() => _write.Dispose();

    private static byte[] RootKeyFrom(SealingOptions options)
    {
        byte[] key;
        try
        {
            if (options.RootKey is { } text && options.RootKeyFile is null)
            {
                key = Convert.FromBase64String(text.Trim());
            }
            else if (options.RootKeyFile is { } file && options.RootKey is null)
            {
                var bytes = File.ReadAllBytes(file);
                key = bytes.Length == KeyLength ? bytes : Convert.FromBase64String(Encoding.ASCII.GetString(bytes).Trim());
            }
            else
            {
                throw new SealingException($"{SealingOptions.SectionName} needs exactly one of RootKey and RootKeyFile");
            }
        }
        catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new SealingException($"the root key cannot be read: {exception.Message}", exception);
        }

        return key.Length == KeyLength ? key : throw new SealingException($"the root key must be {KeyLength} bytes (was {key.Length})");
    }

    private static Dictionary<string, DataKey[]> ByPurpose(IEnumerable<DataKey> keys) =>
        keys.GroupBy(k => k.Purpose, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(k => k.Version).ToArray(), StringComparer.Ordinal);

    private static List<DataKey> AllKeys(Dictionary<string, DataKey[]> keys) => [.. keys.Values.SelectMany(k => k)];

    /// <summary>What sealed data is bound to: opening it for another purpose, or claiming another version, fails.</summary>
    private static byte[] Context(string purpose, int version) => Encoding.UTF8.GetBytes($"precisioncloud sealed v1|{purpose}|{version}");

    private DataKey NewKey(string purpose, int version) => new(purpose, version, _time.GetUtcNow(), RandomNumberGenerator.GetBytes(KeyLength));

    private DataKey? Current(string purpose) => Volatile.Read(ref _keys).TryGetValue(purpose, out var keys) ? keys[^1] : null;

    private DataKey? Find(string purpose, int version) =>
        Volatile.Read(ref _keys).TryGetValue(purpose, out var keys) ? Array.Find(keys, k => k.Version == version) : null;

    private async Task<DataKey> CreateFirstKeyAsync(string purpose, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Current(purpose) is { } created)
            {
                return created;
            }

            var key = NewKey(purpose, 1);
            await AddAsync(key, cancellationToken).ConfigureAwait(false);
            LogCreated(_logger, purpose);
            return key;
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Writes the ring with the key added, then publishes it (a failed write changes nothing).</summary>
    private async Task AddAsync(DataKey key, CancellationToken cancellationToken)
    {
        var all = AllKeys(_keys);
        all.Add(key);
        await KeyRingFile.SaveAsync(_directory, all, _rootKey, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _keys, ByPurpose(all));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Data key for purpose {Purpose} created")]
    private static partial void LogCreated(ILogger logger, string purpose);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Data key for purpose {Purpose} rotated to version {Version}")]
    private static partial void LogRotated(ILogger logger, string purpose, int version);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Root key rotated; the key ring in {Directory} is now under root key {RootKeyId}")]
    private static partial void LogRootRotated(ILogger logger, string directory, string rootKeyId);
}
