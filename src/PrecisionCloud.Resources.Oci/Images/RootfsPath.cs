namespace PrecisionCloud.Resources.Oci.Images;

/// <summary>
/// Paths inside a root file system resolved as the container will see them: every directory component that is a
/// symbolic link is followed inside the root (an absolute target starts at the root, '..' stops at it), so a
/// layer can never write outside its root through a link it or an earlier layer made.
/// </summary>
internal static class RootfsPath
{
    private const int MaxLinks = 40;

    /// <summary>Normalises an archive entry name to components; <see langword="null"/> for the root itself.</summary>
    public static string[]? Components(string name)
    {
        var parts = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray();
        return parts.Length == 0 ? null : parts;
    }

    /// <summary>The host path of <paramref name="components"/> under <paramref name="root"/>, following links in all but the last.</summary>
    public static string Resolve(string root, IReadOnlyList<string> components)
    {
        var resolved = new List<string>();
        var links = 0;
        var pending = new Queue<string>(components.Take(components.Count - 1));
        while (pending.Count > 0)
        {
            var part = pending.Dequeue();
            if (part == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var candidate = Path.Combine(root, Path.Combine([.. resolved, part]));
            var info = new FileInfo(candidate);
            if (info.Exists || Directory.Exists(candidate))
            {
                if (info.LinkTarget is { } target)
                {
                    if (++links > MaxLinks)
                    {
                        throw new InvalidDataException($"too many symbolic links resolving '{string.Join('/', components)}'");
                    }

                    var rest = pending.ToArray();
                    pending.Clear();
                    if (target.StartsWith('/'))
                    {
                        resolved.Clear();
                    }

                    foreach (var next in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").Concat(rest))
                    {
                        pending.Enqueue(next);
                    }

                    continue;
                }
            }

            resolved.Add(part);
        }

        var last = components[^1];
        if (last == "..")
        {
            throw new InvalidDataException($"entry '{string.Join('/', components)}' ends in '..'");
        }

        return Path.Combine(root, Path.Combine([.. resolved, last]));
    }
}
