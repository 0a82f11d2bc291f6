namespace PrecisionCloud.Security.Sealing;

/// <summary>
/// Seals secrets for storage at rest: AES-256-GCM under a data key per purpose, the data keys encrypted under the
/// root key. Sealed data names the key version it was sealed with, so rotation never strands old data.
/// </summary>
public interface ISecretSealer
{
    /// <summary>Encrypts and authenticates <paramref name="plaintext"/> for one purpose with that purpose's current data key.</summary>
    /// <param name="purpose">What the secret is for (for example <c>ca-key</c>, <c>client-secret</c>); data sealed for one purpose does not open for another.</param>
    /// <param name="plaintext">The secret.</param>
    /// <param name="cancellationToken">Cancels creating the purpose's first data key.</param>
    /// <returns>The sealed bytes.</returns>
    ValueTask<byte[]> SealAsync(string purpose, ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken = default);

    /// <summary>Opens data sealed for <paramref name="purpose"/> with any data key version the ring holds.</summary>
    /// <param name="purpose">The purpose it was sealed for.</param>
    /// <param name="sealedData">The sealed bytes.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="SealingException">The data was altered or truncated, or sealed for another purpose or under a key this ring does not hold.</exception>
    byte[] Unseal(string purpose, ReadOnlySpan<byte> sealedData);

    /// <summary>Makes a new data key current for <paramref name="purpose"/>; the older ones stay to open what they sealed.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <param name="cancellationToken">Cancels the rotation before the ring is written.</param>
    /// <returns>The new key version.</returns>
    Task<int> RotateDataKeyAsync(string purpose, CancellationToken cancellationToken = default);

    /// <summary>Encrypts every data key under a new root key and writes the ring; data sealed before stays valid.</summary>
    /// <param name="newRootKey">The new root key, 32 bytes. The configuration must give it from now on.</param>
    /// <param name="cancellationToken">Cancels the rotation before the ring is written.</param>
    /// <returns>A task that completes when the ring is written.</returns>
    Task RotateRootKeyAsync(ReadOnlyMemory<byte> newRootKey, CancellationToken cancellationToken = default);
}
