using System.Diagnostics;
using PrecisionCloud.UserPlane.Rules;
using PrecisionCloud.UserPlane.Usage;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>
/// A URR's measurement. The fast path only adds to monotonic per-direction totals (each direction has one writing
/// worker, so plain adds are exact); reports take the difference from the totals at the previous report, so a
/// report never loses a byte counted while it was being made.
/// </summary>
internal sealed class UrrState
{
    private ulong _uplinkBytes, _downlinkBytes, _uplinkPackets, _downlinkPackets;
    private long _firstPacketTicks, _lastPacketTicks;
    private ulong _reportedUplinkBytes, _reportedDownlinkBytes, _reportedUplinkPackets, _reportedDownlinkPackets;
    private long _periodStartTicks;
    private long _reportedActiveTicks;
    private uint _sequence;
    private int _pendingTriggers;
    private bool _quotaExhausted;

    /// <summary>What the rule asks for (its thresholds, quotas and triggers).</summary>
    private UrrLimits _limits;

    public UrrState(ulong seid, UsageReportingRule rule, long nowTicks)
    {
        Seid = seid;
        _limits = new UrrLimits(rule);
        _periodStartTicks = nowTicks;
        Recompute();
    }

    public ulong Seid { get; }

    public uint Id => _limits.Id;

    /// <summary>Volume (since the previous report) at which the fast path must look at thresholds again.</summary>
    public ulong NextCheckBytes { get; private set; }

    public bool QuotaExhausted => Volatile.Read(ref _quotaExhausted);

    public long PeriodStartTicks => Volatile.Read(ref _periodStartTicks);

    public UsageReportTriggers PendingTriggers => (UsageReportTriggers)Volatile.Read(ref _pendingTriggers);

    /// <summary>Takes a rule change: the measurement carries on under the new rule.</summary>
    public void Update(UsageReportingRule rule)
    {
        _limits = new UrrLimits(rule);
        Recompute();
    }

    /// <summary>
    /// Counts a packet. Returns <see langword="false"/> when a quota is used up (the packet must be dropped), and
    /// sets <paramref name="raised"/> to the triggers this packet newly raised.
    /// </summary>
    public bool Count(bool uplink, int bytes, long nowTicks, out UsageReportTriggers raised)
    {
        raised = UsageReportTriggers.None;
        if (_quotaExhausted)
        {
            return false;
        }

        if (uplink)
        {
            _uplinkBytes += (ulong)bytes;
            _uplinkPackets++;
        }
        else
        {
            _downlinkBytes += (ulong)bytes;
            _downlinkPackets++;
        }

        if (_firstPacketTicks == 0)
        {
            _firstPacketTicks = nowTicks;
            if ((_limits.ReportingTriggers & ReportingTriggers.StartOfTraffic) != 0)
            {
                raised |= Raise(UsageReportTriggers.StartOfTraffic);
            }
        }

        _lastPacketTicks = nowTicks;
        if (_uplinkBytes + _downlinkBytes - _reportedUplinkBytes - _reportedDownlinkBytes >= NextCheckBytes)
        {
            raised |= CheckVolumes();
        }

        return true;
    }

    /// <summary>The triggers due at <paramref name="nowTicks"/> from time (period, time threshold and quota, inactivity).</summary>
    public UsageReportTriggers TimeTriggers(long nowTicks)
    {
        var due = UsageReportTriggers.None;
        var triggers = _limits.ReportingTriggers;
        if ((triggers & ReportingTriggers.PeriodicReporting) != 0 && _limits.MeasurementPeriod is { } period
            && Stopwatch.GetElapsedTime(_periodStartTicks, nowTicks) >= period)
        {
            due |= UsageReportTriggers.PeriodicReporting;
        }

        var active = ActiveTicks(nowTicks) - _reportedActiveTicks;
        if ((triggers & ReportingTriggers.TimeThreshold) != 0 && _limits.TimeThreshold is { } threshold && TimeSpan.FromSeconds(active / (double)Stopwatch.Frequency) >= threshold)
        {
            due |= UsageReportTriggers.TimeThreshold;
        }

        if (_limits.TimeQuota is { } quota && TimeSpan.FromSeconds(ActiveTicks(nowTicks) / (double)Stopwatch.Frequency) >= quota)
        {
            Volatile.Write(ref _quotaExhausted, true);
            if ((triggers & ReportingTriggers.TimeQuota) != 0)
            {
                due |= UsageReportTriggers.TimeQuota;
            }
        }

        if ((triggers & ReportingTriggers.StopOfTraffic) != 0 && _limits.InactivityDetectionTime is { } idle && _lastPacketTicks != 0
            && Stopwatch.GetElapsedTime(Volatile.Read(ref _lastPacketTicks), nowTicks) >= idle && _lastPacketTicks > _periodStartTicks)
        {
            due |= UsageReportTriggers.StopOfTraffic;
        }

        return due | PendingTriggers;
    }

    /// <summary>Makes a report of everything since the previous one and starts a new period.</summary>
    public UsageReport Report(UsageReportTriggers trigger, long nowTicks, TimeProvider time)
    {
        var (uplinkBytes, downlinkBytes) = (Volatile.Read(ref _uplinkBytes), Volatile.Read(ref _downlinkBytes));
        var (uplinkPackets, downlinkPackets) = (Volatile.Read(ref _uplinkPackets), Volatile.Read(ref _downlinkPackets));
        var active = ActiveTicks(nowTicks);
        var now = time.GetUtcNow();
        var report = new UsageReport
        {
            Seid = Seid,
            UrrId = _limits.Id,
            Sequence = _sequence++,
            Trigger = trigger,
            StartTime = now - Stopwatch.GetElapsedTime(_periodStartTicks, nowTicks),
            EndTime = now,
            UplinkBytes = uplinkBytes - _reportedUplinkBytes,
            DownlinkBytes = downlinkBytes - _reportedDownlinkBytes,
            UplinkPackets = uplinkPackets - _reportedUplinkPackets,
            DownlinkPackets = downlinkPackets - _reportedDownlinkPackets,
            Duration = TimeSpan.FromSeconds((active - _reportedActiveTicks) / (double)Stopwatch.Frequency),
        };
        (_reportedUplinkBytes, _reportedDownlinkBytes, _reportedUplinkPackets, _reportedDownlinkPackets) = (uplinkBytes, downlinkBytes, uplinkPackets, downlinkPackets);
        _reportedActiveTicks = active;
        Volatile.Write(ref _periodStartTicks, nowTicks);
        Interlocked.And(ref _pendingTriggers, (int)(UsageReportTriggers.VolumeQuota | UsageReportTriggers.TimeQuota) & ~(int)trigger);
        Recompute();
        return report;
    }

    /// <summary>Time with traffic: from the first packet, less idle gaps longer than the inactivity detection time.</summary>
    private long ActiveTicks(long nowTicks)
    {
        var first = Volatile.Read(ref _firstPacketTicks);
        if (first == 0)
        {
            return 0;
        }

        var last = Volatile.Read(ref _lastPacketTicks);
        var end = _limits.InactivityDetectionTime is { } idle && nowTicks - last > (long)(idle.TotalSeconds * Stopwatch.Frequency) ? last : nowTicks;
        return Math.Max(0, end - first);
    }

    private UsageReportTriggers CheckVolumes()
    {
        var raised = UsageReportTriggers.None;
        var sinceReportUp = _uplinkBytes - _reportedUplinkBytes;
        var sinceReportDown = _downlinkBytes - _reportedDownlinkBytes;
        if ((_limits.ReportingTriggers & ReportingTriggers.VolumeThreshold) != 0 && _limits.VolumeThreshold.IsReached(sinceReportUp, sinceReportDown))
        {
            raised |= Raise(UsageReportTriggers.VolumeThreshold);
        }

        if (_limits.VolumeQuota.IsReached(_uplinkBytes, _downlinkBytes))
        {
            Volatile.Write(ref _quotaExhausted, true);
            raised |= Raise(UsageReportTriggers.VolumeQuota);
        }

        // A raised threshold waits for its report; the quota is still watched.
        Recompute(includeThreshold: (PendingTriggers & UsageReportTriggers.VolumeThreshold) == 0);
        return raised;
    }

    private UsageReportTriggers Raise(UsageReportTriggers trigger)
    {
        var before = (UsageReportTriggers)Interlocked.Or(ref _pendingTriggers, (int)trigger);
        return (before & trigger) == 0 ? trigger : UsageReportTriggers.None;
    }

    private void Recompute(bool includeThreshold = true)
    {
        // The smallest volume (since the previous report) at which a threshold or quota could be reached.
        ulong next = ulong.MaxValue;
        if (includeThreshold && _limits.VolumeThreshold.IsSet)
        {
            next = Math.Min(next, _limits.VolumeThreshold.Smallest);
        }

        if (_limits.VolumeQuota is { IsSet: true } quota)
        {
            var used = _uplinkBytes + _downlinkBytes - _reportedUplinkBytes - _reportedDownlinkBytes;
            var total = _uplinkBytes + _downlinkBytes;
            var limit = quota.Smallest;
            next = Math.Min(next, limit > total ? limit - total + used : 0);
        }

        NextCheckBytes = next;
    }
}
