using System.Globalization;
using System.Net;
using System.Text.Json;
using PrecisionCloud.Tests;

namespace PrecisionCloud.Samples.Tests;

/// <summary>The all-in-one sample as a newcomer runs it: its own process, default configuration.</summary>
public sealed class AllInOneTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Site_starts_on_embedded_defaults_and_reports_healthy()
    {
        var (site, address) = await SiteProcess.StartAsync("dotnet", [SampleBinaries.AllInOneDll], SampleBinaries.AllInOneDirectory, StartTimeout);
        await using (site)
        {
            using var http = new HttpClient { BaseAddress = address };

            using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
            Assert.Contains("Site all-in-one started with profile AllInOne", site.Log, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_smf_simulator_command_drives_the_sites_n4_agent_and_user_plane()
    {
        Assert.True(Environment.UserName == "root", "The site's N6 port is a TUN device, which needs root (CAP_NET_ADMIN); CI runs as root.");
        var (n4, n3) = (FreeUdpPort(), FreeUdpPort());
        var tun = $"aio{Environment.ProcessId % 10000}";
        var (site, _) = await SiteProcess.StartAsync("dotnet",
            [
                SampleBinaries.AllInOneDll, "--PrecisionCloud:N4:Enabled=true", "--PrecisionCloud:N4:N4Address=127.0.0.1", $"--PrecisionCloud:N4:Port={n4}",
                "--PrecisionCloud:UserPlane:Enabled=true", "--PrecisionCloud:UserPlane:N3Address=127.0.0.1", $"--PrecisionCloud:UserPlane:N3Port={n3}",
                "--PrecisionCloud:UserPlane:N6Ports:0:NetworkInstance=internet", $"--PrecisionCloud:UserPlane:N6Ports:0:TunDevice={tun}",
            ],
            SampleBinaries.AllInOneDirectory, StartTimeout);
        await using (site)
        {
            var result = await ProcessRunner.RunAsync("dotnet",
                [SampleBinaries.AllInOneDll, "smf-simulator", $"--SmfSimulator:Agent=127.0.0.1:{n4}", "--SmfSimulator:Sessions=300"], StartTimeout, SampleBinaries.AllInOneDirectory);

            Assert.True(result.ExitCode == 0, result.All + site.Log);
            Assert.Contains("established          300 of 300", result.Output, StringComparison.Ordinal);
            Assert.Contains("deleted              300", result.Output, StringComparison.Ordinal);
            Assert.Contains("N4 (PFCP) agent listening on 127.0.0.1:" + n4.ToString(CultureInfo.InvariantCulture), site.Log, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_smf_simulator_says_when_no_agent_answers()
    {
        var result = await ProcessRunner.RunAsync("dotnet",
            [SampleBinaries.AllInOneDll, "smf-simulator", $"--SmfSimulator:Agent=127.0.0.1:{FreeUdpPort()}", "--SmfSimulator:ResponseTimeout=00:00:00.2"], StartTimeout, SampleBinaries.AllInOneDirectory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did not answer the Association Setup Request", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_url_is_loopback_8080()
    {
        var settings = JsonDocument.Parse(await File.ReadAllTextAsync(RepositoryLayout.PathOf("samples", "AllInOne", "appsettings.json")));

        Assert.Equal("http://127.0.0.1:8080", settings.RootElement.GetProperty("Urls").GetString());
    }

    [Fact]
    public async Task Inventory_json_agrees_with_nproc_and_proc_meminfo()
    {
        var result = await ProcessRunner.RunAsync("dotnet", [SampleBinaries.AllInOneDll, "inventory", "--json"], StartTimeout, SampleBinaries.AllInOneDirectory);
        var nproc = await ProcessRunner.RunAsync("nproc", [], TimeSpan.FromSeconds(10));

        Assert.True(result.ExitCode == 0, result.All);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(int.Parse(nproc.Output.Trim(), CultureInfo.InvariantCulture), root.GetProperty("cpu").GetProperty("logicalCpus").GetInt32());
        var memTotalKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Equal(long.Parse(memTotalKb, CultureInfo.InvariantCulture) * 1024, root.GetProperty("memory").GetProperty("totalBytes").GetInt64());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("nics").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("accelerators").ValueKind);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("cpu").GetProperty("isaFeatures").GetString()));
        Assert.Contains(root.GetProperty("formFactor").GetString(), new[] { "Embedded", "AllInOne", "StandardServer" });
    }

    [Fact]
    public async Task Inventory_table_is_readable()
    {
        var result = await ProcessRunner.RunAsync("dotnet", [SampleBinaries.AllInOneDll, "inventory"], StartTimeout, SampleBinaries.AllInOneDirectory);

        Assert.True(result.ExitCode == 0, result.All);
        foreach (var heading in new[] { "Node", "NUMA nodes", "Hugepages", "NICs", "Accelerators" })
        {
            Assert.Contains(heading + "\n", result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("sockets / cores / logical cpus", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inventory_of_another_tree_comes_from_configuration()
    {
        var fixture = RepositoryLayout.PathOf("tests", "PrecisionCloud.Hardware.Tests", "Fixtures", "core-server");

        var result = await ProcessRunner.RunAsync("dotnet", [SampleBinaries.AllInOneDll, "inventory", "--json", $"--PrecisionCloud:Hardware:Root={fixture}"], StartTimeout, SampleBinaries.AllInOneDirectory);

        Assert.True(result.ExitCode == 0, result.All);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("pool-a-07", json.RootElement.GetProperty("nodeName").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("accelerators").GetArrayLength());
    }

    [Fact]
    public async Task Bad_settings_stop_the_site_with_a_message_naming_the_setting()
    {
        var result = await ProcessRunner.RunAsync("dotnet", [SampleBinaries.AllInOneDll, "--PrecisionCloud:SiteName=Not_A_Label", "--urls=http://127.0.0.1:0"], StartTimeout, SampleBinaries.AllInOneDirectory);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("PrecisionCloud:SiteName 'Not_A_Label' must be", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_verify_says_intact_then_names_the_broken_record_and_a_cut_off_tail()
    {
        var directory = Directory.CreateTempSubdirectory("precisioncloud-audit-verify-").FullName;
        try
        {
            PrecisionCloud.Security.Audit.AuditCheckpoint? head;
            await using (var log = new PrecisionCloud.Security.Audit.AuditLog(new() { Directory = directory, FlushToDisk = false }))
            {
                for (var i = 0; i < 20; i++)
                {
                    await log.AppendAsync(new() { Subject = $"app-{i}", Action = "mec.service.create", Resource = $"/services/{i}", Decision = PrecisionCloud.Security.Audit.AuditDecision.Allow });
                }

                head = await log.FlushAsync();
            }

            var intact = await ProcessRunner.RunAsync("dotnet", [SampleBinaries.AllInOneDll, "audit-verify", directory, $"--head={head}"], StartTimeout, SampleBinaries.AllInOneDirectory);
            Assert.True(intact.ExitCode == 0, intact.All);
            Assert.Contains("records    20", intact.Output, StringComparison.Ordinal);
            Assert.Contains($"head       {head}", intact.Output, StringComparison.Ordinal);
            Assert.Contains("verdict    intact", intact.Output, StringComparison.Ordinal);

            var file = Directory.GetFiles(directory)[0];
            var lines = await File.ReadAllLinesAsync(file);
            await File.WriteAllLinesAsync(file, lines[..18]);
            var cutOff = await ProcessRunner.RunAsync("dotnet", [SampleBinaries.AllInOneDll, "audit-verify", directory, $"--head={head}"], StartTimeout, SampleBinaries.AllInOneDirectory);
            Assert.Equal(1, cutOff.ExitCode);
            Assert.Contains("BROKEN: the log ends at record 18, before the expected record 20", cutOff.Output, StringComparison.Ordinal);

            lines[3] = lines[3].Replace("app-3", "app-9", StringComparison.Ordinal);
            await File.WriteAllLinesAsync(file, lines);
            var edited = await ProcessRunner.RunAsync("dotnet", [SampleBinaries.AllInOneDll, "audit-verify", directory], StartTimeout, SampleBinaries.AllInOneDirectory);
            Assert.Equal(1, edited.ExitCode);
            Assert.Contains("line 4 (record 4) was changed", edited.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Unknown_commands_print_usage()
    {
        var result = await ProcessRunner.RunAsync("dotnet", [SampleBinaries.AllInOneDll, "frobnicate"], StartTimeout, SampleBinaries.AllInOneDirectory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage:", result.Error, StringComparison.Ordinal);
    }

    private static int FreeUdpPort()
    {
        using var probe = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }
}
