using System.Collections.Concurrent;
using PrecisionCloud.UserPlane.Pipeline;

namespace PrecisionCloud.UserPlane.Ports;

/// <summary>An N6 port in memory, for tests, benchmarks and embedding: packets are queued in and collected out.</summary>
/// <param name="networkInstance">The network instance it serves.</param>
public sealed class InMemoryN6Port(string networkInstance) : IN6Port
{
    private readonly BlockingCollection<byte[]> _toUserPlane = [];
    private readonly ConcurrentQueue<byte[]> _fromUserPlane = new();

    /// <inheritdoc />
    public string NetworkInstance { get; } = networkInstance;

    /// <summary>Packets the user plane sent out of this port, oldest first.</summary>
    public IProducerConsumerCollection<byte[]> Sent => _fromUserPlane;

    /// <summary>Queues a packet from the data network toward the user plane.</summary>
    /// <param name="packet">The IP packet.</param>
    public void Inject(byte[] packet) => _toUserPlane.Add(packet);

    /// <inheritdoc />
    public int Receive(PacketBatch batch, int timeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Clear();
        if (!_toUserPlane.TryTake(out var first, timeoutMilliseconds))
        {
            return 0;
        }

        batch.Add(first);
        while (batch.Count < batch.Capacity && _toUserPlane.TryTake(out var next))
        {
            batch.Add(next);
        }

        return batch.Count;
    }

    /// <inheritdoc />
    public bool Send(ReadOnlySpan<byte> packet)
    {
        _fromUserPlane.Enqueue(packet.ToArray());
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _toUserPlane.Dispose();
}
