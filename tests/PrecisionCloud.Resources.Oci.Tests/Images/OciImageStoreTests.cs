using PrecisionCloud.Resources.Oci.Images;
using PrecisionCloud.Tests.Oci;

namespace PrecisionCloud.Resources.Oci.Tests.Images;

public sealed class OciImageStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pc-oci-images-").FullName;

    [Fact]
    public async Task A_tagged_image_is_found_verified_unpacked_once_and_its_config_read()
    {
        var digest = new OciLayoutBuilder(Path.Combine(_directory, "images", "app"))
            .Layer(w => OciLayoutBuilder.AddFile(w, "hello", "world"))
            .Layer(w => OciLayoutBuilder.AddFile(w, "second", "layer"), gzip: false)
            .Tag("v1", cmd: ["/hello"], entrypoint: ["/bin/sh", "-c"], env: ["A=1"], user: "1000:1000", workingDir: "/srv");
        var store = Store();

        var image = await store.GetAsync("app:v1", CancellationToken.None);
        var again = await store.GetAsync($"app@{digest}", CancellationToken.None);

        Assert.Equal(digest, image.ManifestDigest);
        Assert.Equal(image.Rootfs, again.Rootfs);
        Assert.Equal("world", await File.ReadAllTextAsync(Path.Combine(image.Rootfs, "hello")));
        Assert.Equal("layer", await File.ReadAllTextAsync(Path.Combine(image.Rootfs, "second")));
        Assert.Equal(["/bin/sh", "-c"], image.Entrypoint);
        Assert.Equal(["/hello"], image.Cmd);
        Assert.Equal(["A=1"], image.Env);
        Assert.Equal(("1000:1000", "/srv"), (image.User, image.WorkingDir));
    }

    [Fact]
    public async Task A_tampered_blob_is_refused_by_its_digest()
    {
        var layout = Path.Combine(_directory, "images", "app");
        new OciLayoutBuilder(layout).Layer(w => OciLayoutBuilder.AddFile(w, "f", "x")).Tag("latest");
        var layer = Directory.GetFiles(Path.Combine(layout, "blobs", "sha256")).OrderByDescending(f => new FileInfo(f).Length).First();
        var bytes = await File.ReadAllBytesAsync(layer);
        bytes[^1] ^= 0xff;
        await File.WriteAllBytesAsync(layer, bytes);

        var refused = await Assert.ThrowsAsync<OciImageException>(() => Store().GetAsync("app", CancellationToken.None));

        Assert.Contains("corrupted or tampered with", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing:latest", "no OCI image layout")]
    [InlineData("../etc:latest", "not an image reference")]
    [InlineData("app:nope", "has no manifest tagged 'nope'")]
    [InlineData("app@sha256:abc", "is not a sha256 digest")]
    public async Task Bad_references_say_what_is_wrong(string reference, string expected)
    {
        new OciLayoutBuilder(Path.Combine(_directory, "images", "app")).Layer(w => OciLayoutBuilder.AddFile(w, "f", "x")).Tag("latest");

        var refused = await Assert.ThrowsAsync<OciImageException>(() => Store().GetAsync(reference, CancellationToken.None));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_resolve_by_name_and_number()
    {
        var rootfs = Directory.CreateDirectory(Path.Combine(_directory, "r", "etc")).Parent!.FullName;
        File.WriteAllText(Path.Combine(rootfs, "etc", "passwd"), "root:x:0:0::/:/bin/sh\napp:x:1000:1001::/:/bin/sh\n");
        File.WriteAllText(Path.Combine(rootfs, "etc", "group"), "root:x:0:\nstaff:x:50:\n");

        Assert.Equal((0u, 0u), ImageUser.Resolve(string.Empty, rootfs));
        Assert.Equal((1000u, 1001u), ImageUser.Resolve("app", rootfs));
        Assert.Equal((1000u, 50u), ImageUser.Resolve("1000:staff", rootfs));
        Assert.Equal((42u, 7u), ImageUser.Resolve("42:7", rootfs));
        Assert.Throws<OciImageException>(() => ImageUser.Resolve("nobody", rootfs));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private OciImageStore Store() => new(Path.Combine(_directory, "images"), Path.Combine(_directory, "cache"));
}
