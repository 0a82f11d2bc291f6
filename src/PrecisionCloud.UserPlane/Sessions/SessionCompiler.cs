using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>
/// Turns a validated <see cref="SessionRules"/> into the immutable form the fast path reads. Sessions are
/// established by the ten thousand per second, so this works with arrays and linear lookups over the few rules a
/// session has, and shares what PDRs have in common (a FAR's prebuilt tunnel headers).
/// </summary>
internal static class SessionCompiler
{
    /// <summary>A PDR's QERs and URRs while its compiled form is built (read there, not kept), reused per thread.</summary>
    [ThreadStatic]
    private static QerState[]? _pdrQers;

    [ThreadStatic]
    private static UrrState[]? _pdrUrrs;

    [ThreadStatic]
    private static (uint Teid, CompiledPdr[] Pdrs)[]? _uplinkGroups;

    public static CompiledSession Compile(SessionRules rules, CompiledSession? previous, UserPlaneOptions options, Func<string?, int> n6PortOf, ClassifierCache classifiers, long nowTicks)
    {
        var urrs = new UrrState[rules.Urrs.Count];
        for (var i = 0; i < urrs.Length; i++)
        {
            var urr = rules.Urrs[i];
            var kept = previous?.Urr(urr.Id);
            kept?.Update(urr);
            urrs[i] = kept ?? new UrrState(rules.Seid, urr, nowTicks);
        }

        var qers = new QerState[rules.Qers.Count];
        for (var i = 0; i < qers.Length; i++)
        {
            var qer = rules.Qers[i];
            qers[i] = new QerState(qer, previous?.Qer(qer.Id), options.PolicingBurst, nowTicks);
        }

        var fars = new CompiledFar[rules.Fars.Count];
        var buffers = false;
        for (var i = 0; i < fars.Length; i++)
        {
            fars[i] = new CompiledFar(rules.Fars[i], n6PortOf);
            buffers |= fars[i].Egress == EgressKind.Buffer;
        }

        var uplinkCount = 0;
        var pdrs = new CompiledPdr[rules.Pdrs.Count];
        Span<uint> localTeids = pdrs.Length <= 64 ? stackalloc uint[pdrs.Length] : new uint[pdrs.Length];
        Span<int> order = pdrs.Length <= 64 ? stackalloc int[pdrs.Length] : new int[pdrs.Length];
        PrecedenceOrder(rules.Pdrs, order);
        List<(CompiledFar Far, QerState? Marking, Pipeline.TunnelTemplate Template)>? templates = null;
        for (var index = 0; index < order.Length; index++)
        {
            var pdr = rules.Pdrs[order[index]];
            var far = Find(fars, static f => f.Id, pdr.FarId)!;
            var pdrQers = Scratch(ref _pdrQers, pdr.QerIds.Count);
            for (var q = 0; q < pdrQers.Length; q++)
            {
                pdrQers[q] = Find(qers, static q => q.Id, pdr.QerIds[q])!;
            }

            var pdrUrrs = Scratch(ref _pdrUrrs, pdr.UrrIds.Count);
            for (var u = 0; u < pdrUrrs.Length; u++)
            {
                pdrUrrs[u] = Find(urrs, static u => u.Id, pdr.UrrIds[u])!;
            }

            pdrs[index] = new CompiledPdr(pdr, classifiers.For(pdr), far, pdrQers, pdrUrrs) { Tunnel = TemplateFor(pdr, far, pdrQers, options, ref templates) };
            localTeids[index] = pdr.Pdi.LocalTeid ?? 0;
            uplinkCount += pdr.Pdi.SourceInterface == SourceInterface.Access ? 1 : 0;
            pdrQers.Clear();
            pdrUrrs.Clear();
        }

        var downlink = new CompiledPdr[pdrs.Length - uplinkCount];
        var d = 0;
        for (var i = 0; i < pdrs.Length; i++)
        {
            if (!pdrs[i].IsUplink)
            {
                downlink[d++] = pdrs[i];
            }
        }

        BufferedPackets? buffer = null;
        if (buffers || previous?.Buffer is { Count: > 0 })
        {
            int? suggested = null;
            for (var i = 0; i < rules.Bars.Count; i++)
            {
                suggested ??= rules.Bars[i].SuggestedBufferingPacketsCount is > 0 and var count ? count : null;
            }

            buffer = previous?.Buffer ?? new BufferedPackets(suggested ?? options.BufferedPacketsPerSession, options.SlotSize);
        }

        var (ueIPv4, ueIPv6) = UeAddresses(rules.Pdrs);
        var groups = Scratch(ref _uplinkGroups, uplinkCount);
        var uplink = groups[..UplinkByTeid(pdrs, localTeids, groups)];
        var compiled = new CompiledSession(rules.Seid, EncodedRules.Encode(rules), uplink, downlink, ueIPv4, ueIPv6, urrs, qers, buffer);
        groups.Clear();
        return compiled;
    }

    /// <summary>
    /// The uplink PDRs grouped by local TEID (in precedence order within each) into <paramref name="groups"/>; the
    /// number of groups. Built without intermediate lists.
    /// </summary>
    private static int UplinkByTeid(CompiledPdr[] pdrs, ReadOnlySpan<uint> localTeids, Span<(uint Teid, CompiledPdr[] Pdrs)> groups)
    {
        var count = 0;
        for (var i = 0; i < pdrs.Length; i++)
        {
            if (pdrs[i].IsUplink && !Contains(groups[..count], localTeids[i]))
            {
                groups[count++] = (localTeids[i], null!);
            }
        }

        for (var g = 0; g < count; g++)
        {
            var teid = groups[g].Teid;
            var size = 0;
            for (var i = 0; i < pdrs.Length; i++)
            {
                size += pdrs[i].IsUplink && localTeids[i] == teid ? 1 : 0;
            }

            var group = new CompiledPdr[size];
            size = 0;
            for (var i = 0; i < pdrs.Length; i++)
            {
                if (pdrs[i].IsUplink && localTeids[i] == teid)
                {
                    group[size++] = pdrs[i];
                }
            }

            groups[g] = (teid, group);
        }

        return count;
    }

    private static bool Contains(ReadOnlySpan<(uint Teid, CompiledPdr[] Pdrs)> groups, uint teid)
    {
        foreach (var group in groups)
        {
            if (group.Teid == teid)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first <paramref name="count"/> slots of a per-thread scratch array, grown when too small.</summary>
    private static Span<T> Scratch<T>(ref T[]? scratch, int count)
    {
        if (scratch is null || scratch.Length < count)
        {
            scratch = new T[Math.Max(count, 8)];
        }

        return scratch.AsSpan(0, count);
    }

    /// <summary>The PDRs' indexes by precedence (stable: equal precedences keep their order).</summary>
    private static void PrecedenceOrder(IReadOnlyList<PacketDetectionRule> pdrs, Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Insertion sort: stable, and a session has a handful of PDRs.
        for (var i = 1; i < order.Length; i++)
        {
            var current = order[i];
            var j = i - 1;
            while (j >= 0 && pdrs[order[j]].Precedence > pdrs[current].Precedence)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = current;
        }
    }

    private static (uint? IPv4, ulong? IPv6Prefix) UeAddresses(IReadOnlyList<PacketDetectionRule> pdrs)
    {
        uint? ipv4 = null;
        ulong? ipv6 = null;
        for (var i = 0; i < pdrs.Count; i++)
        {
            var pdr = pdrs[i];
            ipv4 ??= pdr.Pdi.UeIPv4Address?.IPv4;
            ipv6 ??= pdr.Pdi.UeIPv6Address is { } v6 ? (ulong)(v6.Value >> 64) : null;
        }

        return (ipv4, ipv6);
    }

    private static T? Find<T>(T[] items, Func<T, uint> id, uint wanted)
        where T : class
    {
        foreach (var item in items)
        {
            if (id(item) == wanted)
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>
    /// Downlink packets of a PDR whose FAR tunnels over IPv4 all get the same outer headers (the QFI comes from the
    /// QERs), so they are built once, and shared by the session's PDRs with the same FAR and marking QER. Uplink
    /// packets keep their own QFI, so they are encapsulated per packet.
    /// </summary>
    private static Pipeline.TunnelTemplate? TemplateFor(PacketDetectionRule pdr, CompiledFar far, ReadOnlySpan<QerState> qers, UserPlaneOptions options,
        ref List<(CompiledFar Far, QerState? Marking, Pipeline.TunnelTemplate Template)>? built)
    {
        if (far.Egress != EgressKind.Tunnel || far.PeerAddress.IsIPv6 || pdr.Pdi.SourceInterface == SourceInterface.Access)
        {
            return null;
        }

        QerState? marking = null;
        foreach (var qer in qers)
        {
            if (qer.Qfi >= 0)
            {
                marking = qer;
                break;
            }
        }

        foreach (var (builtFar, builtMarking, template) in built ?? [])
        {
            if (ReferenceEquals(builtFar, far) && ReferenceEquals(builtMarking, marking))
            {
                return template;
            }
        }

        Gtp.PduSessionContainer? container = marking is null ? null : new Gtp.PduSessionContainer(Gtp.PduSessionInformationType.Downlink, (byte)marking.Qfi, marking.Rqi);
        var fresh = new Pipeline.TunnelTemplate(options.N3Address, options.GtpUPort, far.PeerAddress, far.PeerPort, far.PeerTeid, container, far.Dscp);
        (built ??= new(2)).Add((far, marking, fresh));
        return fresh;
    }
}
