using PrecisionCloud.Tests.Oracles;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Messages;

public sealed class SessionEstablishmentRequestTests
{
    [Fact]
    public async Task A_request_built_by_scapy_becomes_the_rules_the_smf_meant()
    {
        var bytes = Convert.FromHexString(Assert.Single(await ExternalTool.RunScapyAsync("scapy_session.py")));
        Assert.Equal(PfcpDecodeStatus.Ok, PfcpMessageReader.TryReadHeader(bytes, out var header));
        Assert.Equal((PfcpMessageType.SessionEstablishmentRequest, true, 0UL, 42u), (header.MessageType, header.HasSeid, header.Seid, header.SequenceNumber));

        Assert.True(SessionEstablishmentRequest.TryDecode(PfcpMessageReader.ReadIes(bytes, header), out var request, out var problem), problem.ToString());

        Assert.Equal(NodeId.FromAddress(InetAddress.Parse("10.100.0.1")), request!.NodeId);
        Assert.Equal((0x1122334455667788UL, (InetAddress?)InetAddress.Parse("10.100.0.1")), (request.CpFSeid.Seid, request.CpFSeid.IPv4));
        Assert.Equal((byte?)1, request.PdnType);

        var uplink = request.Pdrs.Single(p => p.Rule.Id == 1);
        Assert.Equal(new FTeid(0, default(InetAddress), null, Choose: true, ChooseId: 5), uplink.LocalFTeid);
        Assert.Null(uplink.Rule.Pdi.LocalTeid); // the user plane chooses
        Assert.Equal((SourceInterface.Access, "internet", (InetAddress?)InetAddress.Parse("10.45.0.7")), (uplink.Rule.Pdi.SourceInterface, uplink.Rule.Pdi.NetworkInstance, uplink.Rule.Pdi.UeIPv4Address));
        Assert.Equal("permit out 17 from 10.99.0.0/16 to assigned 5000-5100", Assert.Single(uplink.Rule.Pdi.SdfFilters).ToString());
        Assert.Equal((OuterHeaderRemoval?)OuterHeaderRemoval.GtpUUdpIPv4, uplink.Rule.OuterHeaderRemoval);
        Assert.Equal((255u, 1u, 1u, 1u), (uplink.Rule.Precedence, uplink.Rule.FarId, Assert.Single(uplink.Rule.QerIds), Assert.Single(uplink.Rule.UrrIds)));

        var downlink = request.Pdrs.Single(p => p.Rule.Id == 2);
        Assert.Null(downlink.LocalFTeid);
        Assert.Equal(SourceInterface.Core, downlink.Rule.Pdi.SourceInterface);

        var toGnb = request.Fars.Single(f => f.Id == 2);
        Assert.Equal(ApplyAction.Forward, toGnb.ApplyAction);
        Assert.Equal(DestinationInterface.Access, toGnb.Forwarding!.DestinationInterface);
        Assert.Equal(new OuterHeaderCreation(0x2000, InetAddress.Parse("10.200.0.2")), toGnb.Forwarding.OuterHeaderCreation);
        Assert.Equal("internet", request.Fars.Single(f => f.Id == 1).Forwarding!.NetworkInstance);

        var qer = Assert.Single(request.Qers);
        Assert.Equal((true, false, 100000UL, 200000UL, (byte?)9), (qer.UplinkGateOpen, qer.DownlinkGateOpen, qer.UplinkMbrKbps!.Value, qer.DownlinkMbrKbps!.Value, qer.Qfi));

        var urr = Assert.Single(request.Urrs);
        Assert.Equal(MeasurementMethod.Volume | MeasurementMethod.Duration, urr.MeasurementMethod);
        Assert.Equal(ReportingTriggers.VolumeThreshold | ReportingTriggers.PeriodicReporting, urr.ReportingTriggers);
        Assert.Equal(new VolumeLimit(TotalBytes: 1_000_000, DownlinkBytes: 600_000), urr.VolumeThreshold);
        Assert.Equal(TimeSpan.FromSeconds(60), urr.MeasurementPeriod);
    }

    [Theory]
    [InlineData("0001000E" + "003800020001" + "001D000400000001", PfcpCause.MandatoryIeMissing, PfcpIeType.Pdi)] // Create PDR without PDI
    [InlineData("00010012" + "003800020001" + "001D000400000001" + "00020000", PfcpCause.MandatoryIeMissing, PfcpIeType.SourceInterface)] // PDI without source interface
    [InlineData("00030008" + "006C000400000001", PfcpCause.MandatoryIeMissing, PfcpIeType.ApplyAction)] // Create FAR without Apply Action
    [InlineData("00030008" + "006C000200000001", PfcpCause.InvalidLength, PfcpIeType.FarId)] // a FAR ID of two octets
    [InlineData("00060013" + "0051000400000001" + "003E000102" + "002500020100", PfcpCause.ConditionalIeMissing, PfcpIeType.MeasurementPeriod)] // periodic reporting without a period
    [InlineData("0003000D" + "006C000400000001" + "002C000102", PfcpCause.ConditionalIeMissing, PfcpIeType.ForwardingParameters)] // FORW without where to
    [InlineData("0003000D" + "006C000400000001" + "002C000111", PfcpCause.ConditionalIeMissing, PfcpIeType.DuplicatingParameters)] // DROP and DUPL without where to copy
    public void Rules_with_missing_or_short_ies_are_refused_naming_the_ie(string rule, PfcpCause cause, PfcpIeType offending)
    {
        var ies = Convert.FromHexString("003C0005000A640001" + "0039000D0211223344556677880A640001" + rule);

        Assert.False(SessionEstablishmentRequest.TryDecode(new PfcpIeReader(ies), out _, out var problem));
        Assert.Equal(new PfcpIeProblem(cause, offending), problem);
    }

    [Fact]
    public void Apply_action_in_two_octets_as_open5gs_writes_it_is_read()
    {
        // Create FAR: FAR ID 1, Apply Action 0x0002 0x02 (FORW, and BDPN in the second octet), Forwarding Parameters (Access).
        var far = new PfcpIeReader(Convert.FromHexString("00030017" + "006C000400000001" + "002C00020202" + "00040005002A000100"));

        Assert.True(far.MoveNext());
        Assert.True(PrecisionCloud.UserPlane.Pfcp.Sessions.SessionRuleReader.TryReadCreateFar(far.Current, out var rule, out var problem), problem.ToString());
        Assert.Equal(ApplyAction.Forward | ApplyAction.BufferedDownlinkPacketNotification, rule!.ApplyAction);
    }
}
