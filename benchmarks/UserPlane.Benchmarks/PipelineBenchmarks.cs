using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using PrecisionCloud.UserPlane.Pipeline;

namespace PrecisionCloud.UserPlane.Benchmarks;

/// <summary>
/// Uplink (parse GTP-U with the PDU Session Container, TEID lookup, PDR with one SDF filter, QER, URR, decapsulate)
/// and downlink (UE address lookup, PDR, QER, URR, encapsulate with the PDU Session Container and the outer IPv4
/// checksum) on one core, batches of 64 packets of 64-byte inner IPv4/UDP, sessions picked at random so lookups
/// miss the cache as they would under real load. Reported time is per packet.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PipelineBenchmarks
{
    private const int BatchSize = 64;
    private UserPlane _userPlane = null!;
    private UserPlanePipeline _pipeline = null!;
    private PacketBatch _uplink = null!;
    private PacketBatch _downlink = null!;
    private int[] _uplinkLengths = null!;
    private int[] _downlinkLengths = null!;
    private NaiveUpf _naive = null!;
    private byte[][] _uplinkDatagrams = null!;
    private byte[][] _downlinkPackets = null!;

    /// <summary>Sessions installed: 10,000 and 1,000,000, or the comma-separated list in PRECISIONCLOUD_BENCH_SESSIONS.</summary>
    [ParamsSource(nameof(SessionCounts))]
    public int Sessions { get; set; }

    /// <summary>The session counts to run.</summary>
    public static IEnumerable<int> SessionCounts() =>
        Environment.GetEnvironmentVariable("PRECISIONCLOUD_BENCH_SESSIONS") is { Length: > 0 } list
            ? list.Split(',').Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture))
            : [10_000, 1_000_000];

    [GlobalSetup]
    public void Setup()
    {
        _userPlane = new UserPlane(new UserPlaneOptions { N3Address = Traffic.Upf, ExpectedSessions = Sessions });
        _pipeline = _userPlane.CreatePipeline();
        _naive = new NaiveUpf();
        for (var i = 0; i < Sessions; i++)
        {
            _userPlane.Establish(Traffic.Session(i));
            _naive.Add(i);
        }

        var random = new Random(38415);
        _uplink = new PacketBatch(BatchSize);
        _downlink = new PacketBatch(BatchSize);
        _uplinkDatagrams = new byte[BatchSize][];
        _downlinkPackets = new byte[BatchSize][];
        for (var i = 0; i < BatchSize; i++)
        {
            var session = random.Next(Sessions);
            _uplinkDatagrams[i] = Traffic.Gpdu(session);
            _downlinkPackets[i] = Traffic.Inner(session, uplink: false);
            _uplink.Add(_uplinkDatagrams[i], Traffic.Gnb, 2152);
            _downlink.Add(_downlinkPackets[i]);
        }

        _uplinkLengths = [.. _uplinkDatagrams.Select(d => d.Length)];
        _downlinkLengths = [.. _downlinkPackets.Select(d => d.Length)];
        Uplink();
        Downlink();
        if (_uplink[0].Verdict != PacketVerdict.ToN6 || _downlink[0].Verdict != PacketVerdict.ToTunnel)
        {
            throw new InvalidOperationException($"The pipeline does not forward: {_uplink[0].DropReason} / {_downlink[0].DropReason}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _userPlane.Dispose();

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public void Uplink()
    {
        _uplink.Rewind(_uplinkLengths);
        _pipeline.ProcessN3(_uplink, Stopwatch.GetTimestamp());
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public void Downlink()
    {
        _downlink.Rewind(_downlinkLengths);
        _pipeline.ProcessN6(_downlink, Stopwatch.GetTimestamp());
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int Uplink_NaiveBaseline()
    {
        var forwarded = 0;
        foreach (var datagram in _uplinkDatagrams)
        {
            forwarded += _naive.Uplink(datagram) is null ? 0 : 1;
        }

        return forwarded;
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int Downlink_NaiveBaseline()
    {
        var forwarded = 0;
        foreach (var packet in _downlinkPackets)
        {
            forwarded += _naive.Downlink(packet) is null ? 0 : 1;
        }

        return forwarded;
    }
}
