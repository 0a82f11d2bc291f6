using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Pfcp.Simulation;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Benchmarks;

/// <summary>
/// The requests of the SMF simulator (4 PDRs, two uplink on a shared CHOOSE F-TEID with one SDF filter, two
/// downlink; 2 FARs, 1 QER, 1 URR; each session its own UE address and CP SEID), encoded; and the same rules as the
/// user plane's records with the TEIDs already chosen, for the baseline that installs them directly.
/// </summary>
internal static class SmfRequests
{
    public static readonly InetAddress Smf = InetAddress.Parse("127.0.0.1");
    private static readonly NodeId SmfNode = NodeId.FromAddress(Smf);
    private static readonly InetAddress FirstUe = InetAddress.Parse("10.0.0.2");
    private static readonly InetAddress Gnb = InetAddress.Parse("10.200.0.2");
    private static readonly InetAddress N3 = InetAddress.Parse("10.100.0.2");

    public static byte[] AssociationSetup()
    {
        var buffer = new byte[128];
        return buffer[..new AssociationSetupRequest(SmfNode, 1).Encode(buffer, 1)];
    }

    public static byte[] Establishment(int session)
    {
        var buffer = new byte[1024];
        return buffer[..Request(session).Encode(buffer, (uint)(session & 0xF_FFFF) + 2)];
    }

    /// <summary>The rules the request above becomes, with TEIDs already chosen (the baseline installs these directly).</summary>
    public static SessionRules Rules(int session)
    {
        var request = Request(session);
        var teid = 0x0001_0000u + (uint)session;
        return new SessionRules
        {
            Seid = (ulong)session + 1,
            Pdrs = [.. request.Pdrs.Select(p => p.LocalFTeid is { Choose: true } ? p.Rule with { Pdi = p.Rule.Pdi with { LocalTeid = teid, LocalAddress = N3 } } : p.Rule)],
            Fars = request.Fars,
            Qers = request.Qers,
            Urrs = request.Urrs,
        };
    }

    private static SessionEstablishmentRequest Request(int session) => SmfSimulator.SessionRequest(session, SmfNode, Smf, FirstUe, Gnb, "internet");
}
