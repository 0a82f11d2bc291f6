using System.Globalization;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.Tests.Rules;

/// <summary>
/// A session's rules as one canonical text with every field, so that two rule sets built apart (installed and read
/// back, say) compare by content: the records' own equality compares their lists by reference.
/// </summary>
public static class RulesDescription
{
    public static string Of(SessionRules rules) => string.Join(
        "\n",
        [
            $"seid {rules.Seid}",
            .. rules.Pdrs.Select(Of),
            .. rules.Fars.Select(f => $"far {f.Id} {f.ApplyAction} bar={f.BarId} fwd=[{Of(f.Forwarding)}] dup=[{Of(f.Duplicating)}]"),
            .. rules.Qers.Select(q => q.ToString()),
            .. rules.Urrs.Select(u => u.ToString()),
            .. rules.Bars.Select(b => b.ToString()),
        ]);

    private static string Of(PacketDetectionRule pdr)
    {
        var pdi = pdr.Pdi;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"pdr {pdr.Id} prec={pdr.Precedence} far={pdr.FarId} ohr={pdr.OuterHeaderRemoval} qers={string.Join(",", pdr.QerIds)} urrs={string.Join(",", pdr.UrrIds)} "
            + $"src={pdi.SourceInterface} teid={pdi.LocalTeid} local={pdi.LocalAddress} ni={pdi.NetworkInstance} ue4={pdi.UeIPv4Address} ue6={pdi.UeIPv6Address}/{pdi.UeIPv6PrefixLength} "
            + $"qfi={pdi.Qfi} app={pdi.ApplicationId} sdf=[{string.Join(" | ", pdi.SdfFilters)}]");
    }

    private static string Of(ForwardingParameters? forwarding) =>
        forwarding is null ? "-" : $"{forwarding.DestinationInterface} ni={forwarding.NetworkInstance} ohc={forwarding.OuterHeaderCreation} tlm={forwarding.TransportLevelMarking}";
}
