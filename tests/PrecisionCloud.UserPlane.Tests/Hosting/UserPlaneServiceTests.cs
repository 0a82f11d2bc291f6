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
    public async Task A_gnb_that_stops_answering_echo_requests_fails_its_path_and_recovers_when_it_answers_again()
    {
        Assert.True(Environment.UserName == "root", "The N6 port is a TUN device, which needs root (CAP_NET_ADMIN); CI runs as root.");
        // A gNB address of this process's own: the test projects run side by side, each with its own responder on port 2152.
        var gnbAddress = $"127.0.{(Environment.ProcessId % 250) + 1}.9";
        var handler = new RecordingReportHandler();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IUserPlaneReportHandler>(handler);
        builder.Services.AddPrecisionCloudUserPlane(options =>
        {
            options.Enabled = true;
            options.N3Address = "127.0.0.1";
            options.N3Port = FreePort();
            options.PathEchoInterval = TimeSpan.FromMilliseconds(150);
            options.PathEchoRetries = 1;
            options.N6Ports.Add(new N6PortOptions { NetworkInstance = "internet", TunDevice = $"echo{Environment.ProcessId % 10000}" });
            options.StaticSessions.Add(new StaticSessionOptions { UeAddress = "10.45.0.2", UplinkTeid = 1, GnbAddress = gnbAddress, DownlinkTeid = 2 });
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            // The gNB answers for a while: its path stays up.
            using (var gnb = new EchoResponder(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(gnbAddress), 2152)))
            {
                await gnb.WaitForRequestsAsync(3);
                Assert.Empty(handler.Failed);
            }

            // Silent: after two unanswered requests the path has failed, once.
            await Eventually(() => handler.Failed.Count == 1);
            Assert.Equal(PrecisionCloud.UserPlane.Packets.InetAddress.Parse(gnbAddress), handler.Failed.Single());

            // Answering again: the path recovers, and the failure was reported once (checked while the gNB still
            // answers: once it is silent again, a new failure is rightly reported).
            using (var gnb = new EchoResponder(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(gnbAddress), 2152)))
            {
                await Eventually(() => handler.Recovered.Count == 1);
                Assert.Single(handler.Failed);
            }
        }
        finally
        {
            await host.StopAsync();
        }
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

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        return ((System.Net.IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            Assert.True(waited < 5000, "the condition did not hold within 5 s");
            await Task.Delay(50);
        }
    }

    /// <summary>A gNB's GTP-U socket that answers Echo Requests.</summary>
    private sealed class EchoResponder : IDisposable
    {
        private readonly System.Net.Sockets.UdpClient _socket;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private int _requests;

        public EchoResponder(System.Net.IPEndPoint endpoint)
        {
            _socket = new System.Net.Sockets.UdpClient(endpoint);
            _loop = Task.Run(async () =>
            {
                var answer = new byte[16];
                while (!_stop.IsCancellationRequested)
                {
                    var request = await _socket.ReceiveAsync(_stop.Token);
                    if (PrecisionCloud.UserPlane.Gtp.GtpReader.TryRead(request.Buffer, out var echo) == DropReason.None
                        && echo.MessageType == PrecisionCloud.UserPlane.Gtp.GtpMessageType.EchoRequest
                        && PrecisionCloud.UserPlane.Gtp.GtpWriter.TryWriteEchoResponse(answer, echo.SequenceNumber, 0, out var written))
                    {
                        Interlocked.Increment(ref _requests);
                        await _socket.SendAsync(answer.AsMemory(0, written), request.RemoteEndPoint, _stop.Token);
                    }
                }
            });
        }

        public async Task WaitForRequestsAsync(int count) => await Eventually(() => Volatile.Read(ref _requests) >= count);

        public void Dispose()
        {
            _stop.Cancel();
            _socket.Dispose();
            _loop.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
            _stop.Dispose();
        }
    }

    private sealed class RecordingReportHandler : IUserPlaneReportHandler
    {
        public System.Collections.Concurrent.ConcurrentQueue<PrecisionCloud.UserPlane.Packets.InetAddress> Failed { get; } = new();

        public System.Collections.Concurrent.ConcurrentQueue<PrecisionCloud.UserPlane.Packets.InetAddress> Recovered { get; } = new();

        public void OnUsageReports(IReadOnlyList<PrecisionCloud.UserPlane.Usage.UsageReport> reports)
        {
        }

        public void OnDownlinkData(ulong seid, uint pdrId)
        {
        }

        public void OnErrorIndication(PrecisionCloud.UserPlane.Packets.InetAddress peer, uint teid)
        {
        }

        public void OnGtpPathFailure(PrecisionCloud.UserPlane.Packets.InetAddress peer) => Failed.Enqueue(peer);

        public void OnGtpPathRecovery(PrecisionCloud.UserPlane.Packets.InetAddress peer) => Recovered.Enqueue(peer);
    }
}
