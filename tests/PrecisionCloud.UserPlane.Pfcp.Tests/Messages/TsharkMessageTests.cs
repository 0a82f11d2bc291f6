using PrecisionCloud.Tests.Oracles;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Messages;

/// <summary>Every message we write dissects in tshark to the fields we meant, with no malformed or error expert info.</summary>
public sealed class TsharkMessageTests : IDisposable
{
    private readonly string _pcap = Path.Combine(Path.GetTempPath(), $"pfcp-{Guid.NewGuid():N}.pcap");

    public void Dispose() => File.Delete(_pcap);

    [Fact]
    public async Task Node_messages_we_write_dissect_to_their_fields()
    {
        var upf = NodeId.FromAddress(InetAddress.Parse("10.100.0.2"));
        var messages = new List<byte[]>
        {
            Encode(b => new HeartbeatRequest(3913056000).Encode(b, 1)),
            Encode(b => new HeartbeatResponse(3913056000).Encode(b, 1)),
            Encode(b => new AssociationSetupRequest(NodeId.FromFqdn("upf1.edge.example.org"), 3913056001) { UpFunctionFeatures = UpFunctionFeatures.Ftup | UpFunctionFeatures.Empu }.Encode(b, 0x123456)),
            Encode(b => new AssociationSetupResponse(upf, PfcpCause.RequestAccepted, 3913056002) { UpFunctionFeatures = UpFunctionFeatures.Ftup }.Encode(b, 0x123456)),
            Encode(b => new AssociationSetupResponse(NodeId.FromAddress(InetAddress.Parse("2001:db8::2")), PfcpCause.RequestRejected, 1).Encode(b, 9)),
        };
        using (var pcap = new PcapWriter(_pcap))
        {
            foreach (var message in messages)
            {
                pcap.WriteUdp(0x0A640001, 0x0A640002, 8805, 8805, message);
            }
        }

        Assert.Equal(string.Empty, await ExternalTool.ProblemsAsync(_pcap));
        var rows = await ExternalTool.DissectAsync(_pcap, ["pfcp.msg_type", "pfcp.seqno", "pfcp.s", "pfcp.recovery_time_stamp", "pfcp.node_id_ipv4",
            "pfcp.node_id_fqdn", "pfcp.cause", "pfcp.up_function_features.ftup", "pfcp.up_function_features.empu", "pfcp.node_id_ipv6"]);

        Assert.Equal(["1", "1", "0"], rows[0][..3]);
        Assert.Equal("2", rows[1][0]);
        Assert.Equal(["5", "1193046", "0"], rows[2][..3]);
        Assert.Equal("upf1.edge.example.org", rows[2][5]);
        Assert.Equal(["1", "1"], rows[2][7..9]);
        Assert.Equal(["6", "1193046"], rows[3][..2]);
        Assert.Equal(["10.100.0.2", "", "1", "1", "0"], rows[3][4..9]);
        Assert.Equal(["64", "2001:db8::2"], [rows[4][6], rows[4][9]]);
        Assert.All(rows, r => Assert.NotEqual(string.Empty, r[3])); // every one carries its recovery time stamp
    }

    private static byte[] Encode(Func<byte[], int> encode)
    {
        var buffer = new byte[512];
        var length = encode(buffer);
        Assert.True(length > 0);
        return buffer[..length];
    }
}
