using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Messages;

public sealed class NodeMessageTests
{
    [Property(Arbitrary = [typeof(NodeMessageArbitraries)], MaxTest = 300)]
    public bool Association_setup_round_trips(AssociationSetupRequest request, AssociationSetupResponse response, uint sequence)
    {
        sequence &= PfcpHeader.MaxSequenceNumber;
        var buffer = new byte[256];
        var length = request.Encode(buffer, sequence);
        var header = Header(buffer, length, PfcpMessageType.AssociationSetupRequest, sequence);
        AssociationSetupRequest.TryDecode(PfcpMessageReader.ReadIes(buffer, header), out var decodedRequest, out _);

        length = response.Encode(buffer, sequence);
        header = Header(buffer, length, PfcpMessageType.AssociationSetupResponse, sequence);
        AssociationSetupResponse.TryDecode(PfcpMessageReader.ReadIes(buffer, header), out var decodedResponse, out _);
        return request == decodedRequest && response == decodedResponse;
    }

    [Property]
    public bool Heartbeats_round_trip(uint recovery, uint sequence)
    {
        sequence &= PfcpHeader.MaxSequenceNumber;
        var buffer = new byte[64];
        var length = new HeartbeatRequest(recovery).Encode(buffer, sequence);
        var header = Header(buffer, length, PfcpMessageType.HeartbeatRequest, sequence);
        return HeartbeatRequest.TryDecode(PfcpMessageReader.ReadIes(buffer, header), out var decoded, out _) && decoded!.RecoveryTimeStamp == recovery;
    }

    [Theory]
    [InlineData("", PfcpCause.MandatoryIeMissing, PfcpIeType.NodeId)]
    [InlineData("003C0005000A640001", PfcpCause.MandatoryIeMissing, PfcpIeType.RecoveryTimeStamp)]
    [InlineData("003C0002000A" + "006000040000000A", PfcpCause.MandatoryIeIncorrect, PfcpIeType.NodeId)] // an IPv4 Node ID of one octet
    [InlineData("003C0005000A640001" + "006000020000", PfcpCause.InvalidLength, PfcpIeType.RecoveryTimeStamp)]
    [InlineData("003C0005000A640001" + "0060000800", PfcpCause.InvalidLength, PfcpIeType.RecoveryTimeStamp)] // runs past the message
    [InlineData("003C0003020361", PfcpCause.MandatoryIeIncorrect, PfcpIeType.NodeId)] // an FQDN label past its IE
    public void Requests_missing_or_with_bad_ies_are_refused_with_the_cause_and_offending_ie(string ies, PfcpCause cause, PfcpIeType offending)
    {
        Assert.False(AssociationSetupRequest.TryDecode(new PfcpIeReader(Convert.FromHexString(ies)), out var message, out var problem));
        Assert.Null(message);
        Assert.Equal(new PfcpIeProblem(cause, offending), problem);
    }

    [Fact]
    public void Ies_come_in_any_order_and_unknown_ones_are_ignored()
    {
        // Recovery first, an unknown IE type 300, then the Node ID.
        var ies = Convert.FromHexString("006000040000000A" + "012C0002ABCD" + "003C0005000A640001");

        Assert.True(AssociationSetupRequest.TryDecode(new PfcpIeReader(ies), out var message, out _));
        Assert.Equal((NodeId.FromAddress(InetAddress.Parse("10.100.0.1")), 10u), (message!.NodeId, message.RecoveryTimeStamp));
    }

    private static PfcpHeader Header(byte[] buffer, int length, PfcpMessageType type, uint sequence)
    {
        Assert.True(length > 0);
        Assert.Equal(PfcpDecodeStatus.Ok, PfcpMessageReader.TryReadHeader(buffer.AsSpan(0, length), out var header));
        Assert.Equal((type, sequence, length), (header.MessageType, header.SequenceNumber, header.MessageLength));
        return header;
    }

    public static class NodeMessageArbitraries
    {
        public static Arbitrary<AssociationSetupRequest> Requests() => (
            from node in Nodes()
            from recovery in ArbMap.Default.GeneratorFor<uint>()
            from up in Gen.OneOf(Gen.Constant((UpFunctionFeatures?)null), ArbMap.Default.GeneratorFor<ulong>().Select(b => (UpFunctionFeatures?)(UpFunctionFeatures)b))
            from cp in Gen.OneOf(Gen.Constant((CpFunctionFeatures?)null), ArbMap.Default.GeneratorFor<byte>().Select(b => (CpFunctionFeatures?)(CpFunctionFeatures)b))
            select new AssociationSetupRequest(node, recovery) { UpFunctionFeatures = up, CpFunctionFeatures = cp }).ToArbitrary();

        public static Arbitrary<AssociationSetupResponse> Responses() => (
            from node in Nodes()
            from cause in Gen.Elements(PfcpCause.RequestAccepted, PfcpCause.RequestRejected, PfcpCause.NoResourcesAvailable)
            from recovery in ArbMap.Default.GeneratorFor<uint>()
            from up in Gen.OneOf(Gen.Constant((UpFunctionFeatures?)null), ArbMap.Default.GeneratorFor<uint>().Select(b => (UpFunctionFeatures?)(UpFunctionFeatures)b))
            select new AssociationSetupResponse(node, cause, recovery) { UpFunctionFeatures = up }).ToArbitrary();

        private static Gen<NodeId> Nodes() => Gen.OneOf(
            ArbMap.Default.GeneratorFor<uint>().Select(a => NodeId.FromAddress(InetAddress.FromIPv4(a))),
            Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 16).Select(b => { InetAddress.TryRead(b, out var a); return NodeId.FromAddress(a); }),
            Gen.Elements("smf", "smf1.core.example.org", "a.b.c.d.e", new string('x', 63) + ".example").Select(NodeId.FromFqdn));
    }
}
