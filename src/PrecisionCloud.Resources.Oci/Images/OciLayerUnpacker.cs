using System.Formats.Tar;

namespace PrecisionCloud.Resources.Oci.Images;

/// <summary>
/// Applies image layers to a root file system (OCI image specification, <c>layer.md</c>): regular files,
/// directories, symbolic and hard links and FIFOs with their modes, owners and times; whiteouts (<c>.wh.NAME</c>)
/// delete what lower layers put at NAME, and an opaque whiteout (<c>.wh..wh..opq</c>) empties its directory of
/// lower layers' entries. Deletions of a layer are applied before its entries, whatever their order in the archive.
/// Device nodes are skipped: the runtime gives each container its own <c>/dev</c>.
/// </summary>
internal static class OciLayerUnpacker
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueWhiteout = ".wh..wh..opq";

    /// <summary>Applies one layer; <paramref name="open"/> is called twice (deletions, then entries).</summary>
    public static async Task ApplyAsync(string root, Func<Stream> open, CancellationToken cancellationToken)
    {
        await using (var stream = open())
        {
            using var reader = new TarReader(stream);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                if (RootfsPath.Components(entry.Name) is not { } parts || !parts[^1].StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                if (parts[^1] == OpaqueWhiteout)
                {
                    var directory = parts.Length == 1 ? root : RootfsPath.Resolve(root, parts[..^1]);
                    if (Directory.Exists(directory) && new DirectoryInfo(directory).LinkTarget is null)
                    {
                        foreach (var child in new DirectoryInfo(directory).EnumerateFileSystemInfos())
                        {
                            Remove(child.FullName);
                        }
                    }
                }
                else
                {
                    Remove(RootfsPath.Resolve(root, [.. parts[..^1], parts[^1][WhiteoutPrefix.Length..]]));
                }
            }
        }

        await using (var stream = open())
        {
            using var reader = new TarReader(stream);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                if (RootfsPath.Components(entry.Name) is not { } parts || parts[^1].StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                await ExtractAsync(root, parts, entry, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExtractAsync(string root, string[] parts, TarEntry entry, CancellationToken cancellationToken)
    {
        var path = RootfsPath.Resolve(root, parts);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                if (!Directory.Exists(path) || new DirectoryInfo(path).LinkTarget is not null)
                {
                    Remove(path);
                    Directory.CreateDirectory(path);
                }

                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                Remove(path);
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    if (entry.DataStream is { } data)
                    {
                        await data.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                    }
                }

                break;
            case TarEntryType.SymbolicLink:
                Remove(path);
                File.CreateSymbolicLink(path, entry.LinkName);
                break;
            case TarEntryType.HardLink:
                Remove(path);
                var target = RootfsPath.Components(entry.LinkName) is { } linked ? RootfsPath.Resolve(root, linked) : throw new InvalidDataException($"hard link '{entry.Name}' has no target");
                NativeFiles.HardLink(target, path);
                return;
            case TarEntryType.Fifo:
                Remove(path);
                NativeFiles.Fifo(path, (int)entry.Mode);
                break;
            default:
                return;
        }

        NativeFiles.SetOwner(path, entry.Uid, entry.Gid);
        if (entry.EntryType != TarEntryType.SymbolicLink && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, entry.Mode);
            var modified = entry.ModificationTime.UtcDateTime;
            if (entry.EntryType == TarEntryType.Directory)
            {
                Directory.SetLastWriteTimeUtc(path, modified);
            }
            else
            {
                File.SetLastWriteTimeUtc(path, modified);
            }
        }
    }

    private static void Remove(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || info.Exists)
        {
            info.Delete();
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
