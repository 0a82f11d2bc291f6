namespace PrecisionCloud.Security.Sealing;

/// <summary>
/// Where the root key comes from and where the data keys it protects are kept. Configuration section
/// <c>PrecisionCloud:Security:Sealing</c>. Exactly one of <see cref="RootKey"/> and <see cref="RootKeyFile"/> is set.
/// </summary>
public sealed class SealingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "PrecisionCloud:Security:Sealing";

    /// <summary>The root key, 32 bytes in base64 (from a secret store or an environment variable, never a file in the repository).</summary>
    public string? RootKey { get; set; }

    /// <summary>A file holding the root key: 32 raw bytes, or their base64 text. It should be readable by this process only.</summary>
    public string? RootKeyFile { get; set; }

    /// <summary>
    /// The directory of the key ring (the data keys, each encrypted under the root key). Created with access for the
    /// owner only; its files are written with mode 0600.
    /// </summary>
    public string KeyDirectory { get; set; } = "keys";
}
