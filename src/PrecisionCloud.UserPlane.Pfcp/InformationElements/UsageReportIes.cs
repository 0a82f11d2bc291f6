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
            // The enum holds the IE's bits (§8.2.41): octet 5 low, octet 6, octet 7.
            var bits = (uint)report.Trigger;
            (trigger[0], trigger[1], trigger[2]) = ((byte)bits, (byte)(bits >> 8), (byte)(bits >> 16));
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
}
