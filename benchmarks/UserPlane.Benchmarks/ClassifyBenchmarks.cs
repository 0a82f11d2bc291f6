using BenchmarkDotNet.Attributes;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Benchmarks;

/// <summary>
/// Steering/SDF classification: the first of N ordered rules (destination prefixes, a third TCP, a third UDP,
/// half with port ranges) that a packet matches, for packets that hit rules spread over the whole table.
/// The scalar rule-by-rule path is the baseline. Reported time is per packet.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ClassifyBenchmarks
{
    private const int PacketCount = 1024;
    private PacketClassifier _classifier = null!;
    private FiveTuple[] _packets = null!;

    /// <summary>Rules in the table.</summary>
    [Params(1_000, 10_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var filters = new PacketFilter[Rules];
        for (var i = 0; i < Rules; i++)
        {
            var destination = AddressMatch.Prefix(InetAddress.FromIPv4(0x0A00_0000u | ((uint)i << 8)), 24);
            byte? protocol = (i % 3) switch { 0 => 6, 1 => 17, _ => null };
            IReadOnlyList<PortRange> ports = i % 2 == 0 ? [new PortRange((ushort)(1000 + (i % 100)), (ushort)(2000 + (i % 100)))] : [];
            filters[i] = new PacketFilter(protocol, AddressMatch.Any, [], destination, ports);
        }

        _classifier = PacketClassifier.Build(filters);
        var random = new Random(29212);
        _packets = new FiveTuple[PacketCount];
        for (var i = 0; i < PacketCount; i++)
        {
            var rule = random.Next(Rules);
            _packets[i] = new FiveTuple(InetAddress.FromIPv4(0x0A2D_0002), InetAddress.FromIPv4(0x0A00_0000u | ((uint)rule << 8) | 5),
                rule % 3 == 0 ? (byte)6 : (byte)17, 40000, (ushort)(1500 + (rule % 100)));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = PacketCount)]
    public int Classify_Scalar() => Run(ClassifierPath.Scalar);

    [Benchmark(OperationsPerInvoke = PacketCount)]
    public int Classify_Words64() => Run(ClassifierPath.Words64);

    [Benchmark(OperationsPerInvoke = PacketCount)]
    public int Classify_Vector128() => Run(ClassifierPath.Vector128);

    [Benchmark(OperationsPerInvoke = PacketCount)]
    public int Classify_Vector256() => Run(ClassifierPath.Vector256);

    [Benchmark(OperationsPerInvoke = PacketCount)]
    public int Classify_Vector512() => Run(ClassifierPath.Vector512);

    private int Run(ClassifierPath path)
    {
        var sum = 0;
        foreach (ref readonly var packet in _packets.AsSpan())
        {
            sum += _classifier.Classify(packet, path);
        }

        return sum;
    }
}
