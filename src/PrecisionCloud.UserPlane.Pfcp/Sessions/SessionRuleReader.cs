using System.Buffers.Binary;
using System.Text;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Sessions;

/// <summary>
/// Turns the grouped rule IEs of session messages (Create PDR, FAR, QER, URR, BAR; 3GPP TS 29.244 §7.5.2) into the
/// user plane's rule records. IEs come in any order; unknown ones are ignored; a missing mandatory IE or an
/// unreadable one is a <see cref="PfcpIeProblem"/> naming it.
/// </summary>
internal static class SessionRuleReader
{
    [ThreadStatic]
    private static List<FlowDescription>? _scratchFilters;

    public static bool TryReadCreatePdr(PfcpIe ie, out PdrRequest? request, out PfcpIeProblem problem)
    {
        request = null;
        if (!TryReadPdr(ie, out var fields, out problem))
        {
            return false;
        }

        problem = fields.Precedence is null ? PfcpIeProblem.Missing(PfcpIeType.Precedence)
            : fields.Pdi is null ? PfcpIeProblem.Missing(PfcpIeType.Pdi)
            : fields.FarId is null ? new PfcpIeProblem(PfcpCause.ConditionalIeMissing, PfcpIeType.FarId)
            : default;
        if (problem != default)
        {
            return false;
        }

        var rule = new PacketDetectionRule
        {
            Id = fields.Id,
            Precedence = fields.Precedence!.Value,
            Pdi = fields.Pdi!,
            OuterHeaderRemoval = fields.OuterHeaderRemoval,
            FarId = fields.FarId!.Value,
            QerIds = fields.QerIds ?? [],
            UrrIds = fields.UrrIds ?? [],
        };
        request = new PdrRequest(rule, fields.LocalFTeid);
        return true;
    }

    /// <summary>The IEs of an Update PDR; only the PDR ID is mandatory.</summary>
    public static bool TryReadPdrFields(PfcpIe ie, out PdrUpdate? update, out PfcpIeProblem problem)
    {
        update = null;
        if (!TryReadPdr(ie, out var fields, out problem))
        {
            return false;
        }

        update = new PdrUpdate(fields.Id)
        {
            Precedence = fields.Precedence,
            Pdi = fields.Pdi,
            LocalFTeid = fields.LocalFTeid,
            OuterHeaderRemoval = fields.OuterHeaderRemoval,
            FarId = fields.FarId,
            QerIds = fields.QerIds,
            UrrIds = fields.UrrIds,
        };
        return true;
    }

    /// <summary>The IEs of a Create or Update PDR, as values (a Create PDR needs no intermediate object); only the PDR ID is mandatory here.</summary>
    private static bool TryReadPdr(PfcpIe ie, out PdrFields fields, out PfcpIeProblem problem)
    {
        fields = default;
        problem = default;
        ushort? id = null;
        uint? precedence = null, farId = null;
        OuterHeaderRemoval? removal = null;
        RuleIdList qers = default, urrs = default;
        PacketDetectionInformation? pdi = null;
        FTeid? fteid = null;
        var reader = ie.Children();
        while (reader.MoveNext())
        {
            var child = reader.Current;
            var value = child.Value;
            switch (child.KnownType)
            {
                case PfcpIeType.PdrId:
                    id = value.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(value) : Fail(ref problem, PfcpIeType.PdrId, out id);
                    break;
                case PfcpIeType.Precedence:
                    precedence = value.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(value) : Fail(ref problem, PfcpIeType.Precedence, out precedence);
                    break;
                case PfcpIeType.FarId:
                    farId = value.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(value) : Fail(ref problem, PfcpIeType.FarId, out farId);
                    break;
                case PfcpIeType.QerId when value.Length >= 4:
                    qers.Add(BinaryPrimitives.ReadUInt32BigEndian(value));
                    break;
                case PfcpIeType.UrrId when value.Length >= 4:
                    urrs.Add(BinaryPrimitives.ReadUInt32BigEndian(value));
                    break;
                case PfcpIeType.OuterHeaderRemoval when value.Length >= 1:
                    removal = (OuterHeaderRemoval)value[0];
                    break;
                case PfcpIeType.Pdi:
                    if (!TryReadPdi(child, out pdi, out fteid, out var pdiProblem))
                    {
                        problem = pdiProblem;
                        return false;
                    }

                    break;
                default:
                    break;
            }
        }

        problem = problem != default ? problem
            : reader.Status != PfcpDecodeStatus.Ok ? PfcpIeProblem.InvalidLength((PfcpIeType)reader.TruncatedType)
            : id is null ? PfcpIeProblem.Missing(PfcpIeType.PdrId)
            : default;
        if (problem != default)
        {
            return false;
        }

        fields = new PdrFields(id!.Value, precedence, pdi, fteid, removal, farId, qers.ToListOrNull(), urrs.ToListOrNull());
        return true;
    }

    /// <summary>What a Create or Update PDR carried.</summary>
    private readonly record struct PdrFields(ushort Id, uint? Precedence, PacketDetectionInformation? Pdi, FTeid? LocalFTeid, OuterHeaderRemoval? OuterHeaderRemoval,
        uint? FarId, IReadOnlyList<uint>? QerIds, IReadOnlyList<uint>? UrrIds);

    public static bool TryReadPdi(PfcpIe ie, out PacketDetectionInformation? pdi, out FTeid? fteid, out PfcpIeProblem problem)
    {
        pdi = null;
        fteid = null;
        problem = default;
        SourceInterface? source = null;
        string? networkInstance = null, applicationId = null;
        UeIpAddress? ue = null;
        byte? qfi = null;
        List<FlowDescription>? filters = null;
        var reader = ie.Children();
        while (reader.MoveNext())
        {
            var child = reader.Current;
            var value = child.Value;
            switch (child.KnownType)
            {
                case PfcpIeType.SourceInterface:
                    source = value.Length >= 1 ? (SourceInterface)(value[0] & 0x0F) : Fail(ref problem, PfcpIeType.SourceInterface, out source);
                    break;
                case PfcpIeType.FTeid:
                    fteid = FTeid.TryRead(value, out var read) ? read : Fail(ref problem, PfcpIeType.FTeid, out fteid);
                    break;
                case PfcpIeType.NetworkInstance:
                    networkInstance = Interned.Name(value);
                    break;
                case PfcpIeType.UeIpAddress:
                    ue = UeIpAddress.TryRead(value, out var address) ? address : Fail(ref problem, PfcpIeType.UeIpAddress, out ue);
                    break;
                case PfcpIeType.SdfFilter:
                    if (!TryReadSdfFilter(value, ref filters))
                    {
                        problem = problem != default ? problem : PfcpIeProblem.Incorrect(PfcpIeType.SdfFilter);
                    }

                    break;
                case PfcpIeType.ApplicationId:
                    applicationId = Encoding.ASCII.GetString(value);
                    break;
                case PfcpIeType.Qfi when value.Length >= 1:
                    qfi = (byte)(value[0] & 0x3F);
                    break;
                default:
                    break;
            }
        }

        problem = problem != default ? problem
            : reader.Status != PfcpDecodeStatus.Ok ? PfcpIeProblem.InvalidLength((PfcpIeType)reader.TruncatedType)
            : source is null ? PfcpIeProblem.Missing(PfcpIeType.SourceInterface)
            : default;
        if (problem != default)
        {
            return false;
        }

        pdi = new PacketDetectionInformation
        {
            SourceInterface = source!.Value,
            LocalTeid = fteid is { Choose: false } local ? local.Teid : null,
            LocalAddress = fteid is { Choose: false } at ? at.IPv4 ?? at.IPv6 : null,
            NetworkInstance = networkInstance,
            UeIPv4Address = ue?.IPv4,
            UeIPv6Address = ue?.IPv6,
            UeIPv6PrefixLength = ue?.IPv6PrefixLength ?? 64,
            SdfFilters = Interned.Filters(filters),
            Qfi = qfi,
            ApplicationId = applicationId,
        };
        return true;
    }

    public static bool TryReadCreateFar(PfcpIe ie, out ForwardingActionRule? far, out PfcpIeProblem problem)
    {
        far = null;
        if (!TryReadFarFields(ie, update: false, out var fields, out problem))
        {
            return false;
        }

        var action = fields!.ApplyAction;
        problem = action is null ? PfcpIeProblem.Missing(PfcpIeType.ApplyAction)
            : (action.Value & ApplyAction.Forward) != 0 && fields.Forwarding is null ? new PfcpIeProblem(PfcpCause.ConditionalIeMissing, PfcpIeType.ForwardingParameters)
            : (action.Value & ApplyAction.Duplicate) != 0 && fields.Duplicating is null ? new PfcpIeProblem(PfcpCause.ConditionalIeMissing, PfcpIeType.DuplicatingParameters)
            : fields.Forwarding is { DestinationInterface: null } || fields.Duplicating is { DestinationInterface: null } ? PfcpIeProblem.Missing(PfcpIeType.DestinationInterface)
            : default;
        if (problem != default)
        {
            return false;
        }

        far = fields.ToRule();
        return true;
    }

    /// <summary>
    /// The IEs of a Create FAR (forwarding and duplicating parameters) or an Update FAR (their update forms);
    /// only the FAR ID is mandatory here.
    /// </summary>
    public static bool TryReadFarFields(PfcpIe ie, bool update, out FarUpdate? fields, out PfcpIeProblem problem)
    {
        fields = null;
        problem = default;
        uint? id = null;
        ApplyAction? action = null;
        ForwardingParametersUpdate? forwarding = null, duplicating = null;
        byte? barId = null;
        var (forwardingType, duplicatingType) = update
            ? (PfcpIeType.UpdateForwardingParameters, PfcpIeType.UpdateDuplicatingParameters)
            : (PfcpIeType.ForwardingParameters, PfcpIeType.DuplicatingParameters);
        var reader = ie.Children();
        while (reader.MoveNext())
        {
            var child = reader.Current;
            var value = child.Value;
            var type = child.KnownType;
            if (type == forwardingType || type == duplicatingType)
            {
                if (!TryReadForwardingFields(child, out var parameters, out var parametersProblem))
                {
                    problem = parametersProblem;
                    return false;
                }

                (forwarding, duplicating) = type == forwardingType ? (parameters, duplicating) : (forwarding, parameters);
                continue;
            }

            switch (type)
            {
                case PfcpIeType.FarId:
                    id = value.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(value) : Fail(ref problem, PfcpIeType.FarId, out id);
                    break;
                case PfcpIeType.ApplyAction:
                    // One octet (Rel-15) or two (Open5GS and later releases).
                    action = value.Length switch
                    {
                        0 => Fail(ref problem, PfcpIeType.ApplyAction, out action),
                        1 => (ApplyAction)value[0],
                        _ => (ApplyAction)(value[0] | (value[1] << 8)),
                    };
                    break;
                case PfcpIeType.BarId when value.Length >= 1:
                    barId = value[0];
                    break;
                default:
                    break;
            }
        }

        problem = problem != default ? problem
            : reader.Status != PfcpDecodeStatus.Ok ? PfcpIeProblem.InvalidLength((PfcpIeType)reader.TruncatedType)
            : id is null ? PfcpIeProblem.Missing(PfcpIeType.FarId)
            : default;
        if (problem != default)
        {
            return false;
        }

        fields = new FarUpdate(id!.Value) { ApplyAction = action, Forwarding = forwarding, Duplicating = duplicating, BarId = barId };
        return true;
    }

    /// <summary>
    /// Forwarding, Duplicating or their Update forms: every field optional here (the destination interface is
    /// mandatory in the create forms, checked by the caller); an update may carry PFCPSMReq-Flags with SNDEM.
    /// </summary>
    public static bool TryReadForwardingFields(PfcpIe ie, out ForwardingParametersUpdate? parameters, out PfcpIeProblem problem)
    {
        parameters = null;
        problem = default;
        DestinationInterface? destination = null;
        string? networkInstance = null;
        OuterHeaderCreation? creation = null;
        byte? marking = null;
        var endMarkers = false;
        var reader = ie.Children();
        while (reader.MoveNext())
        {
            var child = reader.Current;
            var value = child.Value;
            switch (child.KnownType)
            {
                case PfcpIeType.DestinationInterface:
                    destination = value.Length >= 1 ? (DestinationInterface)(value[0] & 0x0F) : Fail(ref problem, PfcpIeType.DestinationInterface, out destination);
                    break;
                case PfcpIeType.NetworkInstance:
                    networkInstance = Interned.Name(value);
                    break;
                case PfcpIeType.OuterHeaderCreation:
                    creation = TryReadOuterHeaderCreation(value, out var read) ? read : Fail(ref problem, PfcpIeType.OuterHeaderCreation, out creation);
                    break;
                case PfcpIeType.TransportLevelMarking when value.Length >= 2:
                    marking = (byte)(value[0] >> 2);
                    break;
                case PfcpIeType.PfcpsmReqFlags when value.Length >= 1:
                    endMarkers = (value[0] & (byte)SessionModificationIndications.SendEndMarkers) != 0;
                    break;
                default:
                    break;
            }
        }

        problem = problem != default ? problem
            : reader.Status != PfcpDecodeStatus.Ok ? PfcpIeProblem.InvalidLength((PfcpIeType)reader.TruncatedType)
            : default;
        if (problem != default)
        {
            return false;
        }

        parameters = new ForwardingParametersUpdate
        {
            DestinationInterface = destination,
            NetworkInstance = networkInstance,
            OuterHeaderCreation = creation,
            TransportLevelMarking = marking,
            SendEndMarkers = endMarkers,
        };
        return true;
    }

    public static bool TryReadCreateQer(PfcpIe ie, out QosEnforcementRule? qer, out PfcpIeProblem problem)
    {
        qer = null;
        if (!TryReadQerFields(ie, out var fields, out problem))
        {
            return false;
        }

        if (fields!.UplinkGateOpen is null)
        {
            problem = PfcpIeProblem.Missing(PfcpIeType.GateStatus);
            return false;
        }

        qer = fields.ToRule();
        return true;
    }

    /// <summary>The IEs of a Create or Update QER; only the QER ID is mandatory here.</summary>
    public static bool TryReadQerFields(PfcpIe ie, out QerUpdate? fields, out PfcpIeProblem problem)
    {
        fields = null;
        problem = default;
        uint? id = null;
        byte? gates = null, qfi = null;
        (ulong Up, ulong Down)? mbr = null, gbr = null;
        bool? rqi = null;
        var reader = ie.Children();
        while (reader.MoveNext())
        {
            var child = reader.Current;
            var value = child.Value;
            switch (child.KnownType)
            {
                case PfcpIeType.QerId:
                    id = value.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(value) : Fail(ref problem, PfcpIeType.QerId, out id);
                    break;
                case PfcpIeType.GateStatus:
                    gates = value.Length >= 1 ? value[0] : Fail(ref problem, PfcpIeType.GateStatus, out gates);
                    break;
                case PfcpIeType.Mbr:
                    mbr = value.Length >= 10 ? BitRates(value) : Fail(ref problem, PfcpIeType.Mbr, out mbr);
                    break;
                case PfcpIeType.Gbr:
                    gbr = value.Length >= 10 ? BitRates(value) : Fail(ref problem, PfcpIeType.Gbr, out gbr);
                    break;
                case PfcpIeType.Qfi when value.Length >= 1:
                    qfi = (byte)(value[0] & 0x3F);
                    break;
                case PfcpIeType.Rqi when value.Length >= 1:
                    rqi = (value[0] & 0x01) != 0;
                    break;
                default:
                    break;
            }
        }

        problem = problem != default ? problem
            : reader.Status != PfcpDecodeStatus.Ok ? PfcpIeProblem.InvalidLength((PfcpIeType)reader.TruncatedType)
            : id is null ? PfcpIeProblem.Missing(PfcpIeType.QerId)
            : default;
        if (problem != default)
        {
            return false;
        }

        fields = new QerUpdate(id!.Value)
        {
            UplinkGateOpen = gates is { } ul ? (ul >> 2 & 0x03) == 0 : null,
            DownlinkGateOpen = gates is { } dl ? (dl & 0x03) == 0 : null,
            Mbr = mbr,
            Gbr = gbr,
            Qfi = qfi,
            Rqi = rqi,
        };
        return true;
    }

    public static bool TryReadCreateUrr(PfcpIe ie, out UsageReportingRule? urr, out PfcpIeProblem problem)
    {
        urr = null;
        if (!TryReadUrrFields(ie, out var fields, out problem))
        {
            return false;
        }

        problem = fields!.MeasurementMethod is null ? PfcpIeProblem.Missing(PfcpIeType.MeasurementMethod)
            : fields.ReportingTriggers is null ? PfcpIeProblem.Missing(PfcpIeType.ReportingTriggers)
            : default;
        if (problem != default)
        {
            return false;
        }

        urr = fields.ToRule();
        return true;
    }

    /// <summary>
    /// The IEs of a Create or Update URR; only the URR ID is mandatory here, and periodic reporting needs its
    /// Measurement Period in the same IE.
    /// </summary>
    public static bool TryReadUrrFields(PfcpIe ie, out UrrUpdate? fields, out PfcpIeProblem problem)
    {
        fields = null;
        problem = default;
        uint? id = null;
        MeasurementMethod? method = null;
        ReportingTriggers? triggers = null;
        TimeSpan? period = null, timeThreshold = null, timeQuota = null, inactivity = null;
        VolumeLimit? volumeThreshold = null, volumeQuota = null;
        var reader = ie.Children();
        while (reader.MoveNext())
        {
            var child = reader.Current;
            var value = child.Value;
            switch (child.KnownType)
            {
                case PfcpIeType.UrrId:
                    id = value.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(value) : Fail(ref problem, PfcpIeType.UrrId, out id);
                    break;
                case PfcpIeType.MeasurementMethod:
                    method = value.Length >= 1 ? (MeasurementMethod)(value[0] & 0x07) : Fail(ref problem, PfcpIeType.MeasurementMethod, out method);
                    break;
                case PfcpIeType.ReportingTriggers:
                    triggers = value.Length >= 2 ? (ReportingTriggers)(value[0] | (value[1] << 8)) : Fail(ref problem, PfcpIeType.ReportingTriggers, out triggers);
                    break;
                case PfcpIeType.MeasurementPeriod:
                    period = Seconds(value) ?? Fail(ref problem, PfcpIeType.MeasurementPeriod, out period);
                    break;
                case PfcpIeType.TimeThreshold:
                    timeThreshold = Seconds(value) ?? Fail(ref problem, PfcpIeType.TimeThreshold, out timeThreshold);
                    break;
                case PfcpIeType.TimeQuota:
                    timeQuota = Seconds(value) ?? Fail(ref problem, PfcpIeType.TimeQuota, out timeQuota);
                    break;
                case PfcpIeType.InactivityDetectionTime:
                    inactivity = Seconds(value) ?? Fail(ref problem, PfcpIeType.InactivityDetectionTime, out inactivity);
                    break;
                case PfcpIeType.VolumeThreshold:
                    volumeThreshold = TryReadVolume(value, out var threshold) ? threshold : Fail(ref problem, PfcpIeType.VolumeThreshold, out volumeThreshold);
                    break;
                case PfcpIeType.VolumeQuota:
                    volumeQuota = TryReadVolume(value, out var quota) ? quota : Fail(ref problem, PfcpIeType.VolumeQuota, out volumeQuota);
                    break;
                default:
                    break;
            }
        }

        problem = problem != default ? problem
            : reader.Status != PfcpDecodeStatus.Ok ? PfcpIeProblem.InvalidLength((PfcpIeType)reader.TruncatedType)
            : id is null ? PfcpIeProblem.Missing(PfcpIeType.UrrId)
            : triggers is { } raised && (raised & ReportingTriggers.PeriodicReporting) != 0 && period is null ? new PfcpIeProblem(PfcpCause.ConditionalIeMissing, PfcpIeType.MeasurementPeriod)
            : default;
        if (problem != default)
        {
            return false;
        }

        fields = new UrrUpdate(id!.Value)
        {
            MeasurementMethod = method,
            ReportingTriggers = triggers,
            MeasurementPeriod = period,
            VolumeThreshold = volumeThreshold,
            VolumeQuota = volumeQuota,
            TimeThreshold = timeThreshold,
            TimeQuota = timeQuota,
            InactivityDetectionTime = inactivity,
        };
        return true;
    }

    /// <summary>A Create or Update BAR (§7.5.2.6, §7.5.4.11): the BAR ID and the suggested buffering packet count.</summary>
    public static bool TryReadBar(PfcpIe ie, out BufferingActionRule? bar, out PfcpIeProblem problem)
    {
        bar = null;
        problem = default;
        byte? id = null;
        ushort? packets = null;
        var reader = ie.Children();
        while (reader.MoveNext())
        {
            var child = reader.Current;
            var value = child.Value;
            switch (child.KnownType)
            {
                case PfcpIeType.BarId:
                    id = value.Length >= 1 ? value[0] : Fail(ref problem, PfcpIeType.BarId, out id);
                    break;
                case PfcpIeType.SuggestedBufferingPacketsCount when value.Length >= 1:
                    packets = value[0];
                    break;
                default:
                    break;
            }
        }

        problem = problem != default ? problem
            : reader.Status != PfcpDecodeStatus.Ok ? PfcpIeProblem.InvalidLength((PfcpIeType)reader.TruncatedType)
            : id is null ? PfcpIeProblem.Missing(PfcpIeType.BarId)
            : default;
        if (problem != default)
        {
            return false;
        }

        bar = new BufferingActionRule { Id = id!.Value, SuggestedBufferingPacketsCount = packets };
        return true;
    }

    /// <summary>
    /// The rule ID a Remove PDR/FAR/QER/URR/BAR or a Query URR carries (§7.5.4.6-10, §7.5.4.10): the one child of
    /// <paramref name="idType"/>, read in its width.
    /// </summary>
    public static bool TryReadRuleId(PfcpIe ie, PfcpIeType idType, out uint id, out PfcpIeProblem problem)
    {
        id = 0;
        problem = default;
        var width = idType switch { PfcpIeType.PdrId => 2, PfcpIeType.BarId => 1, _ => 4 };
        var reader = ie.Children();
        if (!reader.TryFind(idType, out var child))
        {
            problem = reader.Status != PfcpDecodeStatus.Ok ? PfcpIeProblem.InvalidLength((PfcpIeType)reader.TruncatedType) : PfcpIeProblem.Missing(idType);
            return false;
        }

        var value = child.Value;
        if (value.Length < width)
        {
            problem = PfcpIeProblem.InvalidLength(idType);
            return false;
        }

        id = width switch { 1 => value[0], 2 => BinaryPrimitives.ReadUInt16BigEndian(value), _ => BinaryPrimitives.ReadUInt32BigEndian(value) };
        return true;
    }

    /// <summary>Outer Header Creation (§8.2.56) toward a GTP-U peer; other descriptions (UDP, IP, VLAN tags) are not supported.</summary>
    public static bool TryReadOuterHeaderCreation(ReadOnlySpan<byte> value, out OuterHeaderCreation? creation)
    {
        creation = null;
        if (value.Length < 2)
        {
            return false;
        }

        var gtpV4 = (value[0] & 0x01) != 0;
        var gtpV6 = (value[0] & 0x02) != 0;
        if (!gtpV4 && !gtpV6 || value.Length < 6 + (gtpV4 ? 4 : 16))
        {
            return false;
        }

        var teid = BinaryPrimitives.ReadUInt32BigEndian(value[2..]);
        InetAddress.TryRead(value.Slice(6, gtpV4 ? 4 : 16), out var peer);
        creation = new OuterHeaderCreation(teid, peer);
        return true;
    }

    /// <summary>
    /// An SDF Filter (§8.2.5): its flow description, if it has one. A filter without one (only ToS, SPI, flow label or
    /// filter id) is accepted and adds nothing, as SMFs send such filters; a flow description that does not parse is
    /// refused.
    /// </summary>
    public static bool TryReadSdfFilter(ReadOnlySpan<byte> value, ref List<FlowDescription>? filters)
    {
        if (value.Length < 2)
        {
            return value.IsEmpty; // an empty filter is tolerated
        }

        if ((value[0] & 0x01) == 0)
        {
            return true;
        }

        if (value.Length < 4)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(value[2..]);
        if (value.Length < 4 + length)
        {
            return false;
        }

        var text = value.Slice(4, length).TrimEnd("\0 "u8);
        if (text.IsEmpty)
        {
            return true;
        }

        if (!Interned.TryFlow(text, out var description))
        {
            return false;
        }

        (filters ??= ScratchFilters()).Add(description);
        return true;
    }

    /// <summary>
    /// An empty list for one PDI's flow descriptions, reused per thread: <see cref="Interned.Filters"/> copies what it
    /// keeps, and PDIs are read one at a time.
    /// </summary>
    private static List<FlowDescription> ScratchFilters()
    {
        var list = _scratchFilters ??= new List<FlowDescription>(4);
        list.Clear();
        return list;
    }

    /// <summary>Volume Threshold / Quota (§8.2.13, §8.2.50): flags TOVOL, ULVOL, DLVOL, then an 8-octet value for each.</summary>
    public static bool TryReadVolume(ReadOnlySpan<byte> value, out VolumeLimit? volume)
    {
        volume = null;
        if (value.IsEmpty)
        {
            return false;
        }

        var flags = value[0];
        var at = 1;
        ulong? Next(int flag, ReadOnlySpan<byte> octets, ref int position)
        {
            if ((flags & flag) == 0)
            {
                return null;
            }

            if (octets.Length < position + 8)
            {
                position = -1;
                return null;
            }

            var read = BinaryPrimitives.ReadUInt64BigEndian(octets[position..]);
            position += 8;
            return read;
        }

        var total = Next(0x01, value, ref at);
        var uplink = at < 0 ? null : Next(0x02, value, ref at);
        var downlink = at < 0 ? null : Next(0x04, value, ref at);
        if (at < 0)
        {
            return false;
        }

        volume = new VolumeLimit(total, uplink, downlink);
        return true;
    }

    private static (ulong Up, ulong Down) BitRates(ReadOnlySpan<byte> value) => (Read40(value), Read40(value[5..]));

    private static ulong Read40(ReadOnlySpan<byte> value) => ((ulong)value[0] << 32) | BinaryPrimitives.ReadUInt32BigEndian(value[1..]);

    private static TimeSpan? Seconds(ReadOnlySpan<byte> value) => value.Length >= 4 ? TimeSpan.FromSeconds(BinaryPrimitives.ReadUInt32BigEndian(value)) : null;

    /// <summary>Records the first problem (an IE of the wrong length) and yields no value.</summary>
    private static T? Fail<T>(ref PfcpIeProblem problem, PfcpIeType type, out T? value)
    {
        if (problem == default)
        {
            problem = PfcpIeProblem.InvalidLength(type);
        }

        value = default;
        return default;
    }
}
