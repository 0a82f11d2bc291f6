using System.Net;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Node;
using PrecisionCloud.UserPlane.Pfcp.Simulation;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Simulation;

public sealed class SmfSimulatorTests : IDisposable
{
    private readonly UserPlane _userPlane = new(new UserPlaneOptions { N3Address = InetAddress.Parse("127.0.0.1") });

    public SmfSimulatorTests() => _userPlane.RegisterN6Port("internet");

    public void Dispose() => _userPlane.Dispose();

    [Fact]
    public async Task The_simulator_establishes_and_deletes_sessions_of_the_pdu_session_shape_over_udp()
    {
        var node = new PfcpNode(_userPlane, new PfcpNodeOptions(), DateTimeOffset.UtcNow);
        await using var server = new PfcpServer(node, new IPEndPoint(IPAddress.Loopback, 0));
        using var simulator = new SmfSimulator(new SmfSimulatorOptions { Agent = server.LocalEndPoint.ToString(), Sessions = 2000, Window = 32, Delete = false });

        var result = await simulator.RunAsync();

        Assert.Equal((2000, 0, 0), (result.Established, result.Rejected.Count, result.Unanswered));
        Assert.Equal(2000, _userPlane.SessionCount);
        var rules = _userPlane.GetRules(1)!;
        Assert.Equal((4, 2, 1, 1), (rules.Pdrs.Count, rules.Fars.Count, rules.Qers.Count, rules.Urrs.Count));
        Assert.Equal(rules.Pdrs[0].Pdi.LocalTeid, rules.Pdrs[1].Pdi.LocalTeid); // the two uplink PDRs share one CHOOSE F-TEID
        Assert.True(result.EstablishmentsPerSecond > 0 && result.MedianLatency > TimeSpan.Zero && result.P99Latency >= result.MedianLatency);
    }

    [Fact]
    public async Task Deletion_afterwards_leaves_nothing_behind()
    {
        var node = new PfcpNode(_userPlane, new PfcpNodeOptions(), DateTimeOffset.UtcNow);
        await using var server = new PfcpServer(node, new IPEndPoint(IPAddress.Loopback, 0));
        using var simulator = new SmfSimulator(new SmfSimulatorOptions { Agent = server.LocalEndPoint.ToString(), Sessions = 500, Rate = 5000 });

        var result = await simulator.RunAsync();

        Assert.Equal((500, 500, 0), (result.Established, result.Deleted, result.Unanswered));
        Assert.Equal((0, 0), (node.SessionCount, _userPlane.SessionCount));
    }

    [Fact]
    public async Task An_smf_on_ipv6_associates_and_establishes_through_the_agents_ipv6_address()
    {
        var node = new PfcpNode(_userPlane, new PfcpNodeOptions { N4IPv6Address = "::1" }, DateTimeOffset.UtcNow);
        await using var server = new PfcpServer(node, new IPEndPoint(IPAddress.IPv6Loopback, 0));
        using var simulator = new SmfSimulator(new SmfSimulatorOptions { Agent = server.LocalEndPoint.ToString(), LocalAddress = "::1", Sessions = 100 });

        var result = await simulator.RunAsync();

        Assert.Equal((100, 100, 0), (result.Established, result.Deleted, result.Unanswered));
        Assert.Equal(InetAddress.Parse("::1"), Assert.Single(node.Associations).Address);
    }

    [Fact]
    public async Task An_agent_that_does_not_answer_is_reported_as_such()
    {
        using var silent = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var simulator = new SmfSimulator(new SmfSimulatorOptions { Agent = silent.Client.LocalEndPoint!.ToString()!, ResponseTimeout = TimeSpan.FromMilliseconds(200) });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => simulator.RunAsync());

        Assert.Contains("did not answer the Association Setup Request", error.Message, StringComparison.Ordinal);
    }
}
