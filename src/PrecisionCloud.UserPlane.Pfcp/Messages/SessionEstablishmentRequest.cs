using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Sessions;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>
/// Session Establishment Request (3GPP TS 29.244 §7.5.2): the SMF's Node ID and F-SEID and the session's rules.
/// PDRs that ask the user plane to CHOOSE their F-TEID keep the request in <see cref="PdrRequest.LocalFTeid"/>.
/// </summary>
/// <param name="NodeId">The SMF.</param>
/// <param name="CpFSeid">The SMF's F-SEID: what the user plane puts in the header of what it sends for the session.</param>
public sealed record SessionEstablishmentRequest(NodeId NodeId, FSeid CpFSeid)
{
    /// <summary>Create PDR.</summary>
    public IReadOnlyList<PdrRequest> Pdrs { get; init; } = [];

    /// <summary>Create FAR.</summary>
    public IReadOnlyList<ForwardingActionRule> Fars { get; init; } = [];

    /// <summary>Create QER.</summary>
    public IReadOnlyList<QosEnforcementRule> Qers { get; init; } = [];

    /// <summary>Create URR.</summary>
    public IReadOnlyList<UsageReportingRule> Urrs { get; init; } = [];

    /// <summary>Create BAR.</summary>
    public IReadOnlyList<BufferingActionRule> Bars { get; init; } = [];

    /// <summary>The PDN type (1 IPv4, 2 IPv6, 3 IPv4v6, 4 non-IP, 5 Ethernet), when sent.</summary>
    public byte? PdnType { get; init; }

    /// <summary>The user's identities, when sent.</summary>
    public UserId? UserId { get; init; }

    /// <summary>The data network name, when sent.</summary>
    public string? Dnn { get; init; }

    /// <summary>The slice, when sent.</summary>
    public Snssai? Snssai { get; init; }

    /// <summary>Reads the message's IEs.</summary>
    /// <param name="ies">The IEs.</param>
    /// <param name="message">The message.</param>
    /// <param name="problem">Why it is rejected, when it is: the Cause and Offending IE of the response.</param>
    /// <returns>Whether the message was read.</returns>
    public static bool TryDecode(PfcpIeReader ies, out SessionEstablishmentRequest? message, out PfcpIeProblem problem)
    {
        message = null;
        problem = default;
        NodeId? nodeId = null;
        FSeid? fseid = null;
        byte? pdnType = null;
        // Lists made on first use and handed over as they are: the message is read once, and most have no BAR.
        List<PdrRequest>? pdrs = null;
        List<ForwardingActionRule>? fars = null;
        List<QosEnforcementRule>? qers = null;
        List<UsageReportingRule>? urrs = null;
        List<BufferingActionRule>? bars = null;
        UserId? userId = null;
        string? dnn = null;
        Snssai? snssai = null;
        while (ies.MoveNext())
        {
            var ie = ies.Current;
            var ok = true;
            switch (ie.KnownType)
            {
                case PfcpIeType.NodeId:
                    ok = NodeId.TryRead(ie.Value, out var node);
                    nodeId = node;
                    problem = ok ? problem : PfcpIeProblem.Incorrect(PfcpIeType.NodeId);
                    break;
                case PfcpIeType.FSeid:
                    ok = FSeid.TryRead(ie.Value, out var read);
                    fseid = read;
                    problem = ok ? problem : PfcpIeProblem.Incorrect(PfcpIeType.FSeid);
                    break;
                case PfcpIeType.CreatePdr:
                    ok = SessionRuleReader.TryReadCreatePdr(ie, out var pdr, out problem);
                    (pdrs ??= []).Add(pdr!);
                    break;
                case PfcpIeType.CreateFar:
                    ok = SessionRuleReader.TryReadCreateFar(ie, out var far, out problem);
                    (fars ??= []).Add(far!);
                    break;
                case PfcpIeType.CreateQer:
                    ok = SessionRuleReader.TryReadCreateQer(ie, out var qer, out problem);
                    (qers ??= []).Add(qer!);
                    break;
                case PfcpIeType.CreateUrr:
                    ok = SessionRuleReader.TryReadCreateUrr(ie, out var urr, out problem);
                    (urrs ??= []).Add(urr!);
                    break;
                case PfcpIeType.CreateBar:
                    ok = SessionRuleReader.TryReadBar(ie, out var bar, out problem);
                    (bars ??= []).Add(bar!);
                    break;
                case PfcpIeType.UserId:
                    ok = UserId.TryRead(ie.Value, out userId);
                    problem = ok ? problem : PfcpIeProblem.InvalidLength(PfcpIeType.UserId);
                    break;
                case PfcpIeType.Dnn:
                    dnn = Interned.Name(ie.Value);
                    break;
                case PfcpIeType.Snssai:
                    ok = InformationElements.Snssai.TryRead(ie.Value, out var slice);
                    snssai = ok ? slice : null;
                    problem = ok ? problem : PfcpIeProblem.InvalidLength(PfcpIeType.Snssai);
                    break;
                case PfcpIeType.PdnType when ie.Value.Length >= 1:
                    pdnType = (byte)(ie.Value[0] & 0x07);
                    break;
                default:
                    break;
            }

            if (!ok)
            {
                return false;
            }
        }

        problem = ies.Status != PfcpDecodeStatus.Ok ? PfcpIeProblem.InvalidLength((PfcpIeType)ies.TruncatedType)
            : nodeId is null ? PfcpIeProblem.Missing(PfcpIeType.NodeId)
            : fseid is null ? PfcpIeProblem.Missing(PfcpIeType.FSeid)
            : pdrs is null ? PfcpIeProblem.Missing(PfcpIeType.CreatePdr)
            : fars is null ? PfcpIeProblem.Missing(PfcpIeType.CreateFar)
            : default;
        if (problem != default)
        {
            return false;
        }

        message = new SessionEstablishmentRequest(nodeId!.Value, fseid!.Value)
        {
            Pdrs = pdrs!,
            Fars = fars!,
            Qers = qers is null ? [] : qers,
            Urrs = urrs is null ? [] : urrs,
            Bars = bars is null ? [] : bars,
            PdnType = pdnType,
            UserId = userId,
            Dnn = dnn,
            Snssai = snssai,
        };
        return true;
    }

    /// <summary>Writes the message, as an SMF sends it.</summary>
    /// <param name="buffer">Where to.</param>
    /// <param name="sequenceNumber">Its sequence number.</param>
    /// <returns>Its length, or -1 when the buffer is too small.</returns>
    public int Encode(Span<byte> buffer, uint sequenceNumber)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.SessionEstablishmentRequest, sequenceNumber, seid: 0);
        NodeId.Write(ref writer);
        CpFSeid.Write(ref writer);
        SessionRuleWriter.WriteCreates(ref writer, Pdrs, Fars, Urrs, Qers, Bars);
        if (PdnType is { } pdnType)
        {
            writer.WriteIe(PfcpIeType.PdnType, pdnType);
        }

        UserId?.Write(ref writer);
        if (Dnn is { } dnn)
        {
            var value = writer.ReserveIe(PfcpIeType.Dnn, DnsLabels.EncodedLength(dnn));
            if (!value.IsEmpty)
            {
                DnsLabels.Encode(dnn, value);
            }
        }

        Snssai?.Write(ref writer);
        return writer.EndMessage();
    }
}
