using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
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

    /// <summary>
    /// Packets whose PDRs are looked up together before they are processed: enough for the processor to overlap
    /// their cache misses, few enough that what they bring in still fits the L1 cache when the packets use it.
    /// </summary>
    private const int LookAheadGroup = 16;

    private readonly UserPlane _owner;
    private readonly RateLimiter _errorIndications;
    private ushort _sequence;
    private SteeringTable? _steering;
    private bool _steers;

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
        // An uplink batch sees one steering table: read once here, not once per packet through the owner (and not
        // in the shared loop, which the downlink side compiles too).
        _steering = _owner.CurrentSteering;
        _steers = !_steering.IsEmpty;
        Process<FromN3>(batch, nowTicks);
    }

    /// <summary>Processes a batch received on an N6 port: plain IP packets toward UEs.</summary>
    /// <param name="batch">The batch; each packet's verdict is set.</param>
    /// <param name="nowTicks">The batch's time.</param>
    public void ProcessN6(PacketBatch batch, long nowTicks) => Process<FromN6>(batch, nowTicks);

    /// <summary>
    /// A batch in groups of <see cref="LookAheadGroup"/>: first every packet's PDRs are looked up, then each packet is
    /// processed; received and sent packets are counted once per batch. The side is a type argument, so each side
    /// gets its own compiled loop with its steps inlined.
    /// </summary>
    private void Process<TSide>(PacketBatch batch, long nowTicks)
        where TSide : struct, IBatchSide
    {
        ArgumentNullException.ThrowIfNull(batch);
        var received = batch.Count;

        // On the stack: storing a reference there needs neither the GC's write barrier nor an array type check.
        var lookedUp = default(LookAheadPdrs);
        long bytes = 0;
        for (var start = 0; start < received; start += LookAheadGroup)
        {
            var end = Math.Min(received, start + LookAheadGroup);
            for (var i = start; i < end; i++)
            {
                bytes += batch[i].Length;
                lookedUp[i - start] = TSide.FindPdrs(this, batch, i);
            }

            for (var i = start; i < end; i++)
            {
                TSide.ProcessPacket(this, batch, i, nowTicks, lookedUp[i - start]);
            }
        }

        Counters.Add(TSide.ReceivedPackets, received);
        Counters.Add(TSide.ReceivedBytes, bytes);
        CountSent(batch);
    }

    /// <summary>
    /// The first stage of a batch: every packet's PDRs, looked up from the TEID at its fixed place in the GTP-U header
    /// before anything else is parsed. The lookups of different packets do not depend on each other, so the processor
    /// overlaps their cache misses instead of taking them one packet at a time. The second stage parses and checks
    /// everything, and uses what was found here only for the TEID it reads itself (the same octets).
    /// </summary>
    /// <summary>Asks for the first PDR's fields (two cache lines) to be brought in while the rest of the group is looked up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(CompiledPdr[]? pdrs)
    {
        if (Sse.IsSupported && pdrs is [var first, ..])
        {
            // The object's address read from the reference itself: taking a field's address would first check the
            // object for null by loading from it, which waits for the very miss the prefetch is meant to hide.
            // (Should the collector move the object meanwhile, the hint is merely wasted.)
            var fields = (byte*)Unsafe.As<CompiledPdr, nint>(ref first) + sizeof(nint);
            Sse.Prefetch0(fields);
            Sse.Prefetch0(fields + 64);
        }
    }

    /// <summary>The last stage: packets and bytes sent, counted by verdict once per batch rather than per packet.</summary>
    private void CountSent(PacketBatch batch)
    {
        long n3Packets = 0, n3Bytes = 0, n6Packets = 0, n6Bytes = 0;
        foreach (ref readonly var packet in batch.Packets)
        {
            switch (packet.Verdict)
            {
                case PacketVerdict.ToN6:
                    n6Packets++;
                    n6Bytes += packet.Length;
                    break;
                case PacketVerdict.ToTunnel or PacketVerdict.Reply:
                    n3Packets++;
                    n3Bytes += packet.Length;
                    break;
                default:
                    break;
            }
        }

        Counters.Add(CounterId.N3SentPackets, n3Packets);
        Counters.Add(CounterId.N3SentBytes, n3Bytes);
        Counters.Add(CounterId.N6SentPackets, n6Packets);
        Counters.Add(CounterId.N6SentBytes, n6Bytes);
    }

    private CompiledPdr[]? FindUplinkPdrs(PacketBatch batch, int index)
    {
        ref var packet = ref batch[index];
        if (packet.Length < GtpReader.MandatoryHeaderLength)
        {
            return null;
        }

        var pdrs = _owner.Teids.FindPdrs(BinaryPrimitives.ReadUInt32BigEndian(batch.Buffer.AsSpan(packet.Offset + 4, 4)));
        Prefetch(pdrs);
        return pdrs;
    }

    /// <summary>The first stage of an N6 batch: the PDRs for each packet's destination (see <see cref="FindUplinkPdrs"/>).</summary>
    private CompiledPdr[]? FindDownlinkPdrs(PacketBatch batch, int index)
    {
        ref var packet = ref batch[index];
        var bytes = batch.Buffer.AsSpan(packet.Offset, packet.Length);
        CompiledPdr[]? pdrs = null;
        if (bytes.Length >= 20 && bytes[0] >> 4 == 4)
        {
            pdrs = _owner.UeIPv4.FindPdrs(BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]));
        }
        else if (bytes.Length >= 40 && bytes[0] >> 4 == 6)
        {
            pdrs = _owner.UeIPv6.FindPdrs(BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
        }

        Prefetch(pdrs);
        return pdrs;
    }

    private void ProcessN3Packet(PacketBatch batch, int index, long now, CompiledPdr[]? pdrs)
    {
        ref var packet = ref batch[index];
        var datagram = batch.Buffer.AsSpan(packet.Offset, packet.Length);

        var reason = GtpReader.TryRead(datagram, out var gtp);
        if (reason != DropReason.None)
        {
            Reject(batch, ref packet, reason);
            return;
        }

        if (gtp.MessageType != GtpMessageType.GPdu)
        {
            Signalling(batch, ref packet, datagram, gtp);
            return;
        }

        if (pdrs is null)
        {
            UnknownTeid(batch, ref packet, gtp.Teid, now);
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

        Apply(batch, index, pdr, tuple, now, qfi);
    }

    /// <summary>A datagram that is not an acceptable GTP-U message; one with an extension header we must but cannot comprehend is answered.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Reject(PacketBatch batch, ref PacketDescriptor packet, DropReason reason)
    {
        Drop(ref packet, reason);
        if (reason == DropReason.ExtensionHeaderNotComprehended
            && GtpWriter.TryWriteSupportedExtensionHeadersNotification(AnswerArea(batch, packet), _sequence++, SupportedExtensionHeaders, out var written))
        {
            Answered(ref packet, written);
        }
    }

    /// <summary>GTP-U signalling: Echo Request answered in the path, Echo Response noted for path monitoring, Error Indication raised as an event, the rest consumed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Signalling(PacketBatch batch, ref PacketDescriptor packet, ReadOnlySpan<byte> datagram, in GtpPacket gtp)
    {
        switch (gtp.MessageType)
        {
            case GtpMessageType.EchoRequest:
                Counters.Add(CounterId.EchoRequests, 1);
                if (GtpWriter.TryWriteEchoResponse(AnswerArea(batch, packet), gtp.SequenceNumber, 0, out var echo))
                {
                    Answered(ref packet, echo);
                }

                return;
            case GtpMessageType.EchoResponse:
                _owner.EchoResponseFrom(packet.RemoteAddress); // the path to this peer is up
                packet.Verdict = PacketVerdict.Consumed;
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
    }

    /// <summary>A G-PDU for a TEID no session has: dropped, and answered with a rate-limited Error Indication.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void UnknownTeid(PacketBatch batch, ref PacketDescriptor packet, uint teid, long now)
    {
        Drop(ref packet, DropReason.UnknownTeid);
        if (_errorIndications.TryTake(now)
            && GtpWriter.TryWriteErrorIndication(AnswerArea(batch, packet), _sequence++, teid, _owner.Options.N3Address, packet.RemotePort, out var indication))
        {
            // TS 29.281 §7.3.1: to the sender's GTP-U port, with its source port in the UDP Port extension header.
            Answered(ref packet, indication);
            packet.RemotePort = _owner.Options.GtpUPort;
            Counters.Add(CounterId.ErrorIndicationsSent, 1);
        }
    }

    private void ProcessN6Packet(PacketBatch batch, int index, long now, CompiledPdr[]? pdrs)
    {
        ref var packet = ref batch[index];
        var reason = InnerPacketReader.TryReadFiveTuple(batch.Buffer.AsSpan(packet.Offset, packet.Length), out var tuple);
        if (reason != DropReason.None)
        {
            Drop(ref packet, reason);
            return;
        }

        if (pdrs is null)
        {
            Drop(ref packet, DropReason.UnknownUeAddress);
            return;
        }

        var pdr = FirstMatch(pdrs, tuple, uplink: false, -1);
        if (pdr is null)
        {
            Drop(ref packet, DropReason.NoMatchingPdr);
            return;
        }

        Counters.Add(CounterId.DownlinkPdrHits, 1);
        Apply(batch, index, pdr, tuple, now, -1);
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

    private void Apply(PacketBatch batch, int index, CompiledPdr pdr, in FiveTuple tuple, long now, int packetQfi)
    {
        ref var packet = ref batch[index];
        if (!pdr.GateOpen)
        {
            Drop(ref packet, DropReason.GateClosed);
            return;
        }

        if (pdr.Policer is { } policer && !Police(policer, pdr.MorePolicers, pdr.IsUplink, packet.Length, now))
        {
            Drop(ref packet, DropReason.RateExceeded);
            return;
        }

        var egress = pdr.Egress;
        var port = pdr.N6Port;
        if (egress == EgressKind.N6 && pdr.IsUplink && _steers)
        {
            port = Steer(batch, index, tuple, port);
            if (packet.Verdict == PacketVerdict.Drop)
            {
                return;
            }
        }

        if (egress == EgressKind.Drop)
        {
            Drop(ref packet, DropReason.FarDrop);
            return;
        }

        if (egress == EgressKind.Buffer)
        {
            Buffer(batch, ref packet, pdr.Session, pdr);
            return;
        }

        if (pdr.Urr is { } urr && !(Count(pdr.Session, urr, pdr.IsUplink, packet.Length, now) && CountMore(pdr.Session, pdr.MoreUrrs, pdr.IsUplink, packet.Length, now)))
        {
            Drop(ref packet, DropReason.QuotaExhausted);
            return;
        }

        if (pdr.Duplicates)
        {
            Duplicate(batch, index, pdr);
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

        Encapsulate(batch, ref packet, pdr, packetQfi);
    }

    /// <summary>
    /// Local breakout: the first steering rule the uplink packet matches decides its N6 port, drops it, or sends a
    /// copy to a local port. Returns the port; a drop shows in the packet's verdict.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Steer(PacketBatch batch, int index, in FiveTuple tuple, int port)
    {
        var steering = _steering!;
        var rule = steering.Classifier.Classify(tuple);
        if (rule < 0)
        {
            return port;
        }

        Counters.Add(CounterId.SteeringHits, 1);
        switch (steering.Rules[rule].Action)
        {
            case SteeringAction.Drop:
                Drop(ref batch[index], DropReason.SteeringDrop);
                return port;
            case SteeringAction.ForwardDecapsulated:
                return steering.Ports[rule];
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

                return port;
            default:
                return port;
        }
    }

    /// <summary>The FAR duplicates: a copy goes into the duplicating tunnel (without a PDU Session Container).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Duplicate(PacketBatch batch, int index, CompiledPdr pdr)
    {
        var duplicate = pdr.DuplicateTo!;
        var copy = batch.Duplicate(index);
        if (copy < 0)
        {
            Counters.Drop(DropReason.DuplicateNoSlot);
            return;
        }

        ToTunnel(batch, ref batch[copy], duplicate.PeerAddress, duplicate.PeerPort, duplicate.Teid, null, pdr.Far.Dscp);
    }

    /// <summary>
    /// Into a tunnel without prebuilt headers: toward the UE over IPv6 (N3), or uplink toward another UPF (N9),
    /// keeping the packet's QFI unless a QER marks one.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Encapsulate(PacketBatch batch, ref PacketDescriptor packet, CompiledPdr pdr, int packetQfi)
    {
        var markQfi = pdr.MarkQfi;
        PduSessionContainer? container = pdr.IsUplink
            ? (packetQfi >= 0 || markQfi >= 0 ? new PduSessionContainer(PduSessionInformationType.Uplink, (byte)(markQfi >= 0 ? markQfi : packetQfi)) : null)
            : (markQfi >= 0 ? new PduSessionContainer(PduSessionInformationType.Downlink, (byte)markQfi, pdr.Rqi) : null);
        var far = pdr.Far;
        ToTunnel(batch, ref packet, far.PeerAddress, far.PeerPort, far.PeerTeid, container, far.Dscp);
    }

    /// <summary>Takes the packet's bytes from every policer of its QERs; false when one of them has too few.</summary>
    private static bool Police(QerState first, QerState[] more, bool uplink, int bytes, long now)
    {
        if (!first.TryConsume(uplink, bytes, now))
        {
            return false;
        }

        foreach (var policer in more)
        {
            if (!policer.TryConsume(uplink, bytes, now))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Counts the packet in a URR and raises the report triggers it crossed; false when its quota is used up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Count(CompiledSession session, UrrState urr, bool uplink, int bytes, long now)
    {
        if (!urr.Count(uplink, bytes, now, out var raised))
        {
            return false;
        }

        if (raised != UsageReportTriggers.None)
        {
            RaiseUsageReportDue(session, urr, raised);
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RaiseUsageReportDue(CompiledSession session, UrrState urr, UsageReportTriggers raised) =>
        _owner.Raise(new UserPlaneEvent(UserPlaneEventKind.UsageReportDue, session.Seid, urr.Id, raised));

    private bool CountMore(CompiledSession session, UrrState[] more, bool uplink, int bytes, long now)
    {
        foreach (var urr in more)
        {
            if (!Count(session, urr, uplink, bytes, now))
            {
                return false;
            }
        }

        return true;
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
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
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
            _owner.Raise(new UserPlaneEvent(UserPlaneEventKind.DownlinkData, session.Seid, pdr.Id));
        }
    }

    /// <summary>The room in the packet's slot from the packet's start: a signalling answer is written over the packet.</summary>
    private static Span<byte> AnswerArea(PacketBatch batch, in PacketDescriptor packet)
    {
        var slotEnd = ((packet.Offset / batch.SlotSize) + 1) * batch.SlotSize;
        return batch.Buffer.AsSpan(packet.Offset, slotEnd - packet.Offset);
    }

    /// <summary>Sends the answer written over the packet back where the packet came from.</summary>
    private static void Answered(ref PacketDescriptor packet, int length)
    {
        packet.Length = length;
        packet.Verdict = PacketVerdict.Reply;
        packet.TunnelOffset = packet.Offset;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Drop(ref PacketDescriptor packet, DropReason reason)
    {
        packet.Verdict = PacketVerdict.Drop;
        packet.DropReason = reason;
        Counters.Drop(reason);
    }

    /// <summary>What differs between the two sides a batch can come from.</summary>
    private interface IBatchSide
    {
        static abstract CounterId ReceivedPackets { get; }

        static abstract CounterId ReceivedBytes { get; }

        static abstract CompiledPdr[]? FindPdrs(UserPlanePipeline pipeline, PacketBatch batch, int index);

        static abstract void ProcessPacket(UserPlanePipeline pipeline, PacketBatch batch, int index, long now, CompiledPdr[]? pdrs);
    }

    /// <summary>N3 (and N9): GTP-U, uplink.</summary>
    private struct FromN3 : IBatchSide
    {
        public static CounterId ReceivedPackets => CounterId.N3ReceivedPackets;

        public static CounterId ReceivedBytes => CounterId.N3ReceivedBytes;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static CompiledPdr[]? FindPdrs(UserPlanePipeline pipeline, PacketBatch batch, int index) => pipeline.FindUplinkPdrs(batch, index);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void ProcessPacket(UserPlanePipeline pipeline, PacketBatch batch, int index, long now, CompiledPdr[]? pdrs) =>
            pipeline.ProcessN3Packet(batch, index, now, pdrs);
    }

    /// <summary>N6: plain IP, downlink.</summary>
    private struct FromN6 : IBatchSide
    {
        public static CounterId ReceivedPackets => CounterId.N6ReceivedPackets;

        public static CounterId ReceivedBytes => CounterId.N6ReceivedBytes;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static CompiledPdr[]? FindPdrs(UserPlanePipeline pipeline, PacketBatch batch, int index) => pipeline.FindDownlinkPdrs(batch, index);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void ProcessPacket(UserPlanePipeline pipeline, PacketBatch batch, int index, long now, CompiledPdr[]? pdrs) =>
            pipeline.ProcessN6Packet(batch, index, now, pdrs);
    }

    /// <summary>The PDRs found for one look-ahead group of packets.</summary>
    [InlineArray(LookAheadGroup)]
    private struct LookAheadPdrs
    {
        private CompiledPdr[]? _first;
    }
}
