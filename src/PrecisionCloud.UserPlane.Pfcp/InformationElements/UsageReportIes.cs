using System.Buffers.Binary;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Usage;

namespace PrecisionCloud.UserPlane.Pfcp.InformationElements;

/// <summary>
/// A user plane <see cref="UsageReport"/> as the grouped Usage Report IE (3GPP TS 29.244 §7.5.5.2, §7.5.7.2,
/// §7.5.8.3): URR ID, UR-SEQN, Usage Report Trigger, Start and End Time, Volume Measurement (bytes and packets per
/// direction) and Duration Measurement.
/// </summary>
internal static class UsageReportIes
{
    /// <summary>Writes the report as a Usage Report of the given type (in a Modification, Deletion or Report message).</summary>
    public static void Write(ref PfcpWriter writer, PfcpIeType type, UsageReport report)
    {
        var group = writer.BeginGroup(type);
        writer.WriteIe(PfcpIeType.UrrId, report.UrrId);
        writer.WriteIe(PfcpIeType.UrSeqn, report.Sequence);
        var trigger = writer.ReserveIe(PfcpIeType.UsageReportTrigger, 3);
        if (!trigger.IsEmpty)
        {
            var bits = TriggerBits(report.Trigger);
            trigger[0] = (byte)bits;
            trigger[1] = (byte)(bits >> 8);
        }

        writer.WriteIe(PfcpIeType.StartTime, NtpTime.FromDateTimeOffset(report.StartTime));
        writer.WriteIe(PfcpIeType.EndTime, NtpTime.FromDateTimeOffset(report.EndTime));

        // TOVOL, ULVOL, DLVOL, TONOP, ULNOP, DLNOP: all six, each an 8-octet count.
        var volume = writer.ReserveIe(PfcpIeType.VolumeMeasurement, 1 + (6 * 8));
        if (!volume.IsEmpty)
        {
            volume[0] = 0x3F;
            ReadOnlySpan<ulong> counts = [report.TotalBytes, report.UplinkBytes, report.DownlinkBytes, report.UplinkPackets + report.DownlinkPackets, report.UplinkPackets, report.DownlinkPackets];
            for (var i = 0; i < counts.Length; i++)
            {
                BinaryPrimitives.WriteUInt64BigEndian(volume[(1 + (i * 8))..], counts[i]);
            }
        }

        writer.WriteIe(PfcpIeType.DurationMeasurement, (uint)Math.Min(uint.MaxValue, Math.Round(report.Duration.TotalSeconds)));
        writer.EndGroup(group);
    }

    /// <summary>The Usage Report Trigger bits (§8.2.41: octet 5 from PERIO up to IMMER, octet 6 from VOLQU up to EVETH).</summary>
    public static ushort TriggerBits(UsageReportTriggers triggers)
    {
        ushort bits = 0;
        void Map(UsageReportTriggers trigger, ushort bit)
        {
            if ((triggers & trigger) != 0)
            {
                bits |= bit;
            }
        }

        Map(UsageReportTriggers.PeriodicReporting, 0x0001);
        Map(UsageReportTriggers.VolumeThreshold, 0x0002);
        Map(UsageReportTriggers.TimeThreshold, 0x0004);
        Map(UsageReportTriggers.StartOfTraffic, 0x0010);
        Map(UsageReportTriggers.StopOfTraffic, 0x0020);
        Map(UsageReportTriggers.ImmediateReport, 0x0080);
        Map(UsageReportTriggers.VolumeQuota, 0x0100);
        Map(UsageReportTriggers.TimeQuota, 0x0200);
        Map(UsageReportTriggers.TerminationReport, 0x0800);
        return bits;
    }
}
