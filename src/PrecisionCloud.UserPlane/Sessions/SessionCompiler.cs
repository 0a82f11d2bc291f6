using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>Turns a validated <see cref="SessionRules"/> into the immutable form the fast path reads.</summary>
internal static class SessionCompiler
{
    public static CompiledSession Compile(SessionRules rules, CompiledSession? previous, UserPlaneOptions options, Func<string?, int> n6PortOf, ClassifierCache classifiers, long nowTicks)
    {
        var urrs = new Dictionary<uint, UrrState>();
        foreach (var urr in rules.Urrs)
        {
            if (previous?.Urr(urr.Id) is { } kept)
            {
                kept.Update(urr);
                urrs[urr.Id] = kept;
            }
            else
            {
                urrs[urr.Id] = new UrrState(rules.Seid, urr, nowTicks);
            }
        }

        var qers = rules.Qers.ToDictionary(q => q.Id, q => new QerState(q, previous?.Qer(q.Id), options.PolicingBurst, nowTicks));
        var fars = rules.Fars.ToDictionary(f => f.Id, f => new CompiledFar(f, n6PortOf));

        var ueIPv4 = rules.Pdrs.Select(p => p.Pdi.UeIPv4Address).FirstOrDefault(a => a is not null);
        var ueIPv6 = rules.Pdrs.Select(p => p.Pdi.UeIPv6Address).FirstOrDefault(a => a is not null);

        var compiled = rules.Pdrs
            .OrderBy(p => p.Precedence)
            .Select(p => new CompiledPdr(p, classifiers.For(p), fars[p.FarId], [.. p.QerIds.Select(id => qers[id])], [.. p.UrrIds.Select(id => urrs[id])])
            {
                Tunnel = TemplateFor(p, fars[p.FarId], p.QerIds.Select(id => qers[id]), options),
            })
            .ToList();
        var uplink = compiled.Where(p => p.Rule.Pdi.SourceInterface == SourceInterface.Access)
            .GroupBy(p => p.Rule.Pdi.LocalTeid!.Value)
            .Select(g => (g.Key, g.ToArray()))
            .ToArray();
        var downlink = compiled.Where(p => p.Rule.Pdi.SourceInterface != SourceInterface.Access).ToArray();

        BufferedPackets? buffer = null;
        if (fars.Values.Any(f => f.Egress == EgressKind.Buffer) || previous?.Buffer is { Count: > 0 })
        {
            var count = rules.Bars.Select(b => (int?)b.SuggestedBufferingPacketsCount).FirstOrDefault(c => c is > 0) ?? options.BufferedPacketsPerSession;
            buffer = previous?.Buffer ?? new BufferedPackets(count, options.SlotSize);
        }

        return new CompiledSession(rules, uplink, downlink, ueIPv4?.IPv4, ueIPv6 is { } v6 ? (ulong)(v6.Value >> 64) : null, [.. urrs.Values], [.. qers.Values], buffer);
    }

    /// <summary>
    /// Downlink packets of a PDR whose FAR tunnels over IPv4 all get the same outer headers (the QFI comes from the
    /// QERs), so they are built once. Uplink packets keep their own QFI, so they are encapsulated per packet.
    /// </summary>
    private static Pipeline.TunnelTemplate? TemplateFor(PacketDetectionRule pdr, CompiledFar far, IEnumerable<QerState> qers, UserPlaneOptions options)
    {
        if (far.Egress != EgressKind.Tunnel || far.PeerAddress.IsIPv6 || pdr.Pdi.SourceInterface == SourceInterface.Access)
        {
            return null;
        }

        var marking = qers.FirstOrDefault(q => q.Qfi >= 0);
        Gtp.PduSessionContainer? container = marking is null ? null : new Gtp.PduSessionContainer(Gtp.PduSessionInformationType.Downlink, (byte)marking.Qfi, marking.Rule.Rqi);
        return new Pipeline.TunnelTemplate(options.N3Address, options.GtpUPort, far.PeerAddress, far.PeerPort, far.PeerTeid, container, far.Dscp);
    }
}
