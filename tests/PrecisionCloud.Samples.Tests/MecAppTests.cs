using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PrecisionCloud.Tests;
using PrecisionCloud.Tests.Network;
using PrecisionCloud.Tests.Oracles;

namespace PrecisionCloud.Samples.Tests;

/// <summary>
/// The MecApp sample against the all-in-one site, both as their own processes: from registration through zone events
/// of simulated users to confirmed termination.
/// </summary>
public sealed class MecAppTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("mecapp-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task The_app_registers_publishes_activates_its_rule_and_leaves_cleanly_when_terminated()
    {
        // A radio map of two zones with simulated users moving between them, so the app has zones to watch.
        var (site, address) = await SiteProcess.StartAsync("dotnet",
            [
                SampleBinaries.AllInOneDll, $"--PrecisionCloud:Mec:DatabasePath={Path.Combine(_data.FullName, "mec.db")}",
                "--PrecisionCloud:Mec:Location:Zones:0:ZoneId=hall", "--PrecisionCloud:Mec:Location:Zones:0:AccessPoints:0:AccessPointId=hall-ap",
                "--PrecisionCloud:Mec:Location:Zones:1:ZoneId=yard", "--PrecisionCloud:Mec:Location:Zones:1:AccessPoints:0:AccessPointId=yard-ap",
                "--PrecisionCloud:Mec:Location:Simulator:Enabled=true", "--PrecisionCloud:Mec:Location:Simulator:Users=4", "--PrecisionCloud:Mec:Location:Simulator:MoveInterval=00:00:00.2",
            ],
            SampleBinaries.AllInOneDirectory, StartTimeout);
        await using (site)
        {
            using var http = new HttpClient { BaseAddress = address };
            using (var provisioned = await http.PutAsync(new Uri("/mec_platform_mgmt/v1/app_instances/mec-app-1", UriKind.Relative), Json("""
                {"appName": "mec-app", "trafficRules": [{"trafficRuleId": "block-telnet", "filterType": "FLOW", "priority": 5,
                  "trafficFilter": [{"dstPort": ["23"], "protocol": ["TCP"]}], "action": "DROP", "state": "INACTIVE"}]}
                """)))
            {
                Assert.Equal(HttpStatusCode.Created, provisioned.StatusCode);
            }

            var output = new StringBuilder();
            using var app = StartMecApp(address, output);
            try
            {
                await WaitForAsync(output, "Serving as mec-app-1", app);
                Assert.Contains("The location service is offered", Text(output), StringComparison.Ordinal);
                Assert.Contains("Watching zone yard", Text(output), StringComparison.Ordinal);
                await WaitForAsync(output, "User acr:10.255.0.", app);

                using (var services = await http.GetAsync(new Uri("/mec_service_mgmt/v1/services?ser_name=mec-app-echo", UriKind.Relative)))
                {
                    Assert.Single(JsonNode.Parse(await services.Content.ReadAsStringAsync())!.AsArray());
                }

                using (var rule = await http.GetAsync(new Uri("/mec_app_support/v2/applications/mec-app-1/traffic_rules/block-telnet", UriKind.Relative)))
                {
                    Assert.Equal("ACTIVE", JsonNode.Parse(await rule.Content.ReadAsStringAsync())!["state"]!.GetValue<string>());
                }

                using (var terminating = await http.PostAsync(new Uri("/mec_platform_mgmt/v1/app_instances/mec-app-1/terminate", UriKind.Relative), Json("""{"maxGracefulTimeout": 20}""")))
                {
                    Assert.Equal(HttpStatusCode.Accepted, terminating.StatusCode);
                }

                await app.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.True(app.ExitCode == 0, Text(output));
                Assert.Contains("Withdrew service", Text(output), StringComparison.Ordinal);
                Assert.Contains("Terminated by the platform (Terminating)", Text(output), StringComparison.Ordinal);
                using var gone = await http.GetAsync(new Uri("/mec_platform_mgmt/v1/app_instances/mec-app-1", UriKind.Relative));
                Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            }
            finally
            {
                if (!app.HasExited)
                {
                    app.Kill(entireProcessTree: true);
                }
            }
        }
    }

    [Fact]
    public async Task The_apps_traffic_rule_steers_the_ues_gtp_u_to_its_port_until_the_app_is_terminated()
    {
        await using var gnb = await GnbNamespace.CreateAsync("ps", 202);
        await ExternalTool.RequireScapyAsync();
        var (internetTun, mecTun) = ($"psi{gnb.Suffix}", $"psm{gnb.Suffix}");
        var (site, address) = await SiteProcess.StartAsync("dotnet",
            [
                SampleBinaries.AllInOneDll, $"--PrecisionCloud:Mec:DatabasePath={Path.Combine(_data.FullName, "mec.db")}",
                "--PrecisionCloud:UserPlane:Enabled=true", $"--PrecisionCloud:UserPlane:N3Address={gnb.UpfAddress}",
                "--PrecisionCloud:UserPlane:N6Ports:0:NetworkInstance=internet", $"--PrecisionCloud:UserPlane:N6Ports:0:TunDevice={internetTun}", "--PrecisionCloud:UserPlane:N6Ports:0:Routes:0=10.45.0.0/16",
                "--PrecisionCloud:UserPlane:N6Ports:1:NetworkInstance=mec", $"--PrecisionCloud:UserPlane:N6Ports:1:TunDevice={mecTun}", "--PrecisionCloud:UserPlane:N6Ports:1:Routes:0=10.204.0.0/16",
                "--PrecisionCloud:UserPlane:StaticSessions:0:UeAddress=10.45.0.2", "--PrecisionCloud:UserPlane:StaticSessions:0:UplinkTeid=256",
                $"--PrecisionCloud:UserPlane:StaticSessions:0:GnbAddress={gnb.GnbAddress}", "--PrecisionCloud:UserPlane:StaticSessions:0:DownlinkTeid=512", "--PrecisionCloud:UserPlane:StaticSessions:0:Qfi=9",
            ],
            SampleBinaries.AllInOneDirectory, StartTimeout);
        await using (site)
        {
            using var http = new HttpClient { BaseAddress = address };
            using (var provisioned = await http.PutAsync(new Uri("/mec_platform_mgmt/v1/app_instances/mec-app-1", UriKind.Relative), Json("""
                {"appName": "mec-app", "trafficRules": [{"trafficRuleId": "breakout", "filterType": "FLOW", "priority": 10,
                  "trafficFilter": [{"dstAddress": ["10.204.0.5"]}], "action": "FORWARD_DECAPSULATED",
                  "dstInterface": [{"interfaceType": "IP", "dstIpAddress": "10.204.0.5"}], "state": "INACTIVE"}]}
                """)))
            {
                Assert.Equal(HttpStatusCode.Created, provisioned.StatusCode);
            }

            var output = new StringBuilder();
            using var app = StartMecApp(address, output);
            try
            {
                await WaitForAsync(output, "Serving as mec-app-1", app);
                Assert.Contains("Traffic rule breakout is Active", Text(output), StringComparison.Ordinal);

                var mecBefore = GnbNamespace.RxPackets(mecTun);
                await SendFromGnbAsync(gnb, "10.204.0.5");
                Assert.True(GnbNamespace.RxPackets(mecTun) > mecBefore, "the app's ACTIVE rule should steer the UE's packet for 10.204.0.5 to the mec port\n" + site.Log);

                using (var terminating = await http.PostAsync(new Uri("/mec_platform_mgmt/v1/app_instances/mec-app-1/terminate", UriKind.Relative), Json("{}")))
                {
                    Assert.Equal(HttpStatusCode.Accepted, terminating.StatusCode);
                }

                await app.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.True(app.ExitCode == 0, Text(output));

                // The app is gone and its rule with it: the same packet takes the session's way again.
                mecBefore = GnbNamespace.RxPackets(mecTun);
                var internetBefore = GnbNamespace.RxPackets(internetTun);
                await SendFromGnbAsync(gnb, "10.204.0.5");
                Assert.Equal(mecBefore, GnbNamespace.RxPackets(mecTun));
                Assert.True(GnbNamespace.RxPackets(internetTun) > internetBefore);
            }
            finally
            {
                if (!app.HasExited)
                {
                    app.Kill(entireProcessTree: true);
                }
            }
        }
    }

    private static Process StartMecApp(Uri address, StringBuilder output)
    {
        var app = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { SampleBinaries.MecAppDll, $"--PrecisionCloud:MecClient:ApiRoot={address}", "--PrecisionCloud:MecClient:AppInstanceId=mec-app-1" },
            WorkingDirectory = Path.GetDirectoryName(SampleBinaries.MecAppDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        app.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        app.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        return app;
    }

    private static async Task SendFromGnbAsync(GnbNamespace gnb, string destination)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Oracles", "gnb_ping.py");
        var sent = await ProcessRunner.RunAsync("ip", ["netns", "exec", gnb.Name, ExternalTool.DebianPython, script, gnb.UpfAddress, "0x100", "10.45.0.2", destination, "1"], TimeSpan.FromMinutes(1));
        Assert.True(sent.ExitCode == 0, sent.All);
        await Task.Delay(200);
    }

    private static async Task WaitForAsync(StringBuilder output, string line, Process app)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!Text(output).Contains(line, StringComparison.Ordinal))
        {
            Assert.False(app.HasExited, $"MecApp exited before '{line}':\n{Text(output)}");
            Assert.True(DateTime.UtcNow < deadline, $"MecApp did not say '{line}' within {StartTimeout}:\n{Text(output)}");
            await Task.Delay(100);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
