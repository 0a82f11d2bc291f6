namespace PrecisionCloud.UserPlane.Pfcp.Sessions;

/// <summary>
/// Local TEIDs the user plane hands out when an SMF asks it to CHOOSE (FTUP). TEIDs come from a configured range,
/// are never reused while a session holds them, and come back when the session is deleted. Thread-safe.
/// </summary>
internal sealed class TeidPool
{
    private readonly Lock _lock = new();
    private readonly HashSet<uint> _inUse = [];
    private readonly uint _first;
    private readonly uint _last;
    private uint _next;

    public TeidPool(uint first, uint last)
    {
        ArgumentOutOfRangeException.ThrowIfZero(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        (_first, _last, _next) = (first, last, first);
    }

    public int InUse
    {
        get
        {
            lock (_lock)
            {
                return _inUse.Count;
            }
        }
    }

    /// <summary>A free TEID, or null when the range is used up.</summary>
    public uint? Take()
    {
        lock (_lock)
        {
            var size = (ulong)_last - _first + 1;
            for (ulong tried = 0; tried < size; tried++)
            {
                var candidate = _next;
                _next = _next == _last ? _first : _next + 1;
                if (_inUse.Add(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    public void Return(uint teid)
    {
        lock (_lock)
        {
            _inUse.Remove(teid);
        }
    }
}
