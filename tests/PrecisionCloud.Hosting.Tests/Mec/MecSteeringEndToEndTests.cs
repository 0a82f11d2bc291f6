using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrecisionCloud.Mec.Platform;
using PrecisionCloud.Tests;
using PrecisionCloud.Tests.Network;
using PrecisionCloud.Tests.Oracles;

namespace PrecisionCloud.Hosting.Tests.Mec;

/// <summary>
/// A MEC traffic rule steering real GTP-U: a site with its user plane on a veth pair to a gNB namespace (scapy) and
/// two N6 TUN ports; the MEC application's rule, activated over Mp1, sends the UE's packets for the application's
/// address out of the local (mec) port, and after deactivation they go to the internet port again. Needs root.
/// </summary>
public sealed class MecSteeringEndToEndTests : IAsyncLifetime
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("site-mec-e2e-");
    private GnbNamespace _gnb = null!;

    private string InternetTun => $"pcmi{_gnb.Suffix}";
    private string MecTun => $"pcmm{_gnb.Suffix}";
    private string UpfAddress => _gnb.UpfAddress;
    private string GnbAddress => _gnb.GnbAddress;

    public async Task InitializeAsync()
    {
        _gnb = await GnbNamespace.CreateAsync("pm", 201);
        await ExternalTool.RequireScapyAsync();
    }

    public async Task DisposeAsync()
    {
        await _gnb.DisposeAsync();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task An_active_traffic_rule_breaks_the_ues_gtp_u_out_to_the_applications_port()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddPrecisionCloud(o => o.Profile = SiteProfile.AllInOne)
            .ConfigureUserPlane(o =>
            {
                o.Enabled = true;
                o.N3Address = UpfAddress;
                o.N6Ports.Add(new UserPlane.Hosting.N6PortOptions { NetworkInstance = "internet", TunDevice = InternetTun, Routes = { "10.45.0.0/16" } });
                o.N6Ports.Add(new UserPlane.Hosting.N6PortOptions { NetworkInstance = "mec", TunDevice = MecTun, Routes = { "10.203.0.0/16" } });
                o.StaticSessions.Add(new UserPlane.Hosting.StaticSessionOptions { UeAddress = "10.45.0.2", UplinkTeid = 0x100, GnbAddress = GnbAddress, DownlinkTeid = 0x200, Qfi = 9 });
            })
            .AddMecPlatform(o => (o.ConformanceMode, o.DatabasePath) = (true, Path.Combine(_data.FullName, "mec.db")));
        builder.Services.AddMecDnsResponder(o => o.Port = 0);
        await using var site = builder.Build();
        site.MapMecPlatform();
        await site.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(site.Urls.First()) };
        using (var provisioned = await SendAsync(http, HttpMethod.Put, "/mec_platform_mgmt/v1/app_instances/edge-app", """
            {"appName": "edge-app", "trafficRules": [{
              "trafficRuleId": "breakout", "filterType": "FLOW", "priority": 10, "trafficFilter": [{"dstAddress": ["10.203.0.5"]}],
              "action": "FORWARD_DECAPSULATED", "dstInterface": [{"interfaceType": "IP", "dstIpAddress": "10.203.0.5"}], "state": "INACTIVE"}]}
            """))
        {
            Assert.Equal(HttpStatusCode.Created, provisioned.StatusCode);
        }

        // Inactive: the packet for the application's address goes where the session sends everything (internet).
        var (mecBefore, internetBefore) = (RxPackets(MecTun), RxPackets(InternetTun));
        await SendFromGnbAsync("10.203.0.5");
        Assert.Equal(mecBefore, RxPackets(MecTun));
        Assert.True(RxPackets(InternetTun) > internetBefore, "with the rule INACTIVE the packet should leave through the internet port");

        using (var active = await SendAsync(http, HttpMethod.Put, "/mec_app_support/v2/applications/edge-app/traffic_rules/breakout", Rule("ACTIVE")))
        {
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        (mecBefore, internetBefore) = (RxPackets(MecTun), RxPackets(InternetTun));
        await SendFromGnbAsync("10.203.0.5");
        Assert.True(RxPackets(MecTun) > mecBefore, "with the rule ACTIVE the packet for 10.203.0.5 should leave through the mec port");
        Assert.Equal(internetBefore, RxPackets(InternetTun));

        using (var inactive = await SendAsync(http, HttpMethod.Put, "/mec_app_support/v2/applications/edge-app/traffic_rules/breakout", Rule("INACTIVE")))
        {
            Assert.Equal(HttpStatusCode.OK, inactive.StatusCode);
        }

        mecBefore = RxPackets(MecTun);
        await SendFromGnbAsync("10.203.0.5");
        Assert.Equal(mecBefore, RxPackets(MecTun));
        await site.StopAsync();
    }

    /// <summary>The gNB namespace sends one GTP-U encapsulated ICMP echo from the UE to the destination (scapy).</summary>
    private async Task SendFromGnbAsync(string destination)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Oracles", "gnb_ping.py");
        var gnb = await ProcessRunner.RunAsync("ip", ["netns", "exec", _gnb.Name, ExternalTool.DebianPython, script, UpfAddress, "0x100", "10.45.0.2", destination, "1"], TimeSpan.FromMinutes(1));
        Assert.True(gnb.ExitCode == 0, gnb.All);
        await Task.Delay(200);
    }

    private static string Rule(string state) => $$"""
        {"trafficRuleId": "breakout", "filterType": "FLOW", "priority": 10, "trafficFilter": [{"dstAddress": ["10.203.0.5"]}],
         "action": "FORWARD_DECAPSULATED", "dstInterface": [{"interfaceType": "IP", "dstIpAddress": "10.203.0.5"}], "state": "{{state}}"}
        """;

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string json) =>
        http.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    private static long RxPackets(string device) => GnbNamespace.RxPackets(device);
}
