using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrecisionCloud.Tests.Oracles;
using PrecisionCloud.UserPlane.Hosting;
using PrecisionCloud.UserPlane.Pfcp.Node;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Hosting;

public sealed class PfcpServiceTests
{
    [Fact]
    public async Task A_scapy_smf_and_gnb_drive_the_hosted_user_plane_get_a_usage_report_and_an_end_marker()
    {
        Assert.True(Environment.UserName == "root", "The N6 port is a TUN device, which needs root (CAP_NET_ADMIN); CI runs as root.");
        var (pfcpPort, n3Port) = (FreePort(), FreePort());
        using var host = Build(
            userPlane =>
            {
                userPlane.Enabled = true;
                userPlane.N3Address = "127.0.0.1";
                userPlane.N3Port = n3Port;
                userPlane.N6Ports.Add(new N6PortOptions { NetworkInstance = "internet", TunDevice = $"pfcp{Environment.ProcessId % 10000}" });
            },
            n4 =>
            {
                n4.Enabled = true;
                n4.N4Address = "127.0.0.1";
                n4.Port = pfcpPort;
            });
        await host.StartAsync();
        try
        {
            var lines = (await ExternalTool.RunScapyAsync("scapy_smf_traffic.py", pfcpPort.ToString(CultureInfo.InvariantCulture), n3Port.ToString(CultureInfo.InvariantCulture), "127.0.0.2"))
                .Select(l => l.Split('|')).ToDictionary(p => p[0], p => p[1].Split(';').Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]));

            Assert.Equal("1", lines["association"]["cause"]);
            Assert.Equal("1", lines["establishment"]["cause"]);
            var report = lines["report"];
            Assert.Equal(("56", "24301", "1", "1", "1"), (report["type"], report["seid"], report["usar"], report["urr"], report["volth"]));
            Assert.True(int.Parse(report["total"], CultureInfo.InvariantCulture) >= 100, $"the report counts {report["total"]} bytes");
            Assert.Equal(("1", "254", "4660"), (lines["modification"]["cause"], lines["modification"]["end_marker_type"], lines["modification"]["end_marker_teid"]));
            Assert.Equal("1", lines["deletion"]["cause"]);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Bad_n4_settings_stop_the_start_naming_each_one()
    {
        using var host = Build(_ => { }, n4 =>
        {
            n4.Enabled = true;
            n4.N4Address = "upf.example";
            n4.FirstTeid = 10;
            n4.LastTeid = 5;
            n4.RequestTimeout = TimeSpan.Zero;
            n4.CpNodes.Add("10.0.0.5:8805");
            n4.CpNodes.Add("smf.example:8805");
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PrecisionCloud:N4:N4Address 'upf.example' is not an IP address.", error.Failures);
        Assert.Contains("PrecisionCloud:N4:FirstTeid 10 must be non-zero and at most LastTeid 5.", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("PrecisionCloud:N4:RequestTimeout", StringComparison.Ordinal));
        Assert.Contains("PrecisionCloud:N4:CpNodes:1 'smf.example:8805' is not an address or address:port.", error.Failures);
        Assert.DoesNotContain(error.Failures, f => f.Contains("CpNodes:0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_n4_address_the_host_does_not_have_stops_the_start_naming_the_setting()
    {
        using var host = Build(_ => { }, n4 =>
        {
            n4.Enabled = true;
            n4.N4Address = "192.0.2.77"; // TEST-NET-1: on no interface here
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.StartsWith("PrecisionCloud:N4:N4Address 192.0.2.77:8805 cannot be bound", error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Action<UserPlaneHostOptions> userPlane, Action<PfcpNodeOptions> n4)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPrecisionCloudUserPlane(userPlane);
        builder.Services.AddPrecisionCloudPfcp(n4);
        return builder.Build();
    }

    private static int FreePort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }
}
