using System.Diagnostics;

namespace PrecisionCloud.UserPlane.Pipeline;

/// <summary>At most N events per second, with a burst of N; owned by one worker.</summary>
internal sealed class RateLimiter(int perSecond)
{
    private readonly double _perTick = perSecond / (double)Stopwatch.Frequency;
    private double _tokens = perSecond;
    private long _last = Stopwatch.GetTimestamp();

    public bool TryTake(long nowTicks)
    {
        if (nowTicks > _last)
        {
            _tokens = Math.Min(perSecond, _tokens + ((nowTicks - _last) * _perTick));
            _last = nowTicks;
        }

        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }
}
