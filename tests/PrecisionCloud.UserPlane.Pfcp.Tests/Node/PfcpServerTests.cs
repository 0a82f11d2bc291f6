using System.Net;
using PrecisionCloud.Tests.Oracles;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Node;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Node;

public sealed class PfcpServerTests : IDisposable
{
    private readonly UserPlane _userPlane = new(new UserPlaneOptions { N3Address = InetAddress.Parse("127.0.0.1") });

    public void Dispose() => _userPlane.Dispose();

    [Fact]
    public async Task An_smf_written_with_scapy_associates_establishes_retransmits_modifies_and_deletes_over_udp()
    {
        var changes = new RecordingChangeSink();
        var node = new PfcpNode(_userPlane, new PfcpNodeOptions { Port = 0 }, DateTimeOffset.UtcNow, changes);
        await using var server = new PfcpServer(node, new IPEndPoint(IPAddress.Loopback, 0));

        var lines = (await ExternalTool.RunScapyAsync("scapy_smf.py", server.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Select(l => l.Split('|')).ToDictionary(p => p[0], p => p[1].Split(';').Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]));

        Assert.Equal(("6", "1", "1", "1"), (lines["association"]["type"], lines["association"]["seq"], lines["association"]["cause"], lines["association"]["ftup"]));
        var establishment = lines["establishment"];
        Assert.Equal(("51", "11259375", "1", "1"), (establishment["type"], establishment["seid"], establishment["cause"], establishment["duplicate_same"]));
        Assert.InRange(uint.Parse(establishment["teid"], System.Globalization.CultureInfo.InvariantCulture), 0x0001_0000u, 0x00FF_FFFFu);
        Assert.Equal(("2", "3"), (lines["heartbeat"]["type"], lines["heartbeat"]["seq"]));
        Assert.Equal(("53", "11259375", "1", "1"), (lines["modification"]["type"], lines["modification"]["seid"], lines["modification"]["cause"], lines["modification"]["urr"]));
        var endMarker = Assert.Single(Assert.Single(changes.Changes).EndMarkers); // on the old path only, as SNDEM asked
        Assert.Equal((0x1234u, InetAddress.Parse("127.0.0.1"), (ushort)2152), (endMarker.Teid, endMarker.Peer, endMarker.PeerPort));
        Assert.Equal(("73", "0", "9"), (lines["refused"]["cause"], lines["refused"]["failed_type"], lines["refused"]["failed_id"]));
        Assert.Equal(("55", "11259375", "1", "1"), (lines["deletion"]["type"], lines["deletion"]["seid"], lines["deletion"]["cause"], lines["deletion"]["urr"]));
        Assert.Equal((0, 0), (node.SessionCount, _userPlane.SessionCount)); // one session despite the retransmission, and deleted
        Assert.Single(node.Associations);
    }

    [Fact]
    public async Task The_agent_starts_the_association_with_a_configured_smf_written_with_scapy()
    {
        int smfPort;
        using (var probe = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            smfPort = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        var options = new PfcpNodeOptions { RequestTimeout = TimeSpan.FromMilliseconds(200), RequestRetries = 20 };
        options.CpNodes.Add($"127.0.0.1:{smfPort}");
        var node = new PfcpNode(_userPlane, options, DateTimeOffset.UtcNow);
        var smf = ExternalTool.RunScapyAsync("scapy_smf_listen.py", smfPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var server = new PfcpServer(node, new IPEndPoint(IPAddress.Loopback, 0));

        var lines = (await smf).Where(l => l.Contains('|', StringComparison.Ordinal))
            .Select(l => l.Split('|')).ToDictionary(p => p[0], p => p[1].Split(';').Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]));

        Assert.Equal(("5", "127.0.0.1", "1", "1"), (lines["request"]["type"], lines["request"]["node"], lines["request"]["ftup"], lines["request"]["empu"]));
        Assert.Equal(("2", "77"), (lines["heartbeat"]["type"], lines["heartbeat"]["seq"]));
        Assert.Equal(NodeId.FromAddress(InetAddress.Parse("127.0.0.1")), Assert.Single(node.Associations));
    }

    [Fact]
    public void Sessions_from_an_unassociated_node_and_other_versions_are_refused()
    {
        var node = new PfcpNode(_userPlane, new PfcpNodeOptions(), DateTimeOffset.UtcNow);
        var peer = new IPEndPoint(IPAddress.Loopback, 40000);
        var request = Convert.FromHexString(
            "21320038" + "0000000000000000" + "00000100" + "003C0005007F000001" + "0039000D0200000000000000017F000001"
            + "0001000E" + "003800020001" + "001D000400000001");

        var answer = node.Handle(request, peer);

        Assert.NotNull(answer);
        Assert.Equal(PfcpDecodeStatus.Ok, PfcpMessageReader.TryReadHeader(answer, out var header));
        Assert.True(PfcpMessageReader.ReadIes(answer, header).TryFind(PfcpIeType.Cause, out var cause));
        Assert.Equal((PfcpMessageType.SessionEstablishmentResponse, PfcpCause.MandatoryIeMissing), (header.MessageType, (PfcpCause)cause.Value[0])); // the PDR has no PDI
        Assert.True(PfcpMessageReader.ReadIes(answer, header).TryFind(PfcpIeType.OffendingIe, out var offending));
        Assert.Equal("0002", Convert.ToHexString(offending.Value));

        var versionTwo = node.Handle(Convert.FromHexString("4001000400000100"), peer);
        Assert.Equal(PfcpDecodeStatus.Ok, PfcpMessageReader.TryReadHeader(versionTwo, out var unsupported));
        Assert.Equal((PfcpMessageType.VersionNotSupportedResponse, 1u), (unsupported.MessageType, unsupported.SequenceNumber));

        // A well-formed request from a node that has not associated.
        var unassociated = node.Handle(Convert.FromHexString(
            "2132005A" + "0000000000000000" + "00000200" + "003C0005007F000001" + "0039000D0200000000000000017F000001"
            + "0001001F" + "003800020001" + "001D000400000001" + "00020005" + "0014000100" + "006C000400000001"
            + "0003000D" + "006C000400000001" + "002C000101"), peer); // a DROP FAR: complete without forwarding parameters
        Assert.Equal(PfcpDecodeStatus.Ok, PfcpMessageReader.TryReadHeader(unassociated, out var refused));
        Assert.True(PfcpMessageReader.ReadIes(unassociated, refused).TryFind(PfcpIeType.Cause, out var noAssociation));
        Assert.Equal(PfcpCause.NoEstablishedPfcpAssociation, (PfcpCause)noAssociation.Value[0]);
        Assert.Equal(0, node.SessionCount);

        Assert.Null(node.Handle([1, 2, 3], peer));
        Assert.Equal(1, node.Ignored);
    }

    private sealed class RecordingChangeSink : ISessionChangeSink
    {
        public List<SessionChange> Changes { get; } = [];

        public void Apply(SessionChange change) => Changes.Add(change);
    }
}
