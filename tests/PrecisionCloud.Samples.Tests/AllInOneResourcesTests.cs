using PrecisionCloud.Tests;
using PrecisionCloud.Tests.Oci;

namespace PrecisionCloud.Samples.Tests;

/// <summary>
/// The all-in-one site running a workload through the unified resource API on its OCI provider (runc on this
/// host), driven by the sample's own <c>resources</c> command line as an operator would.
/// </summary>
public sealed class AllInOneResourcesTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("aio-resources-");

    public void Dispose() => _files.Delete(recursive: true);

    [Fact]
    public async Task The_command_line_runs_a_container_and_shows_its_placement_status_and_output()
    {
        Assert.True(Environment.IsPrivilegedProcess, "this test runs containers and needs root; .ci/run runs as root");
        var (site, address) = await SiteProcess.StartAsync("dotnet",
            [SampleBinaries.AllInOneDll, "--PrecisionCloud:Resources:Oci:StopTimeout=00:00:01", "--PrecisionCloud:Resources:ResyncInterval=00:00:01"],
            SampleBinaries.AllInOneDirectory, StartTimeout);
        await using (site)
        {
            BusyboxImage.WriteTo(Path.Combine(site.ResourcesDirectory, "oci", "images"), tag: "latest");
            var providers = await CliAsync(address, "providers");
            Assert.Contains("provider oci: kinds Container", providers, StringComparison.Ordinal);

            await CliAsync(address, "apply", "tenant", File("tenant.json", """{"name": "demo", "quota": {"vCpus": 1, "memoryMiB": 256}}"""));
            await CliAsync(address, "apply", "network", File("network.json", """{"tenant": "demo", "name": "lan", "subnets": [{"cidr": "10.91.0.0/24"}]}"""));
            var workload = File("workload.json", """
                {"tenant": "demo", "name": "hello", "image": {"reference": "busybox:latest"},
                 "command": ["/bin/sh", "-c", "echo hello from $HOSTNAME; exec sleep 300"],
                 "resources": {"vCpus": 0.25, "memoryMiB": 32}, "networks": [{"network": "lan"}]}
                """);
            await CliAsync(address, "apply", "workload", workload);

            var table = await WaitForAsync(address, "Running");
            var show = await CliAsync(address, "show", "demo/hello");
            var logs = await CliAsync(address, "logs", "demo/hello");
            var tooBig = await ProcessRunner.RunAsync("dotnet", [SampleBinaries.AllInOneDll, "resources", "explain",
                File("big.json", """{"tenant": "demo", "name": "big", "image": {"reference": "busybox:latest"}, "resources": {"vCpus": 512}}"""), $"--Api={address}"],
                CommandTimeout, SampleBinaries.AllInOneDirectory);

            Assert.Matches(@"demo/hello\s+Container\s+Running\s+1/1\s+oci/\S+\s+10\.91\.0\.2\s+0", table);
            Assert.Contains("placement    placed on oci/", show, StringComparison.Ordinal);
            Assert.Contains("kind       Container for an OCI image", show, StringComparison.Ordinal);
            Assert.Contains("Running: 1 of 1 replicas running", show, StringComparison.Ordinal);
            Assert.Equal("hello from hello\n", logs);
            Assert.Contains("\"reason\":\"InsufficientCpu\"", tooBig.Output, StringComparison.Ordinal);

            await CliAsync(address, "delete", "workload", "demo/hello");
            await WaitForAsync(address, null);
            await CliAsync(address, "delete", "network", "demo/lan");
        }
    }

    private static async Task<string> WaitForAsync(Uri address, string? phase)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var table = await CliAsync(address, "workloads");
            if (phase is null ? !table.Contains("demo/hello", StringComparison.Ordinal) : table.Contains(phase, StringComparison.Ordinal))
            {
                return table;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"the workload never became {phase ?? "gone"}:\n{table}\n{await CliAsync(address, "show", "demo/hello")}");
            }

            await Task.Delay(500);
        }
    }

    private static async Task<string> CliAsync(Uri address, params string[] words)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [SampleBinaries.AllInOneDll, "resources", .. words, $"--Api={address}"], CommandTimeout, SampleBinaries.AllInOneDirectory);
        Assert.True(result.ExitCode == 0, $"resources {string.Join(' ', words)} exited {result.ExitCode}: {result.Output}{result.Error}");
        return result.Output;
    }

    private string File(string name, string content)
    {
        var path = Path.Combine(_files.FullName, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }
}
