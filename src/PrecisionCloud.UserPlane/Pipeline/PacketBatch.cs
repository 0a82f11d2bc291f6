using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Pipeline;

/// <summary>
/// A batch of packets in one buffer: fixed-size slots, each with headroom before the packet so encapsulation can
/// prepend outer headers in place. Owned by one worker and reused for every batch, so the fast path allocates
/// nothing per packet. Ports fill it, the pipeline decides, ports send it.
/// </summary>
public sealed class PacketBatch
{
    /// <summary>
    /// The default slot: 2,048 bytes of packet plus 128 of headroom. The stride is deliberately not a power of two,
    /// so the headers of consecutive packets fall in different L1 cache sets instead of evicting each other.
    /// </summary>
    public const int DefaultSlotSize = 2176;

    private readonly byte[] _buffer;
    private readonly PacketDescriptor[] _packets;

    /// <summary>Creates a batch.</summary>
    /// <param name="capacity">Packets per batch (32-256 suit the pipeline).</param>
    /// <param name="slotSize">Bytes per slot, headroom included.</param>
    /// <param name="headroom">Bytes kept free before each received packet.</param>
    public PacketBatch(int capacity = 64, int slotSize = DefaultSlotSize, int headroom = 128)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slotSize, headroom + 64);
        ArgumentOutOfRangeException.ThrowIfNegative(headroom);
        Capacity = capacity;
        SlotSize = slotSize;
        Headroom = headroom;
        _buffer = new byte[capacity * slotSize];
        _packets = new PacketDescriptor[capacity];
    }

    /// <summary>The most packets the batch holds.</summary>
    public int Capacity { get; }

    /// <summary>Bytes per slot.</summary>
    public int SlotSize { get; }

    /// <summary>Bytes kept before each received packet.</summary>
    public int Headroom { get; }

    /// <summary>Packets in the batch.</summary>
    public int Count { get; private set; }

    /// <summary>The whole buffer (slot i starts at i * <see cref="SlotSize"/>).</summary>
    public byte[] Buffer => _buffer;

    /// <summary>The descriptors of the packets in the batch.</summary>
    public Span<PacketDescriptor> Packets => _packets.AsSpan(0, Count);

    /// <summary>The descriptor of packet <paramref name="index"/>.</summary>
    /// <param name="index">The packet's index.</param>
    /// <returns>A reference to the descriptor.</returns>
    public ref PacketDescriptor this[int index] => ref _packets[index];

    /// <summary>The bytes of packet <paramref name="index"/> as its descriptor places them.</summary>
    /// <param name="index">The packet's index.</param>
    /// <returns>The packet.</returns>
    public Span<byte> PacketBytes(int index) => _buffer.AsSpan(_packets[index].Offset, _packets[index].Length);

    /// <summary>The space a port writes a received packet into, for the next packet (after the headroom).</summary>
    /// <returns>The receive area of the next slot; empty when the batch is full.</returns>
    public Span<byte> NextReceiveArea() => Count == Capacity ? default : _buffer.AsSpan((Count * SlotSize) + Headroom, SlotSize - Headroom);

    /// <summary>Commits a packet a port wrote into <see cref="NextReceiveArea"/>.</summary>
    /// <param name="length">Its length.</param>
    /// <param name="source">Who sent it.</param>
    /// <param name="sourcePort">From which UDP port (0 for N6).</param>
    /// <returns>The packet's index.</returns>
    public int Commit(int length, InetAddress source = default, ushort sourcePort = 0)
    {
        if (Count == Capacity || length < 0 || length > SlotSize - Headroom)
        {
            throw new InvalidOperationException("The batch is full or the length does not fit a slot.");
        }

        _packets[Count] = new PacketDescriptor
        {
            Offset = (Count * SlotSize) + Headroom,
            Length = length,
            RemoteAddress = source,
            RemotePort = sourcePort,
            EgressPort = -1,
        };
        return Count++;
    }

    /// <summary>Copies a packet in (tests, in-memory ports); returns its index.</summary>
    /// <param name="packet">The packet.</param>
    /// <param name="source">Who sent it.</param>
    /// <param name="sourcePort">From which UDP port.</param>
    /// <returns>The packet's index.</returns>
    public int Add(ReadOnlySpan<byte> packet, InetAddress source = default, ushort sourcePort = 0)
    {
        if (!packet.TryCopyTo(NextReceiveArea()))
        {
            throw new InvalidOperationException("The batch is full or the packet does not fit a slot.");
        }

        return Commit(packet.Length, source, sourcePort);
    }

    /// <summary>Empties the batch for reuse.</summary>
    public void Clear() => Count = 0;

    /// <summary>Rewinds every packet to what it was on receipt, so the same batch can be processed again (benchmarks).</summary>
    /// <param name="lengths">The received lengths, by index.</param>
    public void Rewind(ReadOnlySpan<int> lengths)
    {
        for (var i = 0; i < Count; i++)
        {
            ref var packet = ref _packets[i];
            packet.Offset = (i * SlotSize) + Headroom;
            packet.Length = lengths[i];
            packet.Verdict = PacketVerdict.Pending;
            packet.DropReason = DropReason.None;
            packet.EgressPort = -1;
        }
    }

    /// <summary>Adds a slot for a copy of packet <paramref name="index"/> (duplication); returns its index or -1 when full.</summary>
    internal int Duplicate(int index)
    {
        if (Count == Capacity)
        {
            return -1;
        }

        var copy = Count++;
        var original = _packets[index];
        var offset = (copy * SlotSize) + Headroom;
        _buffer.AsSpan(original.Offset, original.Length).CopyTo(_buffer.AsSpan(offset));
        _packets[copy] = original with { Offset = offset };
        return copy;
    }
}
