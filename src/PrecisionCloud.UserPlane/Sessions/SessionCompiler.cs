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
            if (previous?.Urrs.GetValueOrDefault(urr.Id) is { } kept)
            {
                kept.Update(urr);
                urrs[urr.Id] = kept;
            }
            else
            {
                urrs[urr.Id] = new UrrState(rules.Seid, urr, nowTicks);
            }
        }

        var qers = rules.Qers.ToDictionary(q => q.Id, q => new QerState(q, previous?.Qers.GetValueOrDefault(q.Id), options.PolicingBurst, nowTicks));
        var fars = rules.Fars.ToDictionary(f => f.Id, f => new CompiledFar(f, n6PortOf));

        var ueIPv4 = rules.Pdrs.Select(p => p.Pdi.UeIPv4Address).FirstOrDefault(a => a is not null);
        var ueIPv6 = rules.Pdrs.Select(p => p.Pdi.UeIPv6Address).FirstOrDefault(a => a is not null);

        var compiled = rules.Pdrs
            .OrderBy(p => p.Precedence)
            .Select(p => new CompiledPdr(p, classifiers.For(p), fars[p.FarId], [.. p.QerIds.Select(id => qers[id])], [.. p.UrrIds.Select(id => urrs[id])]))
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

        return new CompiledSession(rules, uplink, downlink, ueIPv4?.IPv4, ueIPv6 is { } v6 ? (ulong)(v6.Value >> 64) : null, urrs, qers, buffer);
    }
}
