using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Pfcp.Node;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Codec;

/// <summary>
/// Messages from public PFCP implementations' test suites (Corpus/public-messages.txt: scapy's captures between the
/// erGW SMF and a VPP UPF, go-pfcp's every-IE encodings, free5GC's codec buffers) read here: their headers decode
/// to the values their sources state, and an agent answers each request or drops and counts each message, with the
/// answer the standard asks for given what the message holds.
/// </summary>
public sealed class PublicCorpusTests
{
    private static readonly List<CorpusMessage> Corpus = Load();

    /// <summary>What the agent does with each message (its sender associated first): the answer's type and Cause, or "dropped".</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["V01"] = "AssociationSetupResponse RequestAccepted", // erGW associates
        ["V02"] = "dropped", // an answer to nothing we sent
        ["V03"] = "SessionEstablishmentResponse RuleCreationModificationFailure, failed rule Pdr 0002", // PDR 2 matches on the CP-function interface without a UE address: no way to find its session
        ["V04"] = "SessionEstablishmentResponse RuleCreationModificationFailure, failed rule Pdr 0004", // PDR 4 comes from ACCESS without the F-TEID its tunnel arrives on
        ["V05"] = "SessionEstablishmentResponse RuleCreationModificationFailure, failed rule Pdr 0006", // PDR 6 detects by Application ID, which this user plane does not do
        ["V06"] = "dropped",
        ["V07"] = "HeartbeatResponse", // heartbeat
        ["V08"] = "dropped",
        ["V09"] = "dropped", // Session Report Requests go from a user plane to its SMF, never to us
        ["V10"] = "dropped",
        ["V11"] = "dropped",
        ["V12"] = "dropped",
        ["V13"] = "SessionModificationResponse SessionContextNotFound", // a session this agent never set up
        ["V14"] = "dropped",
        ["V15"] = "HeartbeatResponse",
        ["V16"] = "dropped",
        ["V17"] = "AssociationSetupResponse RequestAccepted",
        ["V18"] = "dropped",
        ["V19"] = "dropped",
        ["V20"] = "dropped",
        ["V21"] = "AssociationUpdateResponse RequestAccepted", // features may change
        ["V22"] = "dropped",
        ["V23"] = "AssociationReleaseResponse RequestAccepted",
        ["V24"] = "dropped",
        ["V25"] = "dropped",
        ["V26"] = "dropped",
        ["V27"] = "SessionDeletionResponse SessionContextNotFound", // a session this agent never set up
        ["V28"] = "dropped",
        ["V29"] = "dropped",
        ["V30"] = "dropped",
        ["V31"] = "dropped",
        ["V32"] = "dropped",
        ["V33"] = "SessionEstablishmentResponse MandatoryIeIncorrect, offending IE SdfFilter", // go-pfcp's SDF filter text is not an IPFilterRule
        ["V34"] = "dropped",
        ["V35"] = "SessionModificationResponse MandatoryIeIncorrect, offending IE SdfFilter", // go-pfcp's SDF filter text is not an IPFilterRule
        ["V36"] = "AssociationSetupResponse MandatoryIeMissing", // free5GC's buffer has no Recovery Time Stamp
        ["V37"] = "SessionEstablishmentResponse MandatoryIeMissing, offending IE Pdi", // its Create PDR has no PDI (and the request no F-SEID)
    };

    [Fact]
    public void Every_header_decodes_to_what_its_source_states()
    {
        Assert.Equal(37, Corpus.Count);
        foreach (var message in Corpus)
        {
            Assert.Equal(PfcpDecodeStatus.Ok, PfcpMessageReader.TryReadHeader(message.Bytes, out var header));
            Assert.Equal((message.Type, message.Seid, message.Sequence), ((int)header.MessageType, header.HasSeid ? header.Seid : null, header.SequenceNumber));
        }
    }

    [Fact]
    public void The_agent_answers_each_request_and_drops_and_counts_the_rest()
    {
        using var userPlane = new UserPlane(new UserPlaneOptions { N3Address = InetAddress.Parse("172.18.1.2") });
        foreach (var name in new[] { "access", "cp", "sgi", "some.instance.example" })
        {
            userPlane.RegisterN6Port(name);
        }

        var node = new PfcpNode(userPlane, new PfcpNodeOptions { ResponseCacheSize = 64 }, DateTimeOffset.UtcNow);
        var outcomes = new List<string>();
        // Each source's CP node associates first, as it would on the wire; then its messages come in their order.
        foreach (var source in Corpus.GroupBy(m => m.Source))
        {
            var address = IPAddress.Parse($"127.0.0.{outcomes.Count + 10}");
            var port = 8805;
            foreach (var message in source.OrderBy(m => m.Type == 5 ? 0 : 1))
            {
                // A port of its own per message: the suites reuse sequence numbers, and a repeated (peer, sequence)
                // is a retransmission that gets the cached answer.
                var ignored = node.Ignored;
                var answer = node.Handle(message.Bytes, new IPEndPoint(address, port++));
                outcomes.Add($"{message.Id}: {Outcome(answer, node.Ignored - ignored)}");
            }
        }

        Assert.Equal(string.Join("\n", Corpus.Select(m => $"{m.Id}: {Expected.GetValueOrDefault(m.Id)}")), string.Join("\n", outcomes.Order()));
    }

    [Theory]
    [InlineData("V03", 2, 2, 1, "access")]
    [InlineData("V04", 4, 4, 2, "sgi")]
    [InlineData("V05", 6, 6, 3, "sgi")]
    public void ErGws_establishments_decode_to_the_rules_they_carry(string id, int pdrs, int fars, int urrs, string networkInstance)
    {
        var bytes = Corpus.Single(m => m.Id == id).Bytes;
        PfcpMessageReader.TryReadHeader(bytes, out var header);

        Assert.True(SessionEstablishmentRequest.TryDecode(PfcpMessageReader.ReadIes(bytes, header), out var request, out var problem), problem.ToString());
        Assert.Equal((pdrs, fars, urrs), (request!.Pdrs.Count, request.Fars.Count, request.Urrs.Count));
        Assert.Equal(NodeId.FromFqdn("ergw"), request.NodeId);
        Assert.Equal(InetAddress.Parse("172.18.1.1"), request.CpFSeid.IPv4);
        // erGW writes network instances as DNS labels ("06 access").
        Assert.Contains(request.Fars, f => f.Forwarding?.NetworkInstance == networkInstance);
    }

    private static string Outcome(byte[]? answer, long dropped)
    {
        if (answer is null)
        {
            return dropped == 1 ? "dropped" : $"no answer and {dropped} counted";
        }

        Assert.Equal(PfcpDecodeStatus.Ok, PfcpMessageReader.TryReadHeader(answer, out var header));
        var ies = PfcpMessageReader.ReadIes(answer, header);
        var outcome = ies.TryFind(PfcpIeType.Cause, out var cause) ? $"{header.MessageType} {(PfcpCause)cause.Value[0]}" : $"{header.MessageType}";
        if (ies.TryFind(PfcpIeType.OffendingIe, out var offending))
        {
            outcome += $", offending IE {(PfcpIeType)BinaryPrimitives.ReadUInt16BigEndian(offending.Value)}";
        }

        if (ies.TryFind(PfcpIeType.FailedRuleId, out var failed))
        {
            outcome += $", failed rule {(RuleKind)(failed.Value[0] & 0x0F)} {Convert.ToHexString(failed.Value[1..])}";
        }

        return outcome;
    }

    private static List<CorpusMessage> Load() =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Corpus", "public-messages.txt"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split(' '))
            .Select(f => new CorpusMessage(
                f[0],
                int.Parse(f[1], CultureInfo.InvariantCulture),
                f[2] == "-" ? null : ulong.Parse(f[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                uint.Parse(f[3], CultureInfo.InvariantCulture),
                f[4][..f[4].IndexOf('/', f[4].IndexOf('/', StringComparison.Ordinal) + 1)],
                Convert.FromHexString(f[5])))];

    private sealed record CorpusMessage(string Id, int Type, ulong? Seid, uint Sequence, string Source, byte[] Bytes);
}
