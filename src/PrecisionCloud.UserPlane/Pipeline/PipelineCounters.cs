namespace PrecisionCloud.UserPlane.Pipeline;

/// <summary>
/// One pipeline's counters: plain fields written only by the pipeline's own worker and read (possibly a little
/// stale) by metrics collection, so counting costs no atomic instruction per packet.
/// </summary>
internal sealed class PipelineCounters
{
    private readonly long[] _counters = new long[(int)CounterId.Count];
    private readonly long[] _drops = new long[256];

    public void Add(CounterId counter, long value) => _counters[(int)counter] += value;

    public void Drop(DropReason reason) => _drops[(int)reason]++;

    public long Read(CounterId counter) => Volatile.Read(ref _counters[(int)counter]);

    public long ReadDrops(DropReason reason) => Volatile.Read(ref _drops[(int)reason]);
}
