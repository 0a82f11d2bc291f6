using System.Diagnostics;
using System.Globalization;
using PrecisionCloud.UserPlane.Pipeline;
using PrecisionCloud.Tests.Oracles;
using static PrecisionCloud.UserPlane.Tests.TestPackets;

namespace PrecisionCloud.UserPlane.Tests.Pipeline;

/// <summary>What the pipeline puts on the wire, dissected by tshark: outer IPv4 with a valid checksum, UDP to 2152, GTP-U with the session's TEID and QFI, and the original inner packet.</summary>
public sealed class PipelineOracleTests
{
    [Fact]
    public async Task Encapsulated_downlink_dissects_with_valid_checksums_teid_and_qfi()
    {
        using var userPlane = new UserPlane(new UserPlaneOptions { N3Address = Upf });
        var pipeline = userPlane.CreatePipeline();
        for (var i = 0; i < 16; i++)
        {
            userPlane.Establish(Session((ulong)i + 1, (uint)(0x100 + i), $"10.45.0.{i + 2}", (uint)(0x9000 + i)));
        }

        var batch = new PacketBatch(64);
        for (var i = 0; i < 48; i++)
        {
            batch.Add(Udp("8.8.8.8", $"10.45.0.{(i % 16) + 2}", 53, (ushort)(1000 + i), 64 + (i * 7)));
        }

        pipeline.ProcessN6(batch, Stopwatch.GetTimestamp());

        var pcap = Path.Combine(Path.GetTempPath(), $"downlink-{Guid.NewGuid():N}.pcap");
        try
        {
            using (var writer = new PcapWriter(pcap))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    Assert.Equal(PacketVerdict.ToTunnel, batch[i].Verdict);
                    writer.WriteRecord(batch.PacketBytes(i));
                }
            }

            Assert.Equal(string.Empty, await ExternalTool.ProblemsAsync(pcap));
            var rows = await ExternalTool.DissectAsync(pcap, ["ip.checksum.status", "udp.dstport", "gtp.teid", "gtp.ext_hdr.pdu_ses_con.pdu_type", "gtp.ext_hdr.pdu_ses_con.qos_flow_id", "ip.dst", "ip.len"],
                decodeAs: null, preferences: ["ip.check_checksum:TRUE"]);
            Assert.Equal(48, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var session = i % 16;
                Assert.Equal("1,1", row[0]); // checksum status 1 = Good, outer and inner
                Assert.Equal($"2152,{1000 + i}", row[1]); // outer UDP to the GTP-U port, then the inner UDP
                Assert.Equal((uint)(0x9000 + session), uint.Parse(row[2].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                Assert.Equal("0", row[3]);
                Assert.Equal("9", row[4]);
                Assert.Equal($"{Gnb},10.45.0.{session + 2}", row[5]);
                Assert.Equal($"{20 + 8 + 16 + 64 + (i * 7)},{64 + (i * 7)}", row[6]);
            }
        }
        finally
        {
            File.Delete(pcap);
        }
    }
}
