using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrecisionCloud.Security.Sealing;

namespace PrecisionCloud.Security.Tests.Sealing;

public sealed class SecretSealerTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly byte[] _rootKey = RandomNumberGenerator.GetBytes(32);

    public void Dispose() => _directory.Dispose();

    [Property(MaxTest = 200)]
    public bool Whatever_is_sealed_opens_to_the_same_bytes(byte[] secret)
    {
        using var sealer = Sealer();
        var sealedSecret = sealer.SealAsync("client-secret", secret).AsTask().Result;
        return sealer.Unseal("client-secret", sealedSecret).AsSpan().SequenceEqual(secret) && !ContainsRun(sealedSecret, secret);
    }

    [Property(MaxTest = 300)]
    public Property Any_changed_bit_is_refused_with_a_typed_error(PositiveInt index, byte bit)
    {
        using var sealer = Sealer();
        var sealedSecret = sealer.SealAsync("ca-key", "a private key"u8.ToArray()).AsTask().Result;
        var at = index.Get % sealedSecret.Length;
        sealedSecret[at] ^= (byte)(1 << (bit % 8));
        return Prop.Label(Throws(() => sealer.Unseal("ca-key", sealedSecret)), $"bit {bit % 8} of byte {at} changed and still opened");
    }

    [Fact]
    public async Task Data_sealed_for_one_purpose_does_not_open_for_another()
    {
        using var sealer = Sealer();
        var sealedSecret = await sealer.SealAsync("client-secret", "s3cret"u8.ToArray());

        var refused = Assert.Throws<SealingException>(() => sealer.Unseal("ca-key", sealedSecret));
        Assert.Contains("'ca-key'", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(32)]
    public async Task Truncated_data_is_refused(int length)
    {
        using var sealer = Sealer();
        var sealedSecret = await sealer.SealAsync("p", "x"u8.ToArray());

        Assert.Throws<SealingException>(() => sealer.Unseal("p", sealedSecret.AsSpan(0, Math.Min(length, sealedSecret.Length - 1))));
    }

    [Fact]
    public async Task Rotation_makes_a_new_key_current_and_old_data_still_opens()
    {
        using var sealer = Sealer();
        var before = await sealer.SealAsync("client-secret", "old"u8.ToArray());

        Assert.Equal(2, await sealer.RotateDataKeyAsync("client-secret"));
        var after = await sealer.SealAsync("client-secret", "new"u8.ToArray());

        Assert.Equal([1, 2], sealer.KeyVersions("client-secret"));
        Assert.Equal("old", Encoding.UTF8.GetString(sealer.Unseal("client-secret", before)));
        Assert.Equal("new", Encoding.UTF8.GetString(sealer.Unseal("client-secret", after)));
        Assert.Equal(2, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(after.AsSpan(1)));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_ring_survives_a_restart_on_disk_readable_by_its_owner_only()
    {
        byte[] sealedSecret;
        using (var sealer = Sealer())
        {
            sealedSecret = await sealer.SealAsync("client-secret", "kept"u8.ToArray());
        }

        using var reopened = Sealer();
        Assert.Equal("kept", Encoding.UTF8.GetString(reopened.Unseal("client-secret", sealedSecret)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(KeyDirectory, KeyRingFile.FileName)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(KeyDirectory));
        Assert.DoesNotContain(Convert.ToBase64String(_rootKey), await File.ReadAllTextAsync(Path.Combine(KeyDirectory, KeyRingFile.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ring_opened_with_another_root_key_is_refused_by_name()
    {
        using (var sealer = Sealer())
        {
            await sealer.SealAsync("p", "x"u8.ToArray());
        }

        var refused = Assert.Throws<SealingException>(() => new SecretSealer(Options(RandomNumberGenerator.GetBytes(32))));
        Assert.Contains("another root key", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_key_rotation_rewraps_the_ring_and_keeps_old_data()
    {
        var newRoot = RandomNumberGenerator.GetBytes(32);
        byte[] sealedSecret;
        using (var sealer = Sealer())
        {
            sealedSecret = await sealer.SealAsync("p", "across roots"u8.ToArray());
            await sealer.RotateRootKeyAsync(newRoot);
            await sealer.SealAsync("q", "after"u8.ToArray());
        }

        Assert.Throws<SealingException>(() => new SecretSealer(Options(_rootKey)));
        using var reopened = new SecretSealer(Options(newRoot));
        Assert.Equal("across roots", Encoding.UTF8.GetString(reopened.Unseal("p", sealedSecret)));
        Assert.Equal([1], reopened.KeyVersions("q"));
    }

    [Fact]
    public async Task An_altered_key_in_the_ring_is_refused()
    {
        using (var sealer = Sealer())
        {
            await sealer.SealAsync("p", "x"u8.ToArray());
        }

        var path = Path.Combine(KeyDirectory, KeyRingFile.FileName);
        var text = await File.ReadAllTextAsync(path);
        var at = text.IndexOf("\"wrapped\": \"", StringComparison.Ordinal) + 12;
        await File.WriteAllTextAsync(path, text[..at] + (text[at] == 'A' ? 'B' : 'A') + text[(at + 1)..]);

        var refused = Assert.Throws<SealingException>(() => Sealer());
        Assert.Contains("altered key for purpose 'p'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_root_key_file_holds_raw_bytes_or_base64_and_nothing_else()
    {
        var raw = _directory.Combine("raw.key");
        var text = _directory.Combine("text.key");
        var wrong = _directory.Combine("wrong.key");
        await File.WriteAllBytesAsync(raw, _rootKey);
        await File.WriteAllTextAsync(text, Convert.ToBase64String(_rootKey) + "\n");
        await File.WriteAllBytesAsync(wrong, new byte[31]);

        using (var fromRaw = new SecretSealer(new SealingOptions { RootKeyFile = raw, KeyDirectory = KeyDirectory }))
        {
            await fromRaw.SealAsync("p", "x"u8.ToArray());
        }

        using (new SecretSealer(new SealingOptions { RootKeyFile = text, KeyDirectory = KeyDirectory }))
        {
        }

        Assert.Throws<SealingException>(() => new SecretSealer(new SealingOptions { RootKeyFile = wrong, KeyDirectory = KeyDirectory }));
        Assert.Throws<SealingException>(() => new SecretSealer(new SealingOptions { KeyDirectory = KeyDirectory }));
        Assert.Throws<SealingException>(() => new SecretSealer(new SealingOptions { RootKey = "bm90IGEga2V5", KeyDirectory = KeyDirectory }));
    }

    [Fact]
    public async Task Concurrent_first_seals_of_a_purpose_create_one_key()
    {
        using var sealer = Sealer();
        var sealedSecrets = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => sealer.SealAsync("p", BitConverter.GetBytes(i)).AsTask()));

        Assert.Equal([1], sealer.KeyVersions("p"));
        Assert.Equal(Enumerable.Range(0, 32), sealedSecrets.Select(s => BitConverter.ToInt32(sealer.Unseal("p", s))));
    }

    private string KeyDirectory => _directory.Combine("keys");

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (SealingException)
        {
            return true;
        }
    }

    private static bool ContainsRun(byte[] haystack, byte[] needle) => needle.Length >= 8 && haystack.AsSpan().IndexOf(needle) >= 0;

    private SecretSealer Sealer() => new(Options(_rootKey));

    private SealingOptions Options(byte[] rootKey) => new() { RootKey = Convert.ToBase64String(rootKey), KeyDirectory = KeyDirectory };
}
