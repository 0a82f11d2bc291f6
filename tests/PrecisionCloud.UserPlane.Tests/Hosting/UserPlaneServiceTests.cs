using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrecisionCloud.UserPlane.Hosting;

namespace PrecisionCloud.UserPlane.Tests.Hosting;

public sealed class UserPlaneServiceTests
{
    [Fact]
    public async Task Disabled_user_plane_starts_nothing()
    {
        using var host = Build(_ => { });

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(0, host.Services.GetRequiredService<UserPlane>().SessionCount);
    }

    [Fact]
    public async Task An_n3_address_the_host_does_not_have_stops_the_start_naming_the_setting()
    {
        using var host = Build(options =>
        {
            options.Enabled = true;
            options.N3Address = "192.0.2.77"; // TEST-NET-1: on no interface here
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.StartsWith("PrecisionCloud:UserPlane:N3Address 192.0.2.77:2152 cannot be bound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_static_sessions_fail_validation_naming_each_setting()
    {
        using var host = Build(options =>
        {
            options.Enabled = true;
            options.Workers = 0;
            options.StaticSessions.Add(new StaticSessionOptions { UeAddress = "10.45.0.2", UplinkTeid = 1, GnbAddress = "10.200.0.2", DownlinkTeid = 2 });
            options.StaticSessions.Add(new StaticSessionOptions { UeAddress = "10.45.0.2", UplinkTeid = 1, GnbAddress = "gnb", DownlinkTeid = 0, Qfi = 64 });
            options.N6Ports.Add(new N6PortOptions { TunDevice = "a-name-that-is-too-long", Routes = { "10.45.0.0/33" } });
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PrecisionCloud:UserPlane:Workers 0 must be from 1 to 64.", error.Failures);
        Assert.Contains("PrecisionCloud:UserPlane:StaticSessions:1:UeAddress '10.45.0.2' is used by another static session.", error.Failures);
        Assert.Contains("PrecisionCloud:UserPlane:StaticSessions:1:UplinkTeid 1 must be non-zero and unique.", error.Failures);
        Assert.Contains("PrecisionCloud:UserPlane:StaticSessions:1:GnbAddress 'gnb' is not an IP address.", error.Failures);
        Assert.Contains("PrecisionCloud:UserPlane:StaticSessions:1:DownlinkTeid must be non-zero.", error.Failures);
        Assert.Contains("PrecisionCloud:UserPlane:StaticSessions:1:Qfi 64 must be from 0 to 63.", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("PrecisionCloud:UserPlane:N6Ports:0:TunDevice", StringComparison.Ordinal));
        Assert.Contains("PrecisionCloud:UserPlane:N6Ports:0:Routes '10.45.0.0/33' is not a prefix such as 10.45.0.0/16.", error.Failures);
    }

    [Fact]
    public async Task N3_through_packet_rings_in_a_fanout_group_answers_every_echo_request()
    {
        Assert.True(Environment.UserName == "root", "A packet ring needs root (CAP_NET_RAW); CI runs as root.");
        int port;
        using (var probe = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0)))
        {
            port = ((System.Net.IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        using var host = Build(options =>
        {
            options.Enabled = true;
            options.N3Address = "127.0.0.1";
            options.N3Port = port;
            options.Workers = 2;
            options.N3PacketRingInterface = "lo";
            options.N3PacketRingFrames = 256;
        });
        await host.StartAsync();

        // Requests from many source ports go to the two workers. rings by flow hash; each is answered once.
        var answered = 0;
        for (var i = 0; i < 16; i++)
        {
            using var gnb = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
            var request = new byte[12];
            PrecisionCloud.UserPlane.Gtp.GtpWriter.TryWriteEchoRequest(request, (ushort)i, out _);
            await gnb.SendAsync(request, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var response = await gnb.ReceiveAsync(timeout.Token);
            Assert.Equal(PrecisionCloud.UserPlane.DropReason.None, PrecisionCloud.UserPlane.Gtp.GtpReader.TryRead(response.Buffer, out var echo));
            Assert.Equal((PrecisionCloud.UserPlane.Gtp.GtpMessageType.EchoResponse, (ushort)i), (echo.MessageType, echo.SequenceNumber));
            answered++;
        }

        await host.StopAsync();
        Assert.Equal(16, answered);
        Assert.Equal(16, host.Services.GetRequiredService<UserPlane>().GetStatistics().N3ReceivedPackets);
    }

    [Fact]
    public async Task Packet_ring_settings_are_checked_naming_the_setting()
    {
        using var host = Build(options =>
        {
            options.Enabled = true;
            options.N3Address = "::1";
            options.N3PacketRingInterface = "an interface name";
            options.N3PacketRingFrames = 10;
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PrecisionCloud:UserPlane:N3PacketRingInterface 'an interface name' must be an interface name of 1 to 15 characters.", error.Failures);
        Assert.Contains("PrecisionCloud:UserPlane:N3PacketRingInterface receives IPv4 only, but N3Address '::1' is not IPv4.", error.Failures);
        Assert.Contains("PrecisionCloud:UserPlane:N3PacketRingFrames 10 must be from 64 to 1048576.", error.Failures);
    }

    [Fact]
    public void Static_sessions_become_the_rules_an_smf_would_install()
    {
        var rules = StaticSessionRules.For(new StaticSessionOptions { UeAddress = "10.45.0.2", UplinkTeid = 7, GnbAddress = "10.200.0.2", DownlinkTeid = 8, Qfi = 5, DownlinkMbrKbps = 1000 }, 3);

        Assert.Empty(PrecisionCloud.UserPlane.Rules.SessionRulesValidator.Validate(rules));
        Assert.Equal((3UL, 2, 2), (rules.Seid, rules.Pdrs.Count, rules.Fars.Count));
        Assert.Equal((byte)5, rules.Qers[0].Qfi);
        Assert.Equal(1000UL, rules.Qers[0].DownlinkMbrKbps);
        Assert.Equal(8u, rules.Fars[1].Forwarding!.OuterHeaderCreation!.Teid);
    }

    private static IHost Build(Action<UserPlaneHostOptions> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPrecisionCloudUserPlane(configure);
        return builder.Build();
    }
}
