using System.Net;
using PrecisionCloud.UserPlane.Pfcp.Node;

namespace PrecisionCloud.UserPlane.Pfcp.Benchmarks;

/// <summary>
/// The managed memory an installed session of the benchmark's shape holds (rules, compiled rules, meters, index
/// entries and the index capacity reserved for them, the PFCP session record), measured as the heap's growth from
/// before the user plane is created to after N sessions are established over PFCP, after full collections. Not a BenchmarkDotNet benchmark: it measures footprint, not time.
/// </summary>
internal static class MemoryPerSession
{
    public static void Measure(int sessions)
    {
        // From before the user plane exists: the indexes it sizes for the expected sessions are part of what they cost.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var userPlane = new UserPlane(new UserPlaneOptions { N3Address = PrecisionCloud.UserPlane.Packets.InetAddress.Parse("10.100.0.2"), ExpectedSessions = sessions });
        var node = new PfcpNode(userPlane, new PfcpNodeOptions { ResponseCacheSize = 16 }, DateTimeOffset.UtcNow);
        var smf = new IPEndPoint(IPAddress.Loopback, 8805);
        node.Handle(SmfRequests.AssociationSetup(), smf);
        for (var i = 0; i < sessions; i++)
        {
            node.Handle(SmfRequests.Establishment(i), smf);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"{node.SessionCount} sessions: {(after - before) / (double)node.SessionCount:F0} bytes per session (heap {before / 1048576.0:F0} -> {after / 1048576.0:F0} MiB)");
        GC.KeepAlive(node);
    }
}
