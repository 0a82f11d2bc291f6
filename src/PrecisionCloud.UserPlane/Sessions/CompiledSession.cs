using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>One version of a session's rules, immutable: what a packet sees from start to end of its processing.</summary>
internal sealed class CompiledSession
{
    // The usual single uplink TEID's PDRs sit in fields; only further TEIDs take an array (a million sessions).
    private readonly uint _firstUplinkTeid;
    private readonly CompiledPdr[]? _firstUplink;
    private readonly (uint Teid, CompiledPdr[] Pdrs)[]? _moreUplink;

    public CompiledSession(ulong seid, EncodedRules rules, ReadOnlySpan<(uint Teid, CompiledPdr[] Pdrs)> uplink, CompiledPdr[] downlink, uint? ueIPv4, ulong? ueIPv6Prefix,
        UrrState[] urrs, QerState[] qers, BufferedPackets? buffer)
    {
        Seid = seid;
        Rules = rules;
        if (!uplink.IsEmpty)
        {
            (_firstUplinkTeid, _firstUplink) = uplink[0];
            _moreUplink = uplink.Length > 1 ? uplink[1..].ToArray() : null;
        }

        UplinkGroupCount = uplink.Length;
        Downlink = downlink;
        UeIPv4 = ueIPv4;
        UeIPv6Prefix = ueIPv6Prefix;
        Urrs = urrs;
        Qers = qers;
        Buffer = buffer;
        foreach (var (_, pdrs) in uplink)
        {
            foreach (var pdr in pdrs)
            {
                pdr.Session = this;
            }
        }

        foreach (var pdr in downlink)
        {
            pdr.Session = this;
        }
    }

    public ulong Seid { get; }

    /// <summary>The rules this was compiled from, kept compactly (<see cref="EncodedRules.Decode"/> rebuilds the records).</summary>
    public EncodedRules Rules { get; }

    /// <summary>The rules this was compiled from, as records.</summary>
    public SessionRules DecodeRules() => Rules.Decode(Seid);

    /// <summary>How many local TEIDs have uplink PDRs.</summary>
    public int UplinkGroupCount { get; }

    /// <summary>Downlink PDRs by precedence.</summary>
    public CompiledPdr[] Downlink { get; }

    public uint? UeIPv4 { get; }

    public ulong? UeIPv6Prefix { get; }

    /// <summary>The URRs' measurements (a few per session: an array is smaller than a dictionary).</summary>
    public UrrState[] Urrs { get; }

    public QerState[] Qers { get; }

    public BufferedPackets? Buffer { get; }

    public UrrState? Urr(uint id) => Array.Find(Urrs, u => u.Id == id);

    public QerState? Qer(uint id) => Array.Find(Qers, q => q.Id == id);

    /// <summary>The FARs the PDRs use (a FAR several PDRs share comes once per PDR).</summary>
    public IEnumerable<CompiledFar> Fars()
    {
        for (var group = 0; group < UplinkGroupCount; group++)
        {
            foreach (var pdr in UplinkGroup(group).Pdrs)
            {
                yield return pdr.Far;
            }
        }

        foreach (var pdr in Downlink)
        {
            yield return pdr.Far;
        }
    }

    /// <summary>The uplink PDRs of one local TEID (by precedence), for <paramref name="group"/> below <see cref="UplinkGroupCount"/>.</summary>
    public (uint Teid, CompiledPdr[] Pdrs) UplinkGroup(int group) => group == 0 ? (_firstUplinkTeid, _firstUplink!) : _moreUplink![group - 1];

    public CompiledPdr[]? UplinkFor(uint teid)
    {
        for (var group = 0; group < UplinkGroupCount; group++)
        {
            var (id, pdrs) = UplinkGroup(group);
            if (id == teid)
            {
                return pdrs;
            }
        }

        return null;
    }
}
