using System.Collections.Concurrent;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace PrecisionCloud.Resources.Oci.Images;

/// <summary>
/// Images as OCI image layouts (OCI image specification, <c>image-layout.md</c>) in a directory, one layout per
/// image name: <c>name:tag</c> finds the manifest whose <c>org.opencontainers.image.ref.name</c> annotation is the tag
/// (through an image index for this platform when there is one), <c>name@sha256:...</c> a manifest by digest. Every
/// blob's digest is checked before use. An image's layers are unpacked once, into a root file system shared
/// read-only by its containers.
/// </summary>
internal sealed class OciImageStore(string imagesDirectory, string cacheDirectory)
{
    private const string RefNameAnnotation = "org.opencontainers.image.ref.name";
    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _unpacking = new(StringComparer.Ordinal);

    public async Task<OciImage> GetAsync(string reference, CancellationToken cancellationToken)
    {
        var (name, tag, digest) = Parse(reference);
        var layout = Path.Combine(imagesDirectory, name);
        if (!File.Exists(Path.Combine(layout, "index.json")))
        {
            throw new OciImageException(reference, $"no OCI image layout at {layout} (put one there, for example with: skopeo copy docker://{name}:{tag ?? "latest"} oci:{layout}:{tag ?? "latest"})");
        }

        var manifestDigest = digest ?? FindManifest(reference, layout, Path.Combine(layout, "index.json"), tag!);
        using var manifest = ReadJson(reference, layout, manifestDigest);
        var configDigest = manifest.RootElement.GetProperty("config").GetProperty("digest").GetString()!;
        using var config = ReadJson(reference, layout, configDigest);
        var rootfs = await UnpackAsync(reference, layout, manifestDigest, manifest.RootElement, cancellationToken).ConfigureAwait(false);
        var process = config.RootElement.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        return new OciImage
        {
            Reference = reference,
            ManifestDigest = manifestDigest,
            Rootfs = rootfs,
            Entrypoint = Strings(process, "Entrypoint"),
            Cmd = Strings(process, "Cmd"),
            Env = Strings(process, "Env"),
            WorkingDir = process.ValueKind == JsonValueKind.Object && process.TryGetProperty("WorkingDir", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString()! : string.Empty,
            User = process.ValueKind == JsonValueKind.Object && process.TryGetProperty("User", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : string.Empty,
        };
    }

    internal static (string Name, string? Tag, string? Digest) Parse(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var name = at >= 0 ? reference[..at] : reference;
        string? digest = at >= 0 ? reference[(at + 1)..] : null;
        string? tag = null;
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            tag = name[(colon + 1)..];
            name = name[..colon];
        }

        if (name.Length == 0 || name.StartsWith('/') || name.Split('/').Any(p => p is "" or "." or "..")
            || !name.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '.' or '_' or '-' or '/'))
        {
            throw new OciImageException(reference, "not an image reference: name[:tag] or name@sha256:digest, with a name of a-z, 0-9, '.', '_', '-' and '/'");
        }

        if (digest is not null && !IsDigest(digest))
        {
            throw new OciImageException(reference, $"'{digest}' is not a sha256 digest");
        }

        return (name, digest is null ? tag ?? "latest" : tag, digest);
    }

    private static string FindManifest(string reference, string layout, string indexPath, string tag)
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(indexPath));
        foreach (var descriptor in index.RootElement.GetProperty("manifests").EnumerateArray())
        {
            var refName = descriptor.TryGetProperty("annotations", out var annotations) && annotations.TryGetProperty(RefNameAnnotation, out var value) ? value.GetString() : null;
            if (refName != tag && refName != $"{Path.GetFileName(layout)}:{tag}")
            {
                continue;
            }

            var digest = descriptor.GetProperty("digest").GetString()!;
            var mediaType = descriptor.TryGetProperty("mediaType", out var type) ? type.GetString() : null;
            return mediaType is "application/vnd.oci.image.index.v1+json" or "application/vnd.docker.distribution.manifest.list.v2+json"
                ? ForThisPlatform(reference, layout, digest)
                : digest;
        }

        throw new OciImageException(reference, $"the layout at {layout} has no manifest tagged '{tag}'");
    }

    private static string ForThisPlatform(string reference, string layout, string indexDigest)
    {
        var architecture = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "amd64",
            Architecture.Arm64 => "arm64",
            Architecture.Arm => "arm",
            var other => other.ToString().ToLowerInvariant(),
        };
        using var index = ReadJson(reference, layout, indexDigest);
        foreach (var descriptor in index.RootElement.GetProperty("manifests").EnumerateArray())
        {
            if (descriptor.TryGetProperty("platform", out var platform) && platform.GetProperty("os").GetString() == "linux"
                && platform.GetProperty("architecture").GetString() == architecture)
            {
                return descriptor.GetProperty("digest").GetString()!;
            }
        }

        throw new OciImageException(reference, $"the image has no manifest for linux/{architecture}");
    }

    private async Task<string> UnpackAsync(string reference, string layout, string manifestDigest, JsonElement manifest, CancellationToken cancellationToken)
    {
        var target = Path.Combine(cacheDirectory, manifestDigest.Replace(':', '-'), "rootfs");
        if (Directory.Exists(target))
        {
            return target;
        }

        var gate = _unpacking.GetOrAdd(manifestDigest, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Directory.Exists(target))
            {
                return target;
            }

            var staging = target + ".partial";
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            Directory.CreateDirectory(staging);
            foreach (var layer in manifest.GetProperty("layers").EnumerateArray())
            {
                var digest = layer.GetProperty("digest").GetString()!;
                var mediaType = layer.GetProperty("mediaType").GetString() ?? string.Empty;
                var blob = VerifiedBlob(reference, layout, digest);
                Func<Stream> open = mediaType switch
                {
                    "application/vnd.oci.image.layer.v1.tar" or "application/vnd.oci.image.layer.nondistributable.v1.tar" => () => File.OpenRead(blob),
                    "application/vnd.oci.image.layer.v1.tar+gzip" or "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"
                        or "application/vnd.docker.image.rootfs.diff.tar.gzip" => () => new GZipStream(File.OpenRead(blob), CompressionMode.Decompress),
                    _ => throw new OciImageException(reference, $"layer {digest} has media type '{mediaType}', which this provider does not unpack (tar and tar+gzip only)"),
                };
                try
                {
                    await OciLayerUnpacker.ApplyAsync(staging, open, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is InvalidDataException or FormatException or IOException)
                {
                    throw new OciImageException(reference, $"layer {digest} cannot be unpacked: {exception.Message}");
                }
            }

            Directory.Move(staging, target);
            return target;
        }
        finally
        {
            gate.Release();
        }
    }

    private static JsonDocument ReadJson(string reference, string layout, string digest)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(VerifiedBlob(reference, layout, digest)));
        }
        catch (JsonException exception)
        {
            throw new OciImageException(reference, $"blob {digest} is not JSON: {exception.Message}");
        }
    }

    private static string VerifiedBlob(string reference, string layout, string digest)
    {
        if (!IsDigest(digest))
        {
            throw new OciImageException(reference, $"'{digest}' is not a sha256 digest");
        }

        var path = Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]);
        if (!File.Exists(path))
        {
            throw new OciImageException(reference, $"blob {digest} is missing from {layout}");
        }

        using var stream = File.OpenRead(path);
        var actual = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
        return actual == digest ? path : throw new OciImageException(reference, $"blob {digest} has digest {actual}: corrupted or tampered with");
    }

    private static bool IsDigest(string digest) =>
        digest.StartsWith("sha256:", StringComparison.Ordinal) && digest.Length == 71 && !digest.AsSpan(7).ContainsAnyExcept(LowerHex);

    private static string[] Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString() ?? string.Empty)]
            : [];
}
