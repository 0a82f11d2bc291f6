namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>
/// Downlink packets a BUFF FAR holds while the UE is idle, up to the BAR's count. Storage is taken once when the
/// session starts buffering, not per packet; packets beyond the limit are dropped and counted.
/// </summary>
internal sealed class BufferedPackets(int capacity, int slotSize)
{
    private readonly Lock _lock = new();
    private readonly byte[] _storage = new byte[capacity * slotSize];
    private readonly int[] _lengths = new int[capacity];
    private int _count;

    public int Capacity { get; } = capacity;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Keeps a copy; returns whether it was the first packet buffered, or -1 when full.</summary>
    public int TryAdd(ReadOnlySpan<byte> packet)
    {
        lock (_lock)
        {
            if (_count == Capacity || packet.Length > slotSize)
            {
                return -1;
            }

            packet.CopyTo(_storage.AsSpan(_count * slotSize));
            _lengths[_count] = packet.Length;
            return _count++ == 0 ? 1 : 0;
        }
    }

    /// <summary>Takes every buffered packet out, in arrival order.</summary>
    public List<byte[]> Drain()
    {
        lock (_lock)
        {
            var packets = new List<byte[]>(_count);
            for (var i = 0; i < _count; i++)
            {
                packets.Add(_storage.AsSpan(i * slotSize, _lengths[i]).ToArray());
            }

            _count = 0;
            return packets;
        }
    }
}
