namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>
/// A token bucket policing one direction of a QER's maximum bit rate, in integer arithmetic: a token is one byte
/// times <see cref="System.Diagnostics.Stopwatch.Frequency"/>, so the bucket refills by exactly the rate in bytes per
/// second for every elapsed tick, and a packet costs its length times the frequency. Owned by the worker that
/// handles the session's packets of that direction, so it needs no synchronization. A mutable value kept inside
/// its <see cref="QerState"/> (a million sessions would otherwise hold two more objects each): use it by reference.
/// </summary>
internal struct TokenBucket
{
    private static readonly long TicksPerSecond = System.Diagnostics.Stopwatch.Frequency;
    private readonly long _bytesPerSecond;
    private readonly long _capacity;
    private readonly long _ticksToFill;
    private long _tokens;
    private long _lastTicks;

    public TokenBucket(ulong kilobitsPerSecond, TimeSpan burst, long nowTicks)
    {
        // Rates beyond what a long can scale are clamped; at those rates the burst allowance is gigabytes anyway.
        var largestBurstBytes = long.MaxValue / 2 / TicksPerSecond;
        _bytesPerSecond = (long)Math.Min(kilobitsPerSecond * 125.0, largestBurstBytes);
        var burstBytes = (long)Math.Clamp(_bytesPerSecond * burst.TotalSeconds, 1600, largestBurstBytes);
        _capacity = burstBytes * TicksPerSecond;
        _ticksToFill = (_capacity / _bytesPerSecond) + 1;
        _tokens = _capacity;
        _lastTicks = nowTicks;
    }

    /// <summary>The rate as set, in kbit/s (derived, so that a million buckets do not each keep it twice).</summary>
    public readonly ulong RateKbps => (ulong)(_bytesPerSecond / 125);

    public bool TryConsume(int bytes, long nowTicks)
    {
        var elapsed = nowTicks - _lastTicks;
        if (elapsed > 0)
        {
            _tokens = Math.Min(_capacity, _tokens + (Math.Min(elapsed, _ticksToFill) * _bytesPerSecond));
            _lastTicks = nowTicks;
        }

        var cost = bytes * TicksPerSecond;
        if (_tokens < cost)
        {
            return false;
        }

        _tokens -= cost;
        return true;
    }
}
