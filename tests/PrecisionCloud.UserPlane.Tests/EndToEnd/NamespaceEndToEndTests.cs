using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PrecisionCloud.Tests;
using PrecisionCloud.Tests.Network;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Hosting;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Steering;
using PrecisionCloud.Tests.Oracles;

namespace PrecisionCloud.UserPlane.Tests.EndToEnd;

/// <summary>
/// The user plane between real network namespaces: a gNB namespace (scapy) sends GTP-U with an ICMP echo request
/// from a UE over a veth pair; the UPF decapsulates it onto an N6 TUN device, the kernel answers, and the echo
/// reply comes back encapsulated with the session's downlink TEID and QFI. A steering rule diverts a chosen prefix
/// to a second N6 port. Needs root (network namespaces, TUN); CI runs as root.
/// </summary>
public sealed class NamespaceEndToEndTests : IAsyncLifetime
{
    private GnbNamespace _gnb = null!;

    private string Namespace => _gnb.Name;
    private string N6Tun => $"pcn6{_gnb.Suffix}";
    private string MecTun => $"pcme{_gnb.Suffix}";
    private string UpfAddress => _gnb.UpfAddress;
    private string GnbAddress => _gnb.GnbAddress;

    public async Task InitializeAsync()
    {
        _gnb = await GnbNamespace.CreateAsync("pc", 200);
        await ExternalTool.RequireScapyAsync();
    }

    public async Task DisposeAsync() => await _gnb.DisposeAsync();

    [Fact]
    public async Task Ping_through_the_upf_comes_back_with_the_downlink_teid_and_qfi_and_breakout_goes_to_the_local_port()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPrecisionCloudUserPlane(options =>
        {
            options.Enabled = true;
            options.N3Address = UpfAddress;
            options.N6Ports.Add(new N6PortOptions { NetworkInstance = "internet", TunDevice = N6Tun, Routes = { "10.45.0.0/16" } });
            options.N6Ports.Add(new N6PortOptions { NetworkInstance = "mec", TunDevice = MecTun });
            options.StaticSessions.Add(new StaticSessionOptions { UeAddress = "10.45.0.2", UplinkTeid = 0x100, GnbAddress = GnbAddress, DownlinkTeid = 0x200, Qfi = 9 });
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var userPlane = host.Services.GetRequiredService<UserPlane>();
            Assert.Empty(userPlane.SetSteeringRules(
            [
                new SteeringRule
                {
                    Id = "edge-app",
                    Priority = 1,
                    Filter = new PacketFilter(null, AddressMatch.Any, [], AddressMatch.Prefix(InetAddress.Parse("10.202.0.0"), 16), []),
                    NetworkInstance = "mec",
                },
            ]));
            var mecBefore = RxPackets(MecTun);

            var script = Path.Combine(AppContext.BaseDirectory, "Oracles", "gnb_ping.py");
            var gnb = await ProcessRunner.RunAsync("ip", ["netns", "exec", Namespace, ExternalTool.DebianPython, script, UpfAddress, "0x100", "10.45.0.2", $"{UpfAddress},10.202.0.5", "4"],
                TimeSpan.FromMinutes(1));
            Assert.True(gnb.ExitCode == 0, gnb.All);

            var replies = gnb.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Convert.FromHexString).ToList();
            var reply = Assert.Single(replies);
            Assert.Equal(DropReason.None, GtpReader.TryRead(reply, out var gtp));
            Assert.Equal((GtpMessageType.GPdu, 0x200u), (gtp.MessageType, gtp.Teid));
            Assert.Equal(new PduSessionContainer(PduSessionInformationType.Downlink, 9), gtp.PduSessionContainer);
            var inner = reply.AsSpan(gtp.PayloadOffset, gtp.PayloadLength);
            Assert.Equal(DropReason.None, InnerPacketReader.TryReadFiveTuple(inner, out var tuple));
            Assert.Equal((InetAddress.Parse(UpfAddress), InetAddress.Parse("10.45.0.2"), IpProtocol.Icmp), (tuple.Source, tuple.Destination, tuple.Protocol));
            Assert.Equal(0, inner[20]); // ICMP echo reply

            var pcap = Path.Combine(Path.GetTempPath(), $"e2e-{_gnb.Suffix}.pcap");
            try
            {
                using (var writer = new PcapWriter(pcap))
                {
                    writer.WriteUdp(0x0AC80001, 0x0AC80002, 2152, 2152, reply);
                }

                var rows = await ExternalTool.DissectAsync(pcap, ["gtp.teid", "gtp.ext_hdr.pdu_ses_con.qos_flow_id", "icmp.type"]);
                Assert.Equal(["0x00000200", "9", "0"], rows.Single());
            }
            finally
            {
                File.Delete(pcap);
            }

            Assert.True(RxPackets(MecTun) > mecBefore, "the packet for 10.202.0.5 did not leave through the local (mec) N6 port");
            var statistics = userPlane.GetStatistics();
            Assert.Equal(1, statistics.SteeringHits);
            Assert.True(statistics.N6SentPackets >= 2);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static long RxPackets(string device) => GnbNamespace.RxPackets(device);
}
