using System.Net;
using BenchmarkDotNet.Attributes;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.Node;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Benchmarks;

/// <summary>
/// Session establishment in process, one core: decode a Session Establishment Request (4 PDR, 2 FAR, 1 QER, 1 URR),
/// choose the F-TEID, install the rule set in the user plane and encode the response, for 20,000 new sessions per
/// iteration (a fresh user plane each time). Baseline: installing the same rule sets directly with
/// <see cref="UserPlane.Establish"/>, so the ratio is what N4 adds on top of the fast path's own work.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8, invocationCount: 1)]
public class SessionEstablishmentBenchmarks
{
    private const int Sessions = 20_000;
    private static readonly IPEndPoint Smf = new(IPAddress.Loopback, 8805);
    private byte[][] _requests = null!;
    private SessionRules[] _rules = null!;
    private UserPlane _userPlane = null!;
    private PfcpNode _node = null!;

    [GlobalSetup]
    public void Setup()
    {
        _requests = [.. Enumerable.Range(0, Sessions).Select(SmfRequests.Establishment)];
        _rules = [.. Enumerable.Range(0, Sessions).Select(SmfRequests.Rules)];
    }

    [IterationSetup]
    public void FreshUserPlane()
    {
        _userPlane?.Dispose();
        _userPlane = new UserPlane(new UserPlaneOptions { N3Address = PrecisionCloud.UserPlane.Packets.InetAddress.Parse("10.100.0.2"), ExpectedSessions = Sessions });
        _node = new PfcpNode(_userPlane, new PfcpNodeOptions(), DateTimeOffset.UtcNow);
        _node.Handle(SmfRequests.AssociationSetup(), Smf);
    }

    [GlobalCleanup]
    public void Cleanup() => _userPlane.Dispose();

    [Benchmark(OperationsPerInvoke = Sessions)]
    public int Establish_OverPfcp()
    {
        var accepted = 0;
        foreach (var request in _requests)
        {
            var response = _node.Handle(request, Smf)!;
            accepted += response[16 + 9 + 4] == (byte)PfcpCause.RequestAccepted ? 1 : 0; // the Cause value, after the header and the IPv4 Node ID
        }

        return accepted == Sessions ? accepted : throw new InvalidOperationException($"{accepted} of {Sessions} accepted");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Sessions)]
    public int Establish_RulesDirectlyBaseline()
    {
        foreach (var rules in _rules)
        {
            _userPlane.Establish(rules);
        }

        return _userPlane.SessionCount;
    }
}
