using System.Globalization;
using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.Tests.Oracles;

namespace PrecisionCloud.UserPlane.Tests.Gtp;

/// <summary>
/// Our bytes against tshark's GTP dissector, and scapy's bytes against our reader: two implementations that
/// share nothing with ours.
/// </summary>
public sealed class GtpOracleTests
{
    private static readonly uint Gnb = 0xC0A80A01; // 192.168.10.1
    private static readonly uint Upf = 0xC0A80A02;

    private sealed record Written(string Kind, uint Teid, int MessageType, ushort? Sequence, PduSessionContainer? Container, int PayloadLength);

    [Fact]
    public async Task Everything_we_write_dissects_in_tshark_to_the_values_we_meant()
    {
        var pcap = Path.Combine(Path.GetTempPath(), $"gtpu-{Guid.NewGuid():N}.pcap");
        var expected = new List<Written>();
        try
        {
            var random = new Random(2152);
            var inner = InnerIcmp();
            using (var writer = new PcapWriter(pcap))
            {
                var buffer = new byte[2048];
                for (var i = 0; i < 200; i++)
                {
                    var teid = (uint)random.NextInt64(1, uint.MaxValue);
                    PduSessionContainer? container = (i % 4) switch
                    {
                        0 => null,
                        1 => new PduSessionContainer(PduSessionInformationType.Uplink, (byte)random.Next(64)),
                        2 => new PduSessionContainer(PduSessionInformationType.Downlink, (byte)random.Next(64), random.Next(2) == 1),
                        _ => new PduSessionContainer(PduSessionInformationType.Downlink, (byte)random.Next(64), random.Next(2) == 1, (byte)random.Next(8)),
                    };
                    ushort? sequence = i % 3 == 0 ? (ushort)random.Next(65536) : null;
                    Assert.True(GtpWriter.TryWriteGPduHeader(buffer, teid, inner.Length, container, sequence, out var header));
                    inner.CopyTo(buffer, header);
                    writer.WriteUdp(Gnb, Upf, 2152, 2152, buffer.AsSpan(0, header + inner.Length));
                    expected.Add(new Written("gpdu", teid, 255, sequence, container, inner.Length));
                }

                Assert.True(GtpWriter.TryWriteEchoRequest(buffer, 11, out var written));
                writer.WriteUdp(Gnb, Upf, 2152, 2152, buffer.AsSpan(0, written));
                expected.Add(new Written("echo-request", 0, 1, 11, null, 0));

                Assert.True(GtpWriter.TryWriteEchoResponse(buffer, 11, 0, out written));
                writer.WriteUdp(Upf, Gnb, 2152, 2152, buffer.AsSpan(0, written));
                expected.Add(new Written("echo-response", 0, 2, 11, null, 0));

                Assert.True(GtpWriter.TryWriteEndMarker(buffer, 0xABCDEF01, new PduSessionContainer(PduSessionInformationType.Downlink, 7), out written));
                writer.WriteUdp(Upf, Gnb, 2152, 2152, buffer.AsSpan(0, written));
                expected.Add(new Written("end-marker", 0xABCDEF01, 254, null, new PduSessionContainer(PduSessionInformationType.Downlink, 7), 0));

                Assert.True(GtpWriter.TryWriteErrorIndication(buffer, 12, 0x00C0FFEE, InetAddress.FromIPv4(Upf), 2152, out written));
                writer.WriteUdp(Upf, Gnb, 2152, 2152, buffer.AsSpan(0, written));
                expected.Add(new Written("error-indication", 0, 26, 12, null, 0));

                Assert.True(GtpWriter.TryWriteSupportedExtensionHeadersNotification(buffer, 13, [0x85, 0x40], out written));
                writer.WriteUdp(Upf, Gnb, 2152, 2152, buffer.AsSpan(0, written));
                expected.Add(new Written("sehn", 0, 31, 13, null, 0));
            }

            Assert.Equal(string.Empty, await ExternalTool.ProblemsAsync(pcap));
            var rows = await ExternalTool.DissectAsync(pcap,
            [
                "gtp.message", "gtp.teid", "gtp.seq_number", "gtp.ext_hdr.pdu_ses_con.pdu_type", "gtp.ext_hdr.pdu_ses_con.qos_flow_id",
                "gtp.ext_hdr.pdu_ses_cont.rqi", "gtp.ext_hdr.pdu_ses_cont.ppp", "gtp.ext_hdr.pdu_ses_cont.ppi", "ip.dst", "gtp.teid_data",
                "gtp.ext_hdr.udp_port", "gtp.recovery",
            ]);

            Assert.Equal(expected.Count, rows.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var (want, row) = (expected[i], rows[i]);
                var context = $"packet {i + 1} ({want.Kind}): {string.Join(" | ", row)}";
                Assert.True(want.MessageType == ParseInt(row[0]), context);
                Assert.True(want.Teid == ParseUInt(row[1]), context);
                Assert.True(want.Sequence == (row[2].Length == 0 ? null : (ushort)ParseUInt(row[2])), context);
                if (want.Container is { } psc)
                {
                    Assert.True((int)psc.Type == ParseInt(row[3]), context);
                    Assert.True(psc.Qfi == ParseInt(row[4]), context);
                    if (psc.Type == PduSessionInformationType.Downlink)
                    {
                        Assert.True(psc.Rqi == IsTrue(row[5]), context);
                        Assert.True((psc.Ppi is not null) == IsTrue(row[6]), context);
                        Assert.True(psc.Ppi == (row[7].Length == 0 ? null : (byte)ParseUInt(row[7])), context);
                    }
                }
                else
                {
                    Assert.True(row[4].Length == 0, context);
                }

                if (want.Kind == "gpdu")
                {
                    Assert.True(row[8] == "192.168.10.2,8.8.8.8", context); // outer, then the decapsulated inner destination
                }
            }

            var errorIndication = rows[^2];
            Assert.Equal(0x00C0FFEEu, ParseUInt(errorIndication[9]));
            Assert.Equal("2152", errorIndication[10]);
            Assert.Equal("0", rows[^4][11]);
        }
        finally
        {
            File.Delete(pcap);
        }
    }

    [Fact]
    public async Task Messages_built_by_scapy_parse_in_our_reader_to_the_same_values()
    {
        var lines = await ExternalTool.RunScapyAsync("scapy_gtp.py");
        Assert.Equal(8, lines.Length);
        foreach (var line in lines)
        {
            var f = line.Split('|');
            var bytes = Convert.FromHexString(f[9]);
            Assert.True(GtpReader.TryRead(bytes, out var packet) == DropReason.None, f[0]);
            Assert.True(uint.Parse(f[1], CultureInfo.InvariantCulture) == packet.Teid, f[0]);
            Assert.True(int.Parse(f[2], CultureInfo.InvariantCulture) == (int)packet.MessageType, f[0]);
            Assert.True((f[3] == "-" ? null : ushort.Parse(f[3], CultureInfo.InvariantCulture)) == (packet.HasSequenceNumber ? packet.SequenceNumber : null), f[0]);
            Assert.True((f[4] != "-") == packet.HasPduSessionContainer, f[0]);
            if (packet.HasPduSessionContainer)
            {
                var psc = packet.PduSessionContainer;
                Assert.True(byte.Parse(f[4], CultureInfo.InvariantCulture) == psc.Qfi, f[0]);
                Assert.True(int.Parse(f[5], CultureInfo.InvariantCulture) == (int)psc.Type, f[0]);
                Assert.True((f[6] == "1") == psc.Rqi, f[0]);
                Assert.True((f[7] == "-" ? null : byte.Parse(f[7], CultureInfo.InvariantCulture)) == psc.Ppi, f[0]);
            }

            Assert.True(int.Parse(f[8], CultureInfo.InvariantCulture) == packet.PayloadLength, f[0]);
            if (packet.MessageType == GtpMessageType.GPdu)
            {
                Assert.Equal(DropReason.None, InnerPacketReader.TryReadFiveTuple(bytes.AsSpan(packet.PayloadOffset, packet.PayloadLength), out var tuple));
                Assert.Equal((InetAddress.Parse("10.45.0.2"), InetAddress.Parse("8.8.8.8"), IpProtocol.Icmp), (tuple.Source, tuple.Destination, tuple.Protocol));
            }

            if (packet.MessageType == GtpMessageType.EchoResponse)
            {
                Assert.Equal(DropReason.None, GtpSignalling.TryReadRecovery(bytes.AsSpan(packet.PayloadOffset, packet.PayloadLength), out _));
            }
        }
    }

    private static byte[] InnerIcmp()
    {
        var packet = new byte[84];
        packet[0] = 0x45;
        packet[3] = 84;
        packet[8] = 64;
        packet[9] = IpProtocol.Icmp;
        InetAddress.Parse("10.45.0.2").TryWrite(packet.AsSpan(12));
        InetAddress.Parse("8.8.8.8").TryWrite(packet.AsSpan(16));
        var checksum = Ipv4Checksum.Compute(packet.AsSpan(0, 20));
        packet[10] = (byte)(checksum >> 8);
        packet[11] = (byte)checksum;
        packet[20] = 8; // echo request; ICMP checksum over the zero body
        packet[22] = 0xF7;
        packet[23] = 0xFF;
        return packet;
    }

    private static int ParseInt(string text) => (int)ParseUInt(text);

    private static uint ParseUInt(string text) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? uint.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) : uint.Parse(text, CultureInfo.InvariantCulture);

    private static bool IsTrue(string text) => text is "1" or "True" or "true";
}
