using System.Runtime.InteropServices;

namespace PrecisionCloud.Resources.Oci.Images;

/// <summary>The file operations .NET lacks: ownership of links, hard links, FIFOs.</summary>
internal static partial class NativeFiles
{
    public static void SetOwner(string path, int uid, int gid)
    {
        if (lchown(path, uid, gid) != 0)
        {
            throw new IOException($"lchown {path}: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public static void HardLink(string existing, string link)
    {
        if (Link(existing, link) != 0)
        {
            throw new IOException($"link {existing} -> {link}: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public static void Fifo(string path, int mode)
    {
        if (mkfifo(path, (uint)mode) != 0)
        {
            throw new IOException($"mkfifo {path}: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lchown(string path, int owner, int group);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string oldpath, string newpath);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mkfifo(string path, uint mode);
}
