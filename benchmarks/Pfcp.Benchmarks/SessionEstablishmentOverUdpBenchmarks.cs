using System.Net;
using BenchmarkDotNet.Attributes;
using PrecisionCloud.UserPlane.Pfcp.Node;
using PrecisionCloud.UserPlane.Pfcp.Simulation;

namespace PrecisionCloud.UserPlane.Pfcp.Benchmarks;

/// <summary>
/// Session establishment over UDP on loopback: the SMF simulator (same process, its own socket and tasks) establishes
/// 20,000 sessions against a <see cref="PfcpServer"/> with a window of 64 requests in flight; both share the
/// machine's two cores. Baseline: the same requests handed to the node in process (no sockets), so the ratio is
/// what the network path and the simulator cost.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 6, invocationCount: 1)]
public class SessionEstablishmentOverUdpBenchmarks
{
    private const int Sessions = 20_000;
    private static readonly IPEndPoint Smf = new(IPAddress.Loopback, 8805);
    private byte[][] _requests = null!;
    private UserPlane _userPlane = null!;
    private PfcpNode _node = null!;

    [GlobalSetup]
    public void Setup() => _requests = [.. Enumerable.Range(0, Sessions).Select(SmfRequests.Establishment)];

    [IterationSetup]
    public void FreshUserPlane()
    {
        _userPlane?.Dispose();
        _userPlane = new UserPlane(new UserPlaneOptions { N3Address = PrecisionCloud.UserPlane.Packets.InetAddress.Parse("10.100.0.2"), ExpectedSessions = Sessions });
        _userPlane.RegisterN6Port("internet");
        _node = new PfcpNode(_userPlane, new PfcpNodeOptions(), DateTimeOffset.UtcNow);
    }

    [GlobalCleanup]
    public void Cleanup() => _userPlane.Dispose();

    [Benchmark(OperationsPerInvoke = Sessions)]
    public async Task<int> Establish_OverUdpWithTheSimulator()
    {
        await using var server = new PfcpServer(_node, new IPEndPoint(IPAddress.Loopback, 0));
        using var simulator = new SmfSimulator(new SmfSimulatorOptions { Agent = server.LocalEndPoint.ToString(), Sessions = Sessions, Window = 64, Delete = false });
        var result = await simulator.RunAsync();
        return result.Established == Sessions ? result.Established : throw new InvalidOperationException($"{result.Established} of {Sessions} established, {result.Unanswered} unanswered");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Sessions)]
    public int Establish_InProcessBaseline()
    {
        _node.Handle(SmfRequests.AssociationSetup(), Smf);
        var answered = 0;
        foreach (var request in _requests)
        {
            answered += _node.Handle(request, Smf) is { Length: > 0 } ? 1 : 0;
        }

        return answered;
    }
}
