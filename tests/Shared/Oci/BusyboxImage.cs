namespace PrecisionCloud.Tests.Oci;

/// <summary>A tiny real image: Debian's static busybox with the applets the tests use, as an OCI layout.</summary>
public static class BusyboxImage
{
    private static readonly string[] Applets = ["sh", "echo", "cat", "sleep", "env", "id", "ls", "mkdir", "nc", "httpd", "ip", "true", "kill", "touch"];

    /// <summary>Writes the layout as <c>busybox:TAG</c> under the images directory, or fails saying what is missing.</summary>
    public static void WriteTo(string imagesDirectory, string tag = "test")
    {
        const string busybox = "/bin/busybox";
        if (!File.Exists(busybox) || new FileInfo(busybox).Length < 1_000_000)
        {
            Assert.Fail("this test needs Debian's static busybox at /bin/busybox (apt-get install busybox-static); .ci/run installs it");
        }

        new OciLayoutBuilder(Path.Combine(imagesDirectory, "busybox"))
            .Layer(writer =>
            {
                OciLayoutBuilder.AddDirectory(writer, "bin/");
                OciLayoutBuilder.AddDirectory(writer, "etc/");
                OciLayoutBuilder.AddDirectory(writer, "tmp/");
                OciLayoutBuilder.AddDirectory(writer, "www/");
                writer.WriteEntry(busybox, "bin/busybox");
                foreach (var applet in Applets)
                {
                    OciLayoutBuilder.AddSymlink(writer, "bin/" + applet, "busybox");
                }

                OciLayoutBuilder.AddFile(writer, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n");
                OciLayoutBuilder.AddFile(writer, "etc/group", "root:x:0:\nnogroup:x:65534:\n");
                OciLayoutBuilder.AddFile(writer, "www/index.html", "hello from busybox\n");
            })
            .Tag(tag, cmd: ["/bin/sh", "-c", "echo image default"], env: ["PATH=/bin", "FROM_IMAGE=yes"]);
    }
}
