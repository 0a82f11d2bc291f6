using System.Net;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Pfcp.Node;

/// <summary>
/// The last responses sent, by peer and sequence number, so a retransmitted request gets the same answer without a
/// second execution (3GPP TS 29.244 §6.4). A ring of slots whose buffers are allocated once and reused: cached
/// responses live for thousands of requests, and short-lived copies of them would otherwise be promoted and
/// collected in the older generations. Keys are values (no endpoint objects kept). Not thread-safe.
/// </summary>
internal sealed class ResponseCache
{
    private readonly Dictionary<(InetAddress Address, int Port, uint Sequence), int> _slots;
    private readonly (InetAddress Address, int Port, uint Sequence)[] _keys;
    private readonly byte[][] _buffers;
    private readonly int[] _lengths;
    private int _next;
    private int _count;

    public ResponseCache(int capacity)
    {
        _slots = new Dictionary<(InetAddress, int, uint), int>(capacity);
        _keys = new (InetAddress, int, uint)[capacity];
        _buffers = new byte[capacity][];
        _lengths = new int[capacity];
    }

    /// <summary>The response sent to this request before, as a fresh copy.</summary>
    public bool TryGet(IPEndPoint peer, uint sequence, out byte[] response)
    {
        if (_slots.TryGetValue(Key(peer, sequence), out var slot))
        {
            response = _buffers[slot].AsSpan(0, _lengths[slot]).ToArray();
            return true;
        }

        response = [];
        return false;
    }

    /// <summary>Keeps a response, in place of the oldest when the ring is full.</summary>
    public void Add(IPEndPoint peer, uint sequence, ReadOnlySpan<byte> response)
    {
        var key = Key(peer, sequence);
        if (_slots.ContainsKey(key))
        {
            return;
        }

        var slot = _next;
        _next = (_next + 1) % _keys.Length;
        if (_count == _keys.Length)
        {
            _slots.Remove(_keys[slot]);
        }
        else
        {
            _count++;
        }

        if (_buffers[slot] is not { } buffer || buffer.Length < response.Length)
        {
            buffer = _buffers[slot] = new byte[Math.Max(256, response.Length)];
        }

        response.CopyTo(buffer);
        _lengths[slot] = response.Length;
        _keys[slot] = key;
        _slots[key] = slot;
    }

    private static (InetAddress, int, uint) Key(IPEndPoint peer, uint sequence) => (InetAddress.From(peer.Address), peer.Port, sequence);
}
