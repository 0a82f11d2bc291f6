using FsCheck.Xunit;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Pfcp.Node;
using PrecisionCloud.UserPlane.Pfcp.Sessions;
using PrecisionCloud.UserPlane.Pfcp.Simulation;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Codec;

/// <summary>Random and mutated bytes never make the codec throw or read outside its input.</summary>
public sealed class RobustnessTests
{
    private static readonly byte[][] ValidMessages = BuildValidMessages();

    [Property(MaxTest = 2000)]
    public bool Random_bytes_never_throw(byte[] bytes)
    {
        Decode(bytes);
        return true;
    }

    [Fact]
    public void A_million_mutations_of_valid_messages_never_throw()
    {
        var random = new Random(29244);
        for (var i = 0; i < 1_000_000; i++)
        {
            Decode(Mutate(random));
        }
    }

    [Fact]
    public void A_node_answers_or_counts_every_mutated_datagram_and_keeps_what_it_accepted()
    {
        using var userPlane = new UserPlane(new UserPlaneOptions { N3Address = InetAddress.Parse("127.0.0.1") });
        userPlane.RegisterN6Port("internet");
        var node = new PfcpNode(userPlane, new PfcpNodeOptions { ResponseCacheSize = 16 }, DateTimeOffset.UtcNow);
        var smf = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 8805);
        var association = new byte[128];
        node.Handle(association.AsSpan(0, new AssociationSetupRequest(NodeId.FromAddress(InetAddress.Parse("127.0.0.1")), 1).Encode(association, 1)), smf);
        var established = new byte[1024];
        var request = SmfSimulator.SessionRequest(0, NodeId.FromAddress(InetAddress.Parse("127.0.0.1")), InetAddress.Parse("127.0.0.1"), InetAddress.Parse("10.9.0.1"), InetAddress.Parse("10.200.0.2"), "internet");
        node.Handle(established.AsSpan(0, request.Encode(established, 2)), smf);
        var rules = userPlane.GetRules(1);
        Assert.NotNull(rules);

        var random = new Random(8805);
        var answered = 0;
        const int Datagrams = 50_000;
        for (var i = 0; i < Datagrams; i++)
        {
            var message = Mutate(random);
            if (message.Length >= 8)
            {
                message[4] = (byte)(i >> 16); // fresh sequence numbers: each is handled, not answered from the cache
                message[5] = (byte)(i >> 8);
                message[6] = (byte)i;
            }

            answered += node.Handle(message, smf) is { Length: > 0 } ? 1 : 0;
        }

        Assert.Equal(Datagrams, answered + node.Ignored);
        Assert.True(userPlane.GetRules(1) is { } kept && kept.Pdrs.Count == rules.Pdrs.Count || userPlane.GetRules(1) is null, "the accepted session is intact or was deleted by a (mutated) deletion request naming it");
    }

    private static byte[] Mutate(Random random)
    {
        {
            var message = (byte[])ValidMessages[random.Next(ValidMessages.Length)].Clone();
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations; m++)
            {
                switch (random.Next(3))
                {
                    case 0:
                        message[random.Next(message.Length)] ^= (byte)(1 << random.Next(8));
                        break;
                    case 1:
                        message[random.Next(message.Length)] = (byte)random.Next(256);
                        break;
                    default:
                        message = message[..random.Next(message.Length)];
                        break;
                }

                if (message.Length == 0)
                {
                    break;
                }
            }

            return message;
        }
    }

    [Fact]
    public void The_seed_session_message_is_valid_so_mutations_reach_deep_into_it()
    {
        var seed = ValidMessages[3]; // the hand-built session message with groups
        Assert.Equal(PfcpDecodeStatus.Ok, PfcpMessageReader.TryReadHeader(seed, out var header));
        Assert.True(SessionEstablishmentRequest.TryDecode(PfcpMessageReader.ReadIes(seed, header), out var request, out var problem), problem.ToString());
        Assert.Equal((byte?)1, request!.Pdrs[0].LocalFTeid?.ChooseId);
        Assert.Single(request.Pdrs[0].Rule.Pdi.SdfFilters);
    }

    /// <summary>Everything a receiver would do with a datagram, down to every IE of every grouped IE.</summary>
    private static void Decode(byte[] bytes)
    {
        if (PfcpMessageReader.TryReadHeader(bytes, out var header) != PfcpDecodeStatus.Ok)
        {
            return;
        }

        Walk(PfcpMessageReader.ReadIes(bytes, header), depth: 0);
        var ies = PfcpMessageReader.ReadIes(bytes, header);
        _ = header.MessageType switch
        {
            PfcpMessageType.HeartbeatRequest => HeartbeatRequest.TryDecode(ies, out _, out _),
            PfcpMessageType.HeartbeatResponse => HeartbeatResponse.TryDecode(ies, out _, out _),
            PfcpMessageType.AssociationSetupRequest => AssociationSetupRequest.TryDecode(ies, out _, out _),
            PfcpMessageType.AssociationSetupResponse => AssociationSetupResponse.TryDecode(ies, out _, out _),
            PfcpMessageType.SessionEstablishmentRequest => SessionEstablishmentRequest.TryDecode(ies, out _, out _),
            PfcpMessageType.SessionModificationRequest => SessionModificationRequest.TryDecode(ies, out _, out _),
            _ => AssociationSetupRequest.TryDecode(ies, out _, out _),
        };
    }

    private static void Walk(PfcpIeReader reader, int depth)
    {
        while (reader.MoveNext())
        {
            var ie = reader.Current;
            NodeId.TryRead(ie.Value, out _);
            FSeid.TryRead(ie.Value, out _);
            if (depth < 4)
            {
                Walk(ie.Children(), depth + 1);
            }
        }
    }

    private static byte[][] BuildValidMessages()
    {
        var buffer = new byte[2048];
        byte[] Take(int length) => buffer[..length];
        var node = NodeId.FromFqdn("smf1.core.example.org");
        return
        [
            Take(new HeartbeatRequest(3913056000).Encode(buffer, 1)),
            Take(new AssociationSetupRequest(node, 7) { CpFunctionFeatures = CpFunctionFeatures.Load }.Encode(buffer, 2)),
            Take(new AssociationSetupResponse(NodeId.FromAddress(InetAddress.Parse("2001:db8::1")), PfcpCause.RequestAccepted, 9)
            {
                UpFunctionFeatures = UpFunctionFeatures.Ftup | UpFunctionFeatures.Empu,
            }.Encode(buffer, 3)),
            SessionMessageWithGroups(),
            Take(SmfSimulator.SessionRequest(7, node, InetAddress.Parse("10.100.0.1"), InetAddress.Parse("10.9.0.1"), InetAddress.Parse("10.200.0.2"), "internet").Encode(buffer, 5)),
            Take(new SessionModificationRequest
            {
                UpdateFars = [new FarUpdate(2) { ApplyAction = ApplyAction.Forward, Forwarding = new ForwardingParametersUpdate { OuterHeaderCreation = new OuterHeaderCreation(9, InetAddress.Parse("10.200.0.9")), SendEndMarkers = true } }],
                UpdateQers = [new QerUpdate(1) { DownlinkGateOpen = false }],
                RemoveUrrs = [1],
                QueryUrrs = [1],
                Flags = SessionModificationIndications.QueryAllUrrs,
            }.Encode(buffer, 1, 6)),
            Take(SessionDeletionRequest.Encode(buffer, 1, 7)),
        ];
    }

    private static byte[] SessionMessageWithGroups()
    {
        var buffer = new byte[256];
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.SessionEstablishmentRequest, 4, seid: 0);
        NodeId.FromAddress(InetAddress.Parse("10.100.0.1")).Write(ref writer);
        new FSeid(0x1122334455667788, InetAddress.Parse("10.100.0.1"), InetAddress.Parse("2001:db8::1")).Write(ref writer);
        var pdr = writer.BeginGroup(PfcpIeType.CreatePdr);
        writer.WriteIe(PfcpIeType.PdrId, (ushort)1);
        writer.WriteIe(PfcpIeType.Precedence, 255u);
        writer.WriteIe(PfcpIeType.FarId, 1u);
        var pdi = writer.BeginGroup(PfcpIeType.Pdi);
        writer.WriteIe(PfcpIeType.SourceInterface, (byte)0);
        FTeid.ChooseIPv4(chooseId: 1).Write(ref writer);
        writer.WriteIe(PfcpIeType.SdfFilter, Convert.FromHexString("0100001E").Concat("permit out ip from any to any"u8.ToArray()).Append((byte)0).ToArray());
        writer.EndGroup(pdi);
        writer.EndGroup(pdr);
        var far = writer.BeginGroup(PfcpIeType.CreateFar);
        writer.WriteIe(PfcpIeType.FarId, 1u);
        writer.WriteIe(PfcpIeType.ApplyAction, (byte)2);
        var forwarding = writer.BeginGroup(PfcpIeType.ForwardingParameters);
        writer.WriteIe(PfcpIeType.DestinationInterface, (byte)0);
        writer.WriteIe(PfcpIeType.OuterHeaderCreation, Convert.FromHexString("0100000020000AC80002"));
        writer.EndGroup(forwarding);
        writer.EndGroup(far);
        return buffer[..writer.EndMessage()];
    }
}
