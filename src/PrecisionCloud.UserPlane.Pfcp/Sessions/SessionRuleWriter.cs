using System.Buffers.Binary;
using System.Text;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Sessions;

/// <summary>
/// Writes rules as the grouped IEs of session messages (what an SMF sends; §7.5.2, §7.5.4), the mirror of
/// <see cref="SessionRuleReader"/>. Create and Update forms share one writer per rule kind: a create is an update
/// that carries every field.
/// </summary>
internal static class SessionRuleWriter
{
    public static void WritePdr(ref PfcpWriter writer, PfcpIeType type, PdrUpdate pdr)
    {
        var group = writer.BeginGroup(type);
        writer.WriteIe(PfcpIeType.PdrId, pdr.Id);
        if (pdr.Precedence is { } precedence)
        {
            writer.WriteIe(PfcpIeType.Precedence, precedence);
        }

        if (pdr.Pdi is { } pdi)
        {
            WritePdi(ref writer, pdi, pdr.LocalFTeid);
        }

        if (pdr.OuterHeaderRemoval is { } removal)
        {
            writer.WriteIe(PfcpIeType.OuterHeaderRemoval, (byte)removal);
        }

        if (pdr.FarId is { } far)
        {
            writer.WriteIe(PfcpIeType.FarId, far);
        }

        foreach (var urr in pdr.UrrIds ?? [])
        {
            writer.WriteIe(PfcpIeType.UrrId, urr);
        }

        foreach (var qer in pdr.QerIds ?? [])
        {
            writer.WriteIe(PfcpIeType.QerId, qer);
        }

        writer.EndGroup(group);
    }

    public static PdrUpdate Fields(PacketDetectionRule rule, FTeid? localFTeid) => new(rule.Id)
    {
        Precedence = rule.Precedence,
        Pdi = rule.Pdi,
        LocalFTeid = localFTeid,
        OuterHeaderRemoval = rule.OuterHeaderRemoval,
        FarId = rule.FarId,
        QerIds = rule.QerIds,
        UrrIds = rule.UrrIds,
    };

    public static void WriteFar(ref PfcpWriter writer, PfcpIeType type, FarUpdate far)
    {
        var update = type == PfcpIeType.UpdateFar;
        var group = writer.BeginGroup(type);
        writer.WriteIe(PfcpIeType.FarId, far.Id);
        if (far.ApplyAction is { } action)
        {
            // One octet while the action fits in it (Rel-15 peers), two otherwise.
            if ((ushort)action > 0xFF)
            {
                writer.WriteIe(PfcpIeType.ApplyAction, [(byte)action, (byte)((ushort)action >> 8)]);
            }
            else
            {
                writer.WriteIe(PfcpIeType.ApplyAction, (byte)action);
            }
        }

        if (far.Forwarding is { } forwarding)
        {
            WriteForwarding(ref writer, update ? PfcpIeType.UpdateForwardingParameters : PfcpIeType.ForwardingParameters, forwarding);
        }

        if (far.Duplicating is { } duplicating)
        {
            WriteForwarding(ref writer, update ? PfcpIeType.UpdateDuplicatingParameters : PfcpIeType.DuplicatingParameters, duplicating);
        }

        if (far.BarId is { } bar)
        {
            writer.WriteIe(PfcpIeType.BarId, bar);
        }

        writer.EndGroup(group);
    }

    public static FarUpdate Fields(ForwardingActionRule rule) => new(rule.Id)
    {
        ApplyAction = rule.ApplyAction,
        Forwarding = rule.Forwarding is { } forwarding ? Fields(forwarding) : null,
        Duplicating = rule.Duplicating is { } duplicating ? Fields(duplicating) : null,
        BarId = rule.BarId,
    };

    public static void WriteQer(ref PfcpWriter writer, PfcpIeType type, QerUpdate qer)
    {
        var group = writer.BeginGroup(type);
        writer.WriteIe(PfcpIeType.QerId, qer.Id);
        if (qer.UplinkGateOpen is { } up)
        {
            // Gate Status (§8.2.7): UL gate in bits 3-4, DL gate in bits 1-2; 0 open, 1 closed.
            writer.WriteIe(PfcpIeType.GateStatus, (byte)((up ? 0 : 1) << 2 | (qer.DownlinkGateOpen ?? true ? 0 : 1)));
        }

        if (qer.Mbr is { } mbr)
        {
            WriteBitRates(ref writer, PfcpIeType.Mbr, mbr);
        }

        if (qer.Gbr is { } gbr)
        {
            WriteBitRates(ref writer, PfcpIeType.Gbr, gbr);
        }

        if (qer.Qfi is { } qfi)
        {
            writer.WriteIe(PfcpIeType.Qfi, qfi);
        }

        if (qer.Rqi is { } rqi)
        {
            writer.WriteIe(PfcpIeType.Rqi, (byte)(rqi ? 1 : 0));
        }

        writer.EndGroup(group);
    }

    public static QerUpdate Fields(QosEnforcementRule rule) => new(rule.Id)
    {
        UplinkGateOpen = rule.UplinkGateOpen,
        DownlinkGateOpen = rule.DownlinkGateOpen,
        Mbr = rule.UplinkMbrKbps is not null || rule.DownlinkMbrKbps is not null ? (rule.UplinkMbrKbps ?? 0, rule.DownlinkMbrKbps ?? 0) : null,
        Gbr = rule.UplinkGbrKbps is not null || rule.DownlinkGbrKbps is not null ? (rule.UplinkGbrKbps ?? 0, rule.DownlinkGbrKbps ?? 0) : null,
        Qfi = rule.Qfi,
        Rqi = rule.Rqi,
    };

    public static void WriteUrr(ref PfcpWriter writer, PfcpIeType type, UrrUpdate urr)
    {
        var group = writer.BeginGroup(type);
        writer.WriteIe(PfcpIeType.UrrId, urr.Id);
        if (urr.MeasurementMethod is { } method)
        {
            writer.WriteIe(PfcpIeType.MeasurementMethod, (byte)method);
        }

        if (urr.ReportingTriggers is { } triggers)
        {
            writer.WriteIe(PfcpIeType.ReportingTriggers, [(byte)triggers, (byte)((ushort)triggers >> 8)]);
        }

        WriteSeconds(ref writer, PfcpIeType.MeasurementPeriod, urr.MeasurementPeriod);
        WriteVolume(ref writer, PfcpIeType.VolumeThreshold, urr.VolumeThreshold);
        WriteVolume(ref writer, PfcpIeType.VolumeQuota, urr.VolumeQuota);
        WriteSeconds(ref writer, PfcpIeType.TimeThreshold, urr.TimeThreshold);
        WriteSeconds(ref writer, PfcpIeType.TimeQuota, urr.TimeQuota);
        WriteSeconds(ref writer, PfcpIeType.InactivityDetectionTime, urr.InactivityDetectionTime);
        writer.EndGroup(group);
    }

    public static UrrUpdate Fields(UsageReportingRule rule) => new(rule.Id)
    {
        MeasurementMethod = rule.MeasurementMethod,
        ReportingTriggers = rule.ReportingTriggers,
        MeasurementPeriod = rule.MeasurementPeriod,
        VolumeThreshold = rule.VolumeThreshold,
        VolumeQuota = rule.VolumeQuota,
        TimeThreshold = rule.TimeThreshold,
        TimeQuota = rule.TimeQuota,
        InactivityDetectionTime = rule.InactivityDetectionTime,
    };

    public static void WriteBar(ref PfcpWriter writer, PfcpIeType type, BufferingActionRule bar)
    {
        var group = writer.BeginGroup(type);
        writer.WriteIe(PfcpIeType.BarId, bar.Id);
        if (bar.SuggestedBufferingPacketsCount is { } packets)
        {
            writer.WriteIe(PfcpIeType.SuggestedBufferingPacketsCount, (byte)Math.Min(packets, byte.MaxValue));
        }

        writer.EndGroup(group);
    }

    /// <summary>The Create PDR/FAR/URR/QER/BAR IEs of an establishment or a modification, in that order.</summary>
    public static void WriteCreates(ref PfcpWriter writer, IReadOnlyList<PdrRequest> pdrs, IReadOnlyList<ForwardingActionRule> fars,
        IReadOnlyList<UsageReportingRule> urrs, IReadOnlyList<QosEnforcementRule> qers, IReadOnlyList<BufferingActionRule> bars)
    {
        foreach (var pdr in pdrs)
        {
            WritePdr(ref writer, PfcpIeType.CreatePdr, Fields(pdr.Rule, pdr.LocalFTeid));
        }

        foreach (var far in fars)
        {
            WriteFar(ref writer, PfcpIeType.CreateFar, Fields(far));
        }

        foreach (var urr in urrs)
        {
            WriteUrr(ref writer, PfcpIeType.CreateUrr, Fields(urr));
        }

        foreach (var qer in qers)
        {
            WriteQer(ref writer, PfcpIeType.CreateQer, Fields(qer));
        }

        foreach (var bar in bars)
        {
            WriteBar(ref writer, PfcpIeType.CreateBar, bar);
        }
    }

    /// <summary>One Remove or Query IE per ID.</summary>
    public static void WriteRuleIds<T>(ref PfcpWriter writer, PfcpIeType type, PfcpIeType idType, IReadOnlyList<T> ids)
        where T : IConvertible
    {
        foreach (var id in ids)
        {
            WriteRuleId(ref writer, type, idType, id.ToUInt32(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Remove PDR/FAR/QER/URR/BAR or Query URR: the rule's ID in the width of its kind.</summary>
    public static void WriteRuleId(ref PfcpWriter writer, PfcpIeType type, PfcpIeType idType, uint id)
    {
        var group = writer.BeginGroup(type);
        switch (idType)
        {
            case PfcpIeType.PdrId:
                writer.WriteIe(idType, (ushort)id);
                break;
            case PfcpIeType.BarId:
                writer.WriteIe(idType, (byte)id);
                break;
            default:
                writer.WriteIe(idType, id);
                break;
        }

        writer.EndGroup(group);
    }

    private static ForwardingParametersUpdate Fields(ForwardingParameters parameters) => new()
    {
        DestinationInterface = parameters.DestinationInterface,
        NetworkInstance = parameters.NetworkInstance,
        OuterHeaderCreation = parameters.OuterHeaderCreation,
        TransportLevelMarking = parameters.TransportLevelMarking,
    };

    private static void WritePdi(ref PfcpWriter writer, PacketDetectionInformation pdi, FTeid? localFTeid)
    {
        var group = writer.BeginGroup(PfcpIeType.Pdi);
        writer.WriteIe(PfcpIeType.SourceInterface, (byte)pdi.SourceInterface);
        if (localFTeid is { } fteid)
        {
            fteid.Write(ref writer);
        }
        else if (pdi.LocalTeid is { } teid && pdi.LocalAddress is { } address)
        {
            FTeid.FromAddress(teid, address).Write(ref writer);
        }

        WriteNetworkInstance(ref writer, pdi.NetworkInstance);
        if (pdi.UeIPv4Address is not null || pdi.UeIPv6Address is not null)
        {
            // S/D: a PDR on the core side matches packets to the UE.
            var destination = pdi.SourceInterface != SourceInterface.Access;
            var value = writer.ReserveIe(PfcpIeType.UeIpAddress, 1 + (pdi.UeIPv4Address is null ? 0 : 4) + (pdi.UeIPv6Address is null ? 0 : 16));
            if (!value.IsEmpty)
            {
                value[0] = (byte)((pdi.UeIPv6Address is null ? 0 : 0x01) | (pdi.UeIPv4Address is null ? 0 : 0x02) | (destination ? 0x04 : 0));
                var at = 1;
                if (pdi.UeIPv4Address is { } v4)
                {
                    v4.TryWrite(value[at..]);
                    at += 4;
                }

                pdi.UeIPv6Address?.TryWrite(value[at..]);
            }
        }

        foreach (var filter in pdi.SdfFilters)
        {
            // SDF Filter (§8.2.5): FD flag, a spare octet, the description's length and text.
            var text = Encoding.ASCII.GetBytes(filter.ToString());
            var value = writer.ReserveIe(PfcpIeType.SdfFilter, 4 + text.Length);
            if (!value.IsEmpty)
            {
                value[0] = 0x01;
                BinaryPrimitives.WriteUInt16BigEndian(value[2..], (ushort)text.Length);
                text.CopyTo(value[4..]);
            }
        }

        if (pdi.ApplicationId is { } application)
        {
            writer.WriteIe(PfcpIeType.ApplicationId, Encoding.ASCII.GetBytes(application));
        }

        if (pdi.Qfi is { } qfi)
        {
            writer.WriteIe(PfcpIeType.Qfi, qfi);
        }

        writer.EndGroup(group);
    }

    private static void WriteForwarding(ref PfcpWriter writer, PfcpIeType type, ForwardingParametersUpdate parameters)
    {
        var group = writer.BeginGroup(type);
        if (parameters.DestinationInterface is { } destination)
        {
            writer.WriteIe(PfcpIeType.DestinationInterface, (byte)destination);
        }

        WriteNetworkInstance(ref writer, parameters.NetworkInstance);
        if (parameters.OuterHeaderCreation is { } creation)
        {
            // Outer Header Creation (§8.2.56): GTP-U/UDP/IPv4 or IPv6, TEID, address (GTP-U has no port field: 2152).
            var v6 = creation.PeerAddress.IsIPv6;
            var value = writer.ReserveIe(PfcpIeType.OuterHeaderCreation, 6 + (v6 ? 16 : 4));
            if (!value.IsEmpty)
            {
                value[0] = (byte)(v6 ? 0x02 : 0x01);
                BinaryPrimitives.WriteUInt32BigEndian(value[2..], creation.Teid);
                creation.PeerAddress.TryWrite(value[6..]);
            }
        }

        if (parameters.TransportLevelMarking is { } dscp)
        {
            writer.WriteIe(PfcpIeType.TransportLevelMarking, [(byte)(dscp << 2), 0xFC]);
        }

        if (parameters.SendEndMarkers)
        {
            writer.WriteIe(PfcpIeType.PfcpsmReqFlags, (byte)SessionModificationIndications.SendEndMarkers);
        }

        writer.EndGroup(group);
    }

    private static void WriteNetworkInstance(ref PfcpWriter writer, string? name)
    {
        if (name is null)
        {
            return;
        }

        var value = writer.ReserveIe(PfcpIeType.NetworkInstance, DnsLabels.EncodedLength(name));
        if (!value.IsEmpty)
        {
            DnsLabels.Encode(name, value);
        }
    }

    private static void WriteBitRates(ref PfcpWriter writer, PfcpIeType type, (ulong Uplink, ulong Downlink) rates)
    {
        var value = writer.ReserveIe(type, 10);
        if (!value.IsEmpty)
        {
            Write40(value, rates.Uplink);
            Write40(value[5..], rates.Downlink);
        }
    }

    private static void Write40(Span<byte> destination, ulong value)
    {
        destination[0] = (byte)(value >> 32);
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)value);
    }

    private static void WriteSeconds(ref PfcpWriter writer, PfcpIeType type, TimeSpan? span)
    {
        if (span is { } value)
        {
            writer.WriteIe(type, (uint)value.TotalSeconds);
        }
    }

    private static void WriteVolume(ref PfcpWriter writer, PfcpIeType type, VolumeLimit? volume)
    {
        if (volume is null)
        {
            return;
        }

        ReadOnlySpan<ulong?> parts = [volume.TotalBytes, volume.UplinkBytes, volume.DownlinkBytes];
        var count = 0;
        foreach (var part in parts)
        {
            count += part is null ? 0 : 1;
        }

        var value = writer.ReserveIe(type, 1 + (8 * count));
        if (value.IsEmpty)
        {
            return;
        }

        value[0] = 0;
        var at = 1;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is { } bytes)
            {
                value[0] |= (byte)(1 << i);
                BinaryPrimitives.WriteUInt64BigEndian(value[at..], bytes);
                at += 8;
            }
        }
    }
}
