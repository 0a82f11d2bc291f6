namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>
/// A token bucket policing one direction of a QER's maximum bit rate. Tokens are bytes; they refill at the rate
/// per <see cref="System.Diagnostics.Stopwatch"/> tick up to the burst size. Owned by the worker that handles the
/// session's packets of that direction, so it needs no synchronization.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double _bytesPerTick;
    private readonly double _burstBytes;
    private double _tokens;
    private long _lastTicks;

    public TokenBucket(ulong kilobitsPerSecond, TimeSpan burst, long nowTicks)
    {
        RateKbps = kilobitsPerSecond;
        var bytesPerSecond = kilobitsPerSecond * 1000.0 / 8;
        _bytesPerTick = bytesPerSecond / System.Diagnostics.Stopwatch.Frequency;
        _burstBytes = Math.Max(bytesPerSecond * burst.TotalSeconds, 1600);
        _tokens = _burstBytes;
        _lastTicks = nowTicks;
    }

    public ulong RateKbps { get; }

    public bool TryConsume(int bytes, long nowTicks)
    {
        var elapsed = nowTicks - _lastTicks;
        if (elapsed > 0)
        {
            _tokens = Math.Min(_burstBytes, _tokens + (elapsed * _bytesPerTick));
            _lastTicks = nowTicks;
        }

        if (_tokens < bytes)
        {
            return false;
        }

        _tokens -= bytes;
        return true;
    }
}
