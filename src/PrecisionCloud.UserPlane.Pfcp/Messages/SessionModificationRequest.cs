using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Sessions;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>
/// Session Modification Request (3GPP TS 29.244 §7.5.4): rules to remove, create and update, URRs to report now,
/// and the PFCPSMReq-Flags. The session is named by the SEID in the header.
/// </summary>
public sealed record SessionModificationRequest
{
    /// <summary>A new CP F-SEID for the session (the SMF moved it), when sent.</summary>
    public FSeid? CpFSeid { get; init; }

    /// <summary>Remove PDR.</summary>
    public IReadOnlyList<ushort> RemovePdrs { get; init; } = [];

    /// <summary>Remove FAR.</summary>
    public IReadOnlyList<uint> RemoveFars { get; init; } = [];

    /// <summary>Remove QER.</summary>
    public IReadOnlyList<uint> RemoveQers { get; init; } = [];

    /// <summary>Remove URR.</summary>
    public IReadOnlyList<uint> RemoveUrrs { get; init; } = [];

    /// <summary>Remove BAR.</summary>
    public IReadOnlyList<byte> RemoveBars { get; init; } = [];

    /// <summary>Create PDR.</summary>
    public IReadOnlyList<PdrRequest> CreatePdrs { get; init; } = [];

    /// <summary>Create FAR.</summary>
    public IReadOnlyList<ForwardingActionRule> CreateFars { get; init; } = [];

    /// <summary>Create QER.</summary>
    public IReadOnlyList<QosEnforcementRule> CreateQers { get; init; } = [];

    /// <summary>Create URR.</summary>
    public IReadOnlyList<UsageReportingRule> CreateUrrs { get; init; } = [];

    /// <summary>Create BAR.</summary>
    public IReadOnlyList<BufferingActionRule> CreateBars { get; init; } = [];

    /// <summary>Update PDR.</summary>
    public IReadOnlyList<PdrUpdate> UpdatePdrs { get; init; } = [];

    /// <summary>Update FAR.</summary>
    public IReadOnlyList<FarUpdate> UpdateFars { get; init; } = [];

    /// <summary>Update QER.</summary>
    public IReadOnlyList<QerUpdate> UpdateQers { get; init; } = [];

    /// <summary>Update URR.</summary>
    public IReadOnlyList<UrrUpdate> UpdateUrrs { get; init; } = [];

    /// <summary>Update BAR (the whole BAR).</summary>
    public IReadOnlyList<BufferingActionRule> UpdateBars { get; init; } = [];

    /// <summary>Query URR: the URRs to report in the response.</summary>
    public IReadOnlyList<uint> QueryUrrs { get; init; } = [];

    /// <summary>PFCPSMReq-Flags.</summary>
    public SessionModificationIndications Flags { get; init; }

    /// <summary>Reads the message's IEs.</summary>
    /// <param name="ies">The IEs.</param>
    /// <param name="message">The message.</param>
    /// <param name="problem">Why it is rejected, when it is: the Cause and Offending IE of the response.</param>
    /// <returns>Whether the message was read.</returns>
    public static bool TryDecode(PfcpIeReader ies, out SessionModificationRequest? message, out PfcpIeProblem problem)
    {
        message = null;
        problem = default;
        FSeid? fseid = null;
        var flags = SessionModificationIndications.None;
        List<ushort> removePdrs = [];
        List<uint> removeFars = [], removeQers = [], removeUrrs = [], queries = [];
        List<byte> removeBars = [];
        List<PdrRequest> createPdrs = [];
        List<ForwardingActionRule> createFars = [];
        List<QosEnforcementRule> createQers = [];
        List<UsageReportingRule> createUrrs = [];
        List<BufferingActionRule> createBars = [], updateBars = [];
        List<PdrUpdate> updatePdrs = [];
        List<FarUpdate> updateFars = [];
        List<QerUpdate> updateQers = [];
        List<UrrUpdate> updateUrrs = [];
        while (ies.MoveNext())
        {
            var ie = ies.Current;
            bool ok;
            uint id;
            switch (ie.KnownType)
            {
                case PfcpIeType.FSeid:
                    ok = FSeid.TryRead(ie.Value, out var read);
                    fseid = read;
                    problem = ok ? problem : PfcpIeProblem.Incorrect(PfcpIeType.FSeid);
                    break;
                case PfcpIeType.RemovePdr:
                    ok = SessionRuleReader.TryReadRuleId(ie, PfcpIeType.PdrId, out id, out problem);
                    removePdrs.Add((ushort)id);
                    break;
                case PfcpIeType.RemoveFar:
                    ok = SessionRuleReader.TryReadRuleId(ie, PfcpIeType.FarId, out id, out problem);
                    removeFars.Add(id);
                    break;
                case PfcpIeType.RemoveQer:
                    ok = SessionRuleReader.TryReadRuleId(ie, PfcpIeType.QerId, out id, out problem);
                    removeQers.Add(id);
                    break;
                case PfcpIeType.RemoveUrr:
                    ok = SessionRuleReader.TryReadRuleId(ie, PfcpIeType.UrrId, out id, out problem);
                    removeUrrs.Add(id);
                    break;
                case PfcpIeType.RemoveBar:
                    ok = SessionRuleReader.TryReadRuleId(ie, PfcpIeType.BarId, out id, out problem);
                    removeBars.Add((byte)id);
                    break;
                case PfcpIeType.QueryUrr:
                    ok = SessionRuleReader.TryReadRuleId(ie, PfcpIeType.UrrId, out id, out problem);
                    queries.Add(id);
                    break;
                case PfcpIeType.CreatePdr:
                    ok = SessionRuleReader.TryReadCreatePdr(ie, out var pdr, out problem);
                    createPdrs.Add(pdr!);
                    break;
                case PfcpIeType.CreateFar:
                    ok = SessionRuleReader.TryReadCreateFar(ie, out var far, out problem);
                    createFars.Add(far!);
                    break;
                case PfcpIeType.CreateQer:
                    ok = SessionRuleReader.TryReadCreateQer(ie, out var qer, out problem);
                    createQers.Add(qer!);
                    break;
                case PfcpIeType.CreateUrr:
                    ok = SessionRuleReader.TryReadCreateUrr(ie, out var urr, out problem);
                    createUrrs.Add(urr!);
                    break;
                case PfcpIeType.CreateBar:
                    ok = SessionRuleReader.TryReadBar(ie, out var bar, out problem);
                    createBars.Add(bar!);
                    break;
                case PfcpIeType.UpdatePdr:
                    ok = SessionRuleReader.TryReadPdrFields(ie, out var pdrUpdate, out problem);
                    updatePdrs.Add(pdrUpdate!);
                    break;
                case PfcpIeType.UpdateFar:
                    ok = SessionRuleReader.TryReadFarFields(ie, update: true, out var farUpdate, out problem);
                    updateFars.Add(farUpdate!);
                    break;
                case PfcpIeType.UpdateQer:
                    ok = SessionRuleReader.TryReadQerFields(ie, out var qerUpdate, out problem);
                    updateQers.Add(qerUpdate!);
                    break;
                case PfcpIeType.UpdateUrr:
                    ok = SessionRuleReader.TryReadUrrFields(ie, out var urrUpdate, out problem);
                    updateUrrs.Add(urrUpdate!);
                    break;
                case PfcpIeType.UpdateBar:
                    ok = SessionRuleReader.TryReadBar(ie, out var barUpdate, out problem);
                    updateBars.Add(barUpdate!);
                    break;
                case PfcpIeType.PfcpsmReqFlags:
                    ok = ie.Value.Length >= 1;
                    flags = ok ? (SessionModificationIndications)(ie.Value[0] & 0x07) : flags;
                    problem = ok ? problem : PfcpIeProblem.InvalidLength(PfcpIeType.PfcpsmReqFlags);
                    break;
                default:
                    ok = true;
                    break;
            }

            if (!ok)
            {
                return false;
            }
        }

        if (ies.Status != PfcpDecodeStatus.Ok)
        {
            problem = PfcpIeProblem.InvalidLength((PfcpIeType)ies.TruncatedType);
            return false;
        }

        message = new SessionModificationRequest
        {
            CpFSeid = fseid,
            RemovePdrs = removePdrs,
            RemoveFars = removeFars,
            RemoveQers = removeQers,
            RemoveUrrs = removeUrrs,
            RemoveBars = removeBars,
            CreatePdrs = createPdrs,
            CreateFars = createFars,
            CreateQers = createQers,
            CreateUrrs = createUrrs,
            CreateBars = createBars,
            UpdatePdrs = updatePdrs,
            UpdateFars = updateFars,
            UpdateQers = updateQers,
            UpdateUrrs = updateUrrs,
            UpdateBars = updateBars,
            QueryUrrs = queries,
            Flags = flags,
        };
        return true;
    }

    /// <summary>Writes the message, as an SMF sends it.</summary>
    /// <param name="buffer">Where to.</param>
    /// <param name="seid">The user plane's SEID of the session, for the header.</param>
    /// <param name="sequenceNumber">Its sequence number.</param>
    /// <returns>Its length, or -1 when the buffer is too small.</returns>
    public int Encode(Span<byte> buffer, ulong seid, uint sequenceNumber)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.SessionModificationRequest, sequenceNumber, seid);
        CpFSeid?.Write(ref writer);
        SessionRuleWriter.WriteRuleIds(ref writer, PfcpIeType.RemovePdr, PfcpIeType.PdrId, RemovePdrs);
        SessionRuleWriter.WriteRuleIds(ref writer, PfcpIeType.RemoveFar, PfcpIeType.FarId, RemoveFars);
        SessionRuleWriter.WriteRuleIds(ref writer, PfcpIeType.RemoveUrr, PfcpIeType.UrrId, RemoveUrrs);
        SessionRuleWriter.WriteRuleIds(ref writer, PfcpIeType.RemoveQer, PfcpIeType.QerId, RemoveQers);
        SessionRuleWriter.WriteRuleIds(ref writer, PfcpIeType.RemoveBar, PfcpIeType.BarId, RemoveBars);
        SessionRuleWriter.WriteCreates(ref writer, CreatePdrs, CreateFars, CreateUrrs, CreateQers, CreateBars);
        foreach (var pdr in UpdatePdrs)
        {
            SessionRuleWriter.WritePdr(ref writer, PfcpIeType.UpdatePdr, pdr);
        }

        foreach (var far in UpdateFars)
        {
            SessionRuleWriter.WriteFar(ref writer, PfcpIeType.UpdateFar, far);
        }

        foreach (var urr in UpdateUrrs)
        {
            SessionRuleWriter.WriteUrr(ref writer, PfcpIeType.UpdateUrr, urr);
        }

        foreach (var qer in UpdateQers)
        {
            SessionRuleWriter.WriteQer(ref writer, PfcpIeType.UpdateQer, qer);
        }

        foreach (var bar in UpdateBars)
        {
            SessionRuleWriter.WriteBar(ref writer, PfcpIeType.UpdateBar, bar);
        }

        if (Flags != SessionModificationIndications.None)
        {
            writer.WriteIe(PfcpIeType.PfcpsmReqFlags, (byte)Flags);
        }

        SessionRuleWriter.WriteRuleIds(ref writer, PfcpIeType.QueryUrr, PfcpIeType.UrrId, QueryUrrs);

        return writer.EndMessage();
    }
}
