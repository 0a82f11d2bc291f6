using System.Runtime.CompilerServices;
using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Sessions;
using PrecisionCloud.UserPlane.Steering;
using PrecisionCloud.UserPlane.Usage;

namespace PrecisionCloud.UserPlane.Pipeline;

/// <summary>
/// One worker's fast path: batches from N3 (uplink G-PDUs and GTP-U signalling) and from N6 ports (downlink)
/// go through parse, PDR match, QER, URR and FAR, and each packet leaves with a verdict. Allocation-free per
/// packet; never throws for a packet (it drops and counts). Create one per worker with
/// <see cref="UserPlane.CreatePipeline"/>; sharding by session keeps a session's packets on one worker, in order.
/// </summary>
public sealed class UserPlanePipeline
{
    private static readonly byte[] SupportedExtensionHeaders =
    [
        (byte)GtpExtensionHeaderType.PduSessionContainer, (byte)GtpExtensionHeaderType.UdpPort, (byte)GtpExtensionHeaderType.PdcpPduNumber,
        (byte)GtpExtensionHeaderType.LongPdcpPduNumber, (byte)GtpExtensionHeaderType.LongPdcpPduNumberOptional, (byte)GtpExtensionHeaderType.ServiceClassIndicator,
    ];

    private readonly UserPlane _owner;
    private readonly RateLimiter _errorIndications;
    private ushort _sequence;

    internal UserPlanePipeline(UserPlane owner)
    {
        _owner = owner;
        _errorIndications = new RateLimiter(owner.Options.ErrorIndicationsPerSecond);
    }

    internal PipelineCounters Counters { get; } = new();

    /// <summary>Processes a batch received on N3 (or N9): datagrams that are GTP-U messages.</summary>
    /// <param name="batch">The batch; each packet's verdict is set.</param>
    /// <param name="nowTicks">The batch's time (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</param>
    public void ProcessN3(PacketBatch batch, long nowTicks)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var received = batch.Count;
        for (var i = 0; i < received; i++)
        {
            ProcessN3Packet(batch, i, nowTicks);
        }
    }

    /// <summary>Processes a batch received on an N6 port: plain IP packets toward UEs.</summary>
    /// <param name="batch">The batch; each packet's verdict is set.</param>
    /// <param name="nowTicks">The batch's time.</param>
    public void ProcessN6(PacketBatch batch, long nowTicks)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var received = batch.Count;
        for (var i = 0; i < received; i++)
        {
            ProcessN6Packet(batch, i, nowTicks);
        }
    }

    private void ProcessN3Packet(PacketBatch batch, int index, long now)
    {
        ref var packet = ref batch[index];
        var datagram = batch.Buffer.AsSpan(packet.Offset, packet.Length);
        Counters.Add(CounterId.N3ReceivedPackets, 1);
        Counters.Add(CounterId.N3ReceivedBytes, packet.Length);

        var reason = GtpReader.TryRead(datagram, out var gtp);
        if (reason != DropReason.None)
        {
            Drop(ref packet, reason);
            if (reason == DropReason.ExtensionHeaderNotComprehended
                && GtpWriter.TryWriteSupportedExtensionHeadersNotification(AnswerArea(batch, packet), _sequence++, SupportedExtensionHeaders, out var written))
            {
                Answered(ref packet, written);
            }

            return;
        }

        switch (gtp.MessageType)
        {
            case GtpMessageType.GPdu:
                break;
            case GtpMessageType.EchoRequest:
                Counters.Add(CounterId.EchoRequests, 1);
                if (GtpWriter.TryWriteEchoResponse(AnswerArea(batch, packet), gtp.SequenceNumber, 0, out var echo))
                {
                    Answered(ref packet, echo);
                }

                return;
            case GtpMessageType.ErrorIndication:
                if (GtpSignalling.TryReadErrorIndication(datagram.Slice(gtp.PayloadOffset, gtp.PayloadLength), out var teid, out var peer) == DropReason.None)
                {
                    _owner.Raise(new UserPlaneEvent(UserPlaneEventKind.ErrorIndicationReceived, 0, Peer: peer, Teid: teid));
                }

                packet.Verdict = PacketVerdict.Consumed;
                return;
            default:
                packet.Verdict = PacketVerdict.Consumed;
                return;
        }

        var session = _owner.Teids.Find(gtp.Teid)?.Current;
        var pdrs = session?.UplinkFor(gtp.Teid);
        if (pdrs is null)
        {
            Drop(ref packet, DropReason.UnknownTeid);
            if (_errorIndications.TryTake(now)
                && GtpWriter.TryWriteErrorIndication(AnswerArea(batch, packet), _sequence++, gtp.Teid, _owner.Options.N3Address, packet.RemotePort, out var indication))
            {
                // TS 29.281 §7.3.1: to the sender's GTP-U port, with its source port in the UDP Port extension header.
                Answered(ref packet, indication);
                packet.RemotePort = _owner.Options.GtpUPort;
                Counters.Add(CounterId.ErrorIndicationsSent, 1);
            }

            return;
        }

        reason = InnerPacketReader.TryReadFiveTuple(datagram.Slice(gtp.PayloadOffset, gtp.PayloadLength), out var tuple);
        if (reason != DropReason.None)
        {
            Drop(ref packet, reason);
            return;
        }

        var qfi = gtp.HasPduSessionContainer ? gtp.PduSessionContainer.Qfi : -1;
        var pdr = FirstMatch(pdrs, tuple, uplink: true, qfi);
        if (pdr is null)
        {
            Drop(ref packet, DropReason.NoMatchingPdr);
            return;
        }

        Counters.Add(CounterId.UplinkPdrHits, 1);
        if (pdr.RemovesOuterHeader)
        {
            packet.Offset += gtp.PayloadOffset;
            packet.Length = gtp.PayloadLength;
        }

        Apply(batch, index, session!, pdr, tuple, uplink: true, now, qfi);
    }

    private void ProcessN6Packet(PacketBatch batch, int index, long now)
    {
        ref var packet = ref batch[index];
        Counters.Add(CounterId.N6ReceivedPackets, 1);
        Counters.Add(CounterId.N6ReceivedBytes, packet.Length);
        var reason = InnerPacketReader.TryReadFiveTuple(batch.Buffer.AsSpan(packet.Offset, packet.Length), out var tuple);
        if (reason != DropReason.None)
        {
            Drop(ref packet, reason);
            return;
        }

        var destination = tuple.Destination;
        CompiledSession? session;
        if (destination.IsIPv6)
        {
            var prefix = (ulong)(destination.Value >> 64);
            session = _owner.UeIPv6.Find(prefix)?.Current;
            session = session?.UeIPv6Prefix == prefix ? session : null;
        }
        else
        {
            session = _owner.UeIPv4.Find(destination.IPv4)?.Current;
            session = session?.UeIPv4 == destination.IPv4 ? session : null;
        }

        if (session is null)
        {
            Drop(ref packet, DropReason.UnknownUeAddress);
            return;
        }

        var pdr = FirstMatch(session.Downlink, tuple, uplink: false, -1);
        if (pdr is null)
        {
            Drop(ref packet, DropReason.NoMatchingPdr);
            return;
        }

        Counters.Add(CounterId.DownlinkPdrHits, 1);
        Apply(batch, index, session, pdr, tuple, uplink: false, now, -1);
    }

    /// <summary>The first PDR, by precedence, that the packet matches (TS 29.244 §5.2.1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static CompiledPdr? FirstMatch(CompiledPdr[] pdrs, in FiveTuple tuple, bool uplink, int qfi)
    {
        foreach (var candidate in pdrs)
        {
            if (candidate.Matches(tuple, uplink, qfi))
            {
                return candidate;
            }
        }

        return null;
    }

    private void Apply(PacketBatch batch, int index, CompiledSession session, CompiledPdr pdr, in FiveTuple tuple, bool uplink, long now, int packetQfi)
    {
        ref var packet = ref batch[index];
        var markQfi = -1;
        var rqi = false;
        foreach (var qer in pdr.Qers)
        {
            if (!(uplink ? qer.Rule.UplinkGateOpen : qer.Rule.DownlinkGateOpen))
            {
                Drop(ref packet, DropReason.GateClosed);
                return;
            }

            if ((uplink ? qer.UplinkBucket : qer.DownlinkBucket) is { } bucket && !bucket.TryConsume(packet.Length, now))
            {
                Drop(ref packet, DropReason.RateExceeded);
                return;
            }

            if (markQfi < 0 && qer.Qfi >= 0)
            {
                markQfi = qer.Qfi;
                rqi = qer.Rule.Rqi;
            }
        }

        var far = pdr.Far;
        var egress = far.Egress;
        var port = far.N6Port;
        if (uplink && egress == EgressKind.N6)
        {
            var steering = _owner.CurrentSteering;
            if (!steering.IsEmpty)
            {
                var rule = steering.Classifier.Classify(tuple);
                if (rule >= 0)
                {
                    Counters.Add(CounterId.SteeringHits, 1);
                    switch (steering.Rules[rule].Action)
                    {
                        case SteeringAction.Drop:
                            Drop(ref packet, DropReason.SteeringDrop);
                            return;
                        case SteeringAction.ForwardDecapsulated:
                            port = steering.Ports[rule];
                            break;
                        case SteeringAction.DuplicateDecapsulated:
                            var copy = batch.Duplicate(index);
                            if (copy < 0)
                            {
                                Counters.Drop(DropReason.DuplicateNoSlot);
                            }
                            else
                            {
                                ToN6(ref batch[copy], steering.Ports[rule]);
                            }

                            break;
                        default:
                            break;
                    }
                }
            }
        }

        if (egress == EgressKind.Drop)
        {
            Drop(ref packet, DropReason.FarDrop);
            return;
        }

        if (egress == EgressKind.Buffer)
        {
            Buffer(batch, ref packet, session, pdr);
            return;
        }

        foreach (var urr in pdr.Urrs)
        {
            if (!urr.Count(uplink, packet.Length, now, out var raised))
            {
                Drop(ref packet, DropReason.QuotaExhausted);
                return;
            }

            if (raised != UsageReportTriggers.None)
            {
                _owner.Raise(new UserPlaneEvent(UserPlaneEventKind.UsageReportDue, session.Rules.Seid, urr.Rule.Id, raised));
            }
        }

        if (far.DuplicateTo is { } duplicate)
        {
            var copy = batch.Duplicate(index);
            if (copy < 0)
            {
                Counters.Drop(DropReason.DuplicateNoSlot);
            }
            else
            {
                ref var copied = ref batch[copy];
                ToTunnel(batch, ref copied, duplicate.PeerAddress, duplicate.PeerPort, duplicate.Teid, null, far.Dscp);
            }
        }

        if (egress == EgressKind.N6)
        {
            ToN6(ref packet, port);
            return;
        }

        if (pdr.Tunnel is { } template)
        {
            Tunnelled(ref packet, template.Apply(batch, ref packet));
            return;
        }

        // Into a tunnel: toward the UE (downlink, N3) or another UPF (uplink, N9).
        PduSessionContainer? container = uplink
            ? (packetQfi >= 0 || markQfi >= 0 ? new PduSessionContainer(PduSessionInformationType.Uplink, (byte)(markQfi >= 0 ? markQfi : packetQfi)) : null)
            : (markQfi >= 0 ? new PduSessionContainer(PduSessionInformationType.Downlink, (byte)markQfi, rqi) : null);
        ToTunnel(batch, ref packet, far.PeerAddress, far.PeerPort, far.PeerTeid, container, far.Dscp);
    }

    private void ToN6(ref PacketDescriptor packet, int port)
    {
        if (port < 0)
        {
            Drop(ref packet, DropReason.NoEgressPort);
            return;
        }

        packet.Verdict = PacketVerdict.ToN6;
        packet.EgressPort = port;
        Counters.Add(CounterId.N6SentPackets, 1);
        Counters.Add(CounterId.N6SentBytes, packet.Length);
    }

    private void ToTunnel(PacketBatch batch, ref PacketDescriptor packet, InetAddress peer, ushort peerPort, uint teid, PduSessionContainer? container, byte dscp)
    {
        var options = _owner.Options;
        var source = peer.IsIPv6 ? options.N3IPv6Address ?? default : options.N3Address;
        Tunnelled(ref packet, TunnelEncapsulation.Encapsulate(batch, ref packet, source, options.GtpUPort, peer, peerPort, teid, container, dscp));
    }

    private void Tunnelled(ref PacketDescriptor packet, DropReason encapsulation)
    {
        if (encapsulation != DropReason.None)
        {
            Drop(ref packet, encapsulation);
            return;
        }

        packet.Verdict = PacketVerdict.ToTunnel;
        Counters.Add(CounterId.N3SentPackets, 1);
        Counters.Add(CounterId.N3SentBytes, packet.Length);
    }

    private void Buffer(PacketBatch batch, ref PacketDescriptor packet, CompiledSession session, CompiledPdr pdr)
    {
        var added = session.Buffer?.TryAdd(batch.Buffer.AsSpan(packet.Offset, packet.Length)) ?? -1;
        if (added < 0)
        {
            Drop(ref packet, DropReason.BufferFull);
            return;
        }

        packet.Verdict = PacketVerdict.Buffered;
        if (added == 1 && pdr.Far.NotifyOnBuffer)
        {
            _owner.Raise(new UserPlaneEvent(UserPlaneEventKind.DownlinkData, session.Rules.Seid, pdr.Rule.Id));
        }
    }

    /// <summary>The room in the packet's slot from the packet's start: a signalling answer is written over the packet.</summary>
    private static Span<byte> AnswerArea(PacketBatch batch, in PacketDescriptor packet)
    {
        var slotEnd = ((packet.Offset / batch.SlotSize) + 1) * batch.SlotSize;
        return batch.Buffer.AsSpan(packet.Offset, slotEnd - packet.Offset);
    }

    /// <summary>Sends the answer written over the packet back where the packet came from.</summary>
    private void Answered(ref PacketDescriptor packet, int length)
    {
        packet.Length = length;
        packet.Verdict = PacketVerdict.Reply;
        packet.TunnelOffset = packet.Offset;
        Counters.Add(CounterId.N3SentPackets, 1);
        Counters.Add(CounterId.N3SentBytes, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Drop(ref PacketDescriptor packet, DropReason reason)
    {
        packet.Verdict = PacketVerdict.Drop;
        packet.DropReason = reason;
        Counters.Drop(reason);
    }
}
