using System.Globalization;

namespace PrecisionCloud.Resources.Oci.Images;

/// <summary>The user an image's configuration names (<c>user</c>, <c>uid</c>, <c>user:group</c>, <c>uid:gid</c>), resolved in its root file system.</summary>
internal static class ImageUser
{
    public static (uint Uid, uint Gid) Resolve(string user, string rootfs)
    {
        if (string.IsNullOrEmpty(user))
        {
            return (0, 0);
        }

        var parts = user.Split(':', 2);
        var passwd = Entries(rootfs, "passwd");
        uint uid;
        uint? gid = null;
        if (uint.TryParse(parts[0], CultureInfo.InvariantCulture, out var numeric))
        {
            uid = numeric;
            var entry = passwd.FirstOrDefault(e => e.Length > 3 && e[2] == parts[0]);
            if (entry is not null && uint.TryParse(entry[3], CultureInfo.InvariantCulture, out var primary))
            {
                gid = primary;
            }
        }
        else
        {
            var entry = passwd.FirstOrDefault(e => e.Length > 3 && e[0] == parts[0]) ?? throw new OciImageException(user, $"user '{parts[0]}' is not in the image's /etc/passwd");
            uid = uint.Parse(entry[2], CultureInfo.InvariantCulture);
            gid = uint.Parse(entry[3], CultureInfo.InvariantCulture);
        }

        if (parts.Length == 2)
        {
            if (uint.TryParse(parts[1], CultureInfo.InvariantCulture, out var group))
            {
                gid = group;
            }
            else
            {
                var entry = Entries(rootfs, "group").FirstOrDefault(e => e.Length > 2 && e[0] == parts[1])
                    ?? throw new OciImageException(user, $"group '{parts[1]}' is not in the image's /etc/group");
                gid = uint.Parse(entry[2], CultureInfo.InvariantCulture);
            }
        }

        return (uid, gid ?? 0);
    }

    private static List<string[]> Entries(string rootfs, string file)
    {
        // Resolved inside the root (a linked /etc stays in it); a link as the file itself, or an oversized one, is ignored.
        var info = new FileInfo(RootfsPath.Resolve(rootfs, ["etc", file]));
        return info.Exists && info.LinkTarget is null && info.Length is > 0 and < 4 * 1024 * 1024 ? [.. File.ReadLines(info.FullName).Select(l => l.Split(':'))] : [];
    }
}
