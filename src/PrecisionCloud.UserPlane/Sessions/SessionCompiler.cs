using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>
/// Turns a validated <see cref="SessionRules"/> into the immutable form the fast path reads. Sessions are
/// established by the ten thousand per second, so this works with arrays and linear lookups over the few rules a
/// session has, and shares what PDRs have in common (a FAR's prebuilt tunnel headers).
/// </summary>
internal static class SessionCompiler
{
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
        var localTeids = new uint[pdrs.Length];
        var templates = new List<(CompiledFar Far, QerState? Marking, Pipeline.TunnelTemplate Template)>();
        foreach (var (pdr, index) in ByPrecedence(rules.Pdrs))
        {
            var far = Find(fars, static f => f.Id, pdr.FarId)!;
            var pdrQers = new QerState[pdr.QerIds.Count];
            for (var q = 0; q < pdrQers.Length; q++)
            {
                pdrQers[q] = Find(qers, static q => q.Id, pdr.QerIds[q])!;
            }

            var pdrUrrs = new UrrState[pdr.UrrIds.Count];
            for (var u = 0; u < pdrUrrs.Length; u++)
            {
                pdrUrrs[u] = Find(urrs, static u => u.Id, pdr.UrrIds[u])!;
            }

            pdrs[index] = new CompiledPdr(pdr, classifiers.For(pdr), far, pdrQers, pdrUrrs) { Tunnel = TemplateFor(pdr, far, pdrQers, options, templates) };
            localTeids[index] = pdr.Pdi.LocalTeid ?? 0;
            uplinkCount += pdr.Pdi.SourceInterface == SourceInterface.Access ? 1 : 0;
        }

        var downlink = new CompiledPdr[pdrs.Length - uplinkCount];
        var uplink = new List<(uint Teid, List<CompiledPdr> Pdrs)>();
        var d = 0;
        for (var i = 0; i < pdrs.Length; i++)
        {
            var pdr = pdrs[i];
            if (!pdr.IsUplink)
            {
                downlink[d++] = pdr;
                continue;
            }

            var teid = localTeids[i];
            var group = uplink.FindIndex(g => g.Teid == teid);
            if (group < 0)
            {
                uplink.Add((teid, [pdr]));
            }
            else
            {
                uplink[group].Pdrs.Add(pdr);
            }
        }

        BufferedPackets? buffer = null;
        if (buffers || previous?.Buffer is { Count: > 0 })
        {
            int? suggested = null;
            foreach (var bar in rules.Bars)
            {
                suggested ??= bar.SuggestedBufferingPacketsCount is > 0 and var count ? count : null;
            }

            buffer = previous?.Buffer ?? new BufferedPackets(suggested ?? options.BufferedPacketsPerSession, options.SlotSize);
        }

        var (ueIPv4, ueIPv6) = UeAddresses(rules.Pdrs);
        return new CompiledSession(rules.Seid, EncodedRules.Encode(rules), [.. uplink.Select(g => (g.Teid, g.Pdrs.ToArray()))], downlink, ueIPv4, ueIPv6, urrs, qers, buffer);
    }

    /// <summary>The PDRs in precedence order (ties keep the order they came in), with their place in that order.</summary>
    private static IEnumerable<(PacketDetectionRule Pdr, int Index)> ByPrecedence(IReadOnlyList<PacketDetectionRule> pdrs)
    {
        var order = new int[pdrs.Count];
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

        for (var i = 0; i < order.Length; i++)
        {
            yield return (pdrs[order[i]], i);
        }
    }

    private static (uint? IPv4, ulong? IPv6Prefix) UeAddresses(IReadOnlyList<PacketDetectionRule> pdrs)
    {
        uint? ipv4 = null;
        ulong? ipv6 = null;
        foreach (var pdr in pdrs)
        {
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
    private static Pipeline.TunnelTemplate? TemplateFor(PacketDetectionRule pdr, CompiledFar far, QerState[] qers, UserPlaneOptions options,
        List<(CompiledFar Far, QerState? Marking, Pipeline.TunnelTemplate Template)> built)
    {
        if (far.Egress != EgressKind.Tunnel || far.PeerAddress.IsIPv6 || pdr.Pdi.SourceInterface == SourceInterface.Access)
        {
            return null;
        }

        var marking = Array.Find(qers, static q => q.Qfi >= 0);
        foreach (var (builtFar, builtMarking, template) in built)
        {
            if (ReferenceEquals(builtFar, far) && ReferenceEquals(builtMarking, marking))
            {
                return template;
            }
        }

        Gtp.PduSessionContainer? container = marking is null ? null : new Gtp.PduSessionContainer(Gtp.PduSessionInformationType.Downlink, (byte)marking.Qfi, marking.Rqi);
        var fresh = new Pipeline.TunnelTemplate(options.N3Address, options.GtpUPort, far.PeerAddress, far.PeerPort, far.PeerTeid, container, far.Dscp);
        built.Add((far, marking, fresh));
        return fresh;
    }
}
