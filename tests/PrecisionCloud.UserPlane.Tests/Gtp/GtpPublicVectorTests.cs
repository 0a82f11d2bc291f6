using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Tests.Gtp;

/// <summary>
/// Byte vectors from the test suite of go-gtp (wmnsk/go-gtp, gtp/v1/messages/*_test.go), an independent GTPv1
/// implementation: our reader must parse them to the values they stand for, and our writers must produce the same
/// bytes for the same values.
/// </summary>
public sealed class GtpPublicVectorTests
{
    private static readonly byte[] EchoRequest = [0x32, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
    private static readonly byte[] EchoResponse = [0x32, 0x02, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0e, 0x80];
    private static readonly byte[] TPdu = [0x30, 0xff, 0x00, 0x04, 0xde, 0xad, 0xbe, 0xef, 0xde, 0xad, 0xbe, 0xef];
    private static readonly byte[] TPduWithSequence = [0x32, 0xff, 0x00, 0x08, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x00, 0x00, 0xde, 0xad, 0xbe, 0xef];

    private static readonly byte[] ErrorIndication =
    [
        0x32, 0x1a, 0x00, 0x10, 0x11, 0x22, 0x33, 0x44, 0x00, 0x01, 0x00, 0x00,
        0x10, 0xde, 0xad, 0xbe, 0xef,
        0x85, 0x00, 0x04, 0x01, 0x01, 0x01, 0x01,
    ];

    [Fact]
    public void Echo_request_and_response_read_and_write_alike()
    {
        Assert.Equal(DropReason.None, GtpReader.TryRead(EchoRequest, out var request));
        Assert.Equal((GtpMessageType.EchoRequest, 0u, true, (ushort)0), (request.MessageType, request.Teid, request.HasSequenceNumber, request.SequenceNumber));
        Assert.Equal(DropReason.None, GtpReader.TryRead(EchoResponse, out var response));
        Assert.Equal(DropReason.None, GtpSignalling.TryReadRecovery(EchoResponse.AsSpan(response.PayloadOffset), out var counter));
        Assert.Equal(0x80, counter);

        var buffer = new byte[32];
        Assert.True(GtpWriter.TryWriteEchoRequest(buffer, 0, out var written));
        Assert.Equal(EchoRequest, buffer[..written]);
        Assert.True(GtpWriter.TryWriteEchoResponse(buffer, 0, 0x80, out written));
        Assert.Equal(EchoResponse, buffer[..written]);
    }

    [Fact]
    public void T_pdus_read_and_write_alike()
    {
        Assert.Equal(DropReason.None, GtpReader.TryRead(TPdu, out var plain));
        Assert.Equal((GtpMessageType.GPdu, 0xdeadbeefu, 8, 4), (plain.MessageType, plain.Teid, plain.PayloadOffset, plain.PayloadLength));
        Assert.Equal(DropReason.None, GtpReader.TryRead(TPduWithSequence, out var sequenced));
        Assert.Equal((true, (ushort)1, 12, 4), (sequenced.HasSequenceNumber, sequenced.SequenceNumber, sequenced.PayloadOffset, sequenced.PayloadLength));

        var buffer = new byte[32];
        Assert.True(GtpWriter.TryWriteGPdu(buffer, 0xdeadbeef, [0xde, 0xad, 0xbe, 0xef], null, out var written));
        Assert.Equal(TPdu, buffer[..written]);
        Assert.True(GtpWriter.TryWriteGPduHeader(buffer, 0xdeadbeef, 4, null, 1, out written));
        Assert.Equal(TPduWithSequence[..12], buffer[..written]);
    }

    [Fact]
    public void Error_indication_reads_its_teid_and_peer()
    {
        Assert.Equal(DropReason.None, GtpReader.TryRead(ErrorIndication, out var packet));
        Assert.Equal((GtpMessageType.ErrorIndication, 0x11223344u, (ushort)1), (packet.MessageType, packet.Teid, packet.SequenceNumber));

        Assert.Equal(DropReason.None, GtpSignalling.TryReadErrorIndication(ErrorIndication.AsSpan(packet.PayloadOffset, packet.PayloadLength), out var teid, out var peer));
        Assert.Equal((0xdeadbeefu, InetAddress.Parse("1.1.1.1")), (teid, peer));
    }
}
