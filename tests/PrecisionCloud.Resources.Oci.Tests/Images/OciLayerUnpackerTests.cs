using System.Formats.Tar;
using PrecisionCloud.Resources.Oci.Images;
using PrecisionCloud.Tests.Oci;

namespace PrecisionCloud.Resources.Oci.Tests.Images;

public sealed class OciLayerUnpackerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pc-oci-unpack-").FullName;

    private string Root => Path.Combine(_directory, "rootfs");

    [Fact]
    public async Task Whiteouts_delete_lower_entries_and_an_opaque_directory_keeps_only_its_own_layer()
    {
        await ApplyAsync(w =>
        {
            OciLayoutBuilder.AddDirectory(w, "etc/");
            OciLayoutBuilder.AddFile(w, "etc/keep", "1");
            OciLayoutBuilder.AddFile(w, "etc/gone", "1");
            OciLayoutBuilder.AddDirectory(w, "var/");
            OciLayoutBuilder.AddFile(w, "var/old", "1");
        });
        await ApplyAsync(w =>
        {
            // The opaque marker after its sibling: deletions still apply first, so the new file stays.
            OciLayoutBuilder.AddFile(w, "var/new", "2");
            OciLayoutBuilder.AddFile(w, "var/.wh..wh..opq", string.Empty);
            OciLayoutBuilder.AddFile(w, "etc/.wh.gone", string.Empty);
        });

        Assert.True(File.Exists(Path.Combine(Root, "etc", "keep")));
        Assert.False(File.Exists(Path.Combine(Root, "etc", "gone")));
        Assert.Equal(["new"], Directory.GetFileSystemEntries(Path.Combine(Root, "var")).Select(Path.GetFileName));
        Assert.False(File.Exists(Path.Combine(Root, "etc", ".wh.gone")));
    }

    [Fact]
    public async Task Links_modes_and_hard_links_are_kept()
    {
        await ApplyAsync(w =>
        {
            OciLayoutBuilder.AddDirectory(w, "bin/");
            OciLayoutBuilder.AddFile(w, "bin/tool", "#!/bin/sh\n", (UnixFileMode)0b111_101_101);
            OciLayoutBuilder.AddSymlink(w, "bin/alias", "tool");
            OciLayoutBuilder.AddHardLink(w, "bin/copy", "bin/tool");
        });

        Assert.Equal("tool", new FileInfo(Path.Combine(Root, "bin", "alias")).LinkTarget);
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(Path.Combine(Root, "bin", "tool")));
        Assert.Equal("#!/bin/sh\n", await File.ReadAllTextAsync(Path.Combine(Root, "bin", "copy")));
    }

    [Fact]
    public async Task A_link_pointing_outside_is_followed_inside_the_root()
    {
        var outside = Path.Combine(_directory, "outside");
        Directory.CreateDirectory(outside);
        await ApplyAsync(w =>
        {
            OciLayoutBuilder.AddSymlink(w, "escape", outside);
            OciLayoutBuilder.AddSymlink(w, "up", "../../..");
        });
        await ApplyAsync(w =>
        {
            OciLayoutBuilder.AddFile(w, "escape/planted", "x");
            OciLayoutBuilder.AddFile(w, "up/planted2", "x");
            OciLayoutBuilder.AddFile(w, "../../planted3", "x");
        });

        Assert.Empty(Directory.GetFileSystemEntries(outside));
        Assert.False(File.Exists(Path.Combine(_directory, "planted3")));
        Assert.True(File.Exists(Path.Combine(Root, outside.TrimStart('/'), "planted")));
        Assert.True(File.Exists(Path.Combine(Root, "planted2")));
        Assert.True(File.Exists(Path.Combine(Root, "planted3")));
    }

    // Random archives of files, directories, links (to anywhere), '..' names and whiteouts never write outside the root.
    [FsCheck.Xunit.Property(MaxTest = 60)]
    public void Nothing_a_layer_holds_reaches_outside_the_root(FsCheck.PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var root = Path.Combine(_directory, "fuzz-" + seed.Get);
        var fence = Path.Combine(_directory, "fence-" + seed.Get);
        Directory.CreateDirectory(fence);
        string[] names = ["a", "b", "..", "c", ".wh.a", ".wh..wh..opq", "."];
        string RandomPath() => string.Join('/', Enumerable.Range(0, random.Next(1, 4)).Select(_ => names[random.Next(names.Length)]));
        for (var layer = 0; layer < 3; layer++)
        {
            try
            {
                OciLayerUnpacker.ApplyAsync(root, () => Tar(w =>
                {
                    for (var i = 0; i < 12; i++)
                    {
                        var name = RandomPath();
                        switch (random.Next(4))
                        {
                            case 0:
                                OciLayoutBuilder.AddFile(w, name, "x");
                                break;
                            case 1:
                                OciLayoutBuilder.AddDirectory(w, name + "/");
                                break;
                            case 2:
                                OciLayoutBuilder.AddSymlink(w, name, random.Next(2) == 0 ? fence : "../" + RandomPath());
                                break;
                            default:
                                OciLayoutBuilder.AddHardLink(w, name, RandomPath());
                                break;
                        }
                    }
                }), CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                // A layer may be refused; it must still not have written outside.
            }
        }

        Assert.Empty(Directory.GetFileSystemEntries(fence));
        Assert.All(Directory.GetFileSystemEntries(_directory), e => Assert.True(Path.GetFileName(e).StartsWith("fuzz-", StringComparison.Ordinal) || Path.GetFileName(e).StartsWith("fence-", StringComparison.Ordinal), e));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task ApplyAsync(Action<TarWriter> write)
    {
        Directory.CreateDirectory(Root);
        return OciLayerUnpacker.ApplyAsync(Root, () => Tar(write), CancellationToken.None);
    }

    private static MemoryStream Tar(Action<TarWriter> write)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            write(writer);
        }

        stream.Position = 0;
        return stream;
    }
}
