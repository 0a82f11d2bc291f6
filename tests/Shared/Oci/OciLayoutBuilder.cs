using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PrecisionCloud.Tests.Oci;

/// <summary>Writes OCI image layouts (index, manifest, config, tar+gzip layers) as skopeo would, for tests.</summary>
public sealed class OciLayoutBuilder
{
    private readonly List<(string Digest, long Size, string MediaType)> _layers = [];
    private readonly string _layout;

    public OciLayoutBuilder(string layout)
    {
        _layout = layout;
        Directory.CreateDirectory(Path.Combine(layout, "blobs", "sha256"));
        File.WriteAllText(Path.Combine(layout, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
    }

    /// <summary>Adds a layer made of entries written by <paramref name="write"/>; gzip unless told otherwise.</summary>
    public OciLayoutBuilder Layer(Action<TarWriter> write, bool gzip = true)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            write(writer);
        }

        var bytes = tar.ToArray();
        if (gzip)
        {
            using var compressed = new MemoryStream();
            using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                zip.Write(bytes);
            }

            bytes = compressed.ToArray();
        }

        _layers.Add((Blob(bytes), bytes.Length, gzip ? "application/vnd.oci.image.layer.v1.tar+gzip" : "application/vnd.oci.image.layer.v1.tar"));
        return this;
    }

    /// <summary>Writes the config, the manifest and the index tagging it; returns the manifest digest.</summary>
    public string Tag(string tag, string[]? cmd = null, string[]? entrypoint = null, string[]? env = null, string user = "", string workingDir = "")
    {
        var config = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new Dictionary<string, object>
            {
                ["Cmd"] = cmd ?? ["/bin/sh"],
                ["Entrypoint"] = entrypoint ?? [],
                ["Env"] = env ?? ["PATH=/bin"],
                ["User"] = user,
                ["WorkingDir"] = workingDir,
            },
            ["rootfs"] = new Dictionary<string, object> { ["type"] = "layers", ["diff_ids"] = Array.Empty<string>() },
        });
        var configDigest = Blob(config);
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = new Dictionary<string, object> { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = configDigest, ["size"] = config.Length },
            ["layers"] = _layers.Select(l => new Dictionary<string, object> { ["mediaType"] = l.MediaType, ["digest"] = l.Digest, ["size"] = l.Size }).ToArray(),
        });
        var manifestDigest = Blob(manifest);
        var indexPath = Path.Combine(_layout, "index.json");
        var manifests = new List<object>();
        if (File.Exists(indexPath))
        {
            using var existing = JsonDocument.Parse(File.ReadAllText(indexPath));
            manifests.AddRange(existing.RootElement.GetProperty("manifests").EnumerateArray()
                .Where(m => m.GetProperty("annotations").GetProperty("org.opencontainers.image.ref.name").GetString() != tag)
                .Select(m => (object)JsonSerializer.Deserialize<Dictionary<string, object>>(m.GetRawText())!));
        }

        manifests.Add(new Dictionary<string, object>
        {
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["digest"] = manifestDigest,
            ["size"] = manifest.Length,
            ["annotations"] = new Dictionary<string, string> { ["org.opencontainers.image.ref.name"] = tag },
        });
        File.WriteAllText(indexPath, JsonSerializer.Serialize(new Dictionary<string, object> { ["schemaVersion"] = 2, ["manifests"] = manifests }));
        return manifestDigest;
    }

    public static void AddFile(TarWriter writer, string name, string content, UnixFileMode mode = (UnixFileMode)0b110_100_100)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)), Mode = mode };
        writer.WriteEntry(entry);
    }

    public static void AddDirectory(TarWriter writer, string name) =>
        writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name) { Mode = (UnixFileMode)0b111_101_101 });

    public static void AddSymlink(TarWriter writer, string name, string target) =>
        writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target });

    public static void AddHardLink(TarWriter writer, string name, string target) =>
        writer.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = target });

    private string Blob(byte[] bytes)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(bytes));
        File.WriteAllBytes(Path.Combine(_layout, "blobs", "sha256", hex), bytes);
        return "sha256:" + hex;
    }
}
