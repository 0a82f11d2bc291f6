namespace PrecisionCloud.Resources.Oci.Images;

/// <summary>An image ready to run: its unpacked root file system and the process defaults of its configuration.</summary>
internal sealed record OciImage
{
    public required string Reference { get; init; }

    public required string ManifestDigest { get; init; }

    public required string Rootfs { get; init; }

    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    public IReadOnlyList<string> Cmd { get; init; } = [];

    public IReadOnlyList<string> Env { get; init; } = [];

    public string WorkingDir { get; init; } = string.Empty;

    public string User { get; init; } = string.Empty;
}
