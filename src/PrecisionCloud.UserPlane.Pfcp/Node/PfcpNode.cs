using System.Diagnostics.Metrics;
using System.Net;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Pfcp.Sessions;
using PrecisionCloud.UserPlane.Usage;

namespace PrecisionCloud.UserPlane.Pfcp.Node;

/// <summary>
/// A user plane's PFCP node: answers heartbeats, accepts associations from CP functions, and establishes, modifies
/// and deletes sessions for associated nodes, turning them into fast-path rule sets. A retransmitted request (same peer,
/// same sequence number) gets the response already sent, not a second execution. It also sends: Session Report
/// Requests (usage, downlink data, error indications) and heartbeats to its peers, each sent again every T1 up to N1
/// times; a peer that stops answering heartbeats has failed, one with a new Recovery Time Stamp has restarted, and
/// its sessions are kept or purged per <see cref="PfcpNodeOptions"/>. <see cref="Handle"/> and <see cref="Poll"/> are
/// the whole protocol logic, independent of sockets; <see cref="PfcpServer"/> runs them on UDP.
/// </summary>
public sealed class PfcpNode : IUserPlaneReportHandler
{
    /// <summary>The name of the meter the node's instruments are on.</summary>
    public const string MeterName = "PrecisionCloud.UserPlane.Pfcp";

    private const int MaxResponse = 8192;
    private readonly Lock _lock = new();
    private readonly NodeId _nodeId;
    private readonly PfcpSessionTable _sessions;
    private readonly Dictionary<NodeId, PfcpPeer> _peers = [];
    private readonly Dictionary<uint, PendingRequest> _pending = [];
    private readonly Queue<(byte[] Datagram, IPEndPoint Destination)> _outbox = new();
    private readonly PfcpNodeOptions _options;
    private readonly long[] _received = new long[256];
    private readonly Dictionary<(PfcpMessageType Type, PfcpCause Cause), long> _refused = [];
    private readonly Meter? _meter;
    private readonly TimeProvider _time;
    private readonly ResponseCache _responses;
    private readonly byte[] _scratch = new byte[MaxResponse];
    private readonly ISessionChangeSink? _changes;
    private readonly List<CpNodeTarget> _cpNodes;
    private uint _nextSequence;

    /// <summary>Creates the node.</summary>
    /// <param name="userPlane">The fast path its sessions go into.</param>
    /// <param name="options">Its N4 settings.</param>
    /// <param name="recoveryTime">When it started (the Recovery Time Stamp it sends).</param>
    /// <param name="changes">Sends the End Markers and released packets of session modifications; none drops them.</param>
    /// <param name="time">The clock for T1 and heartbeats; the system's by default.</param>
    /// <param name="meterFactory">Creates the <c>PrecisionCloud.UserPlane.Pfcp</c> meter; no metrics without one.</param>
    public PfcpNode(UserPlane userPlane, PfcpNodeOptions options, DateTimeOffset recoveryTime, ISessionChangeSink? changes = null, TimeProvider? time = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(userPlane);
        ArgumentNullException.ThrowIfNull(options);
        var n4 = InetAddress.Parse(options.N4Address);
        _nodeId = options.NodeId is { Length: > 0 } name
            ? (IPAddress.TryParse(name, out var address) ? NodeId.FromAddress(InetAddress.From(address)) : NodeId.FromFqdn(name))
            : NodeId.FromAddress(n4);
        RecoveryTimeStamp = NtpTime.FromDateTimeOffset(recoveryTime);
        var n4IPv6 = options.N4IPv6Address is { Length: > 0 } v6 ? InetAddress.Parse(v6) : (InetAddress?)null;
        _sessions = new PfcpSessionTable(userPlane, _nodeId, n4, userPlane.Options.N3Address, new TeidPool(options.FirstTeid, options.LastTeid), n4IPv6);
        _responses = new ResponseCache(options.ResponseCacheSize);
        _changes = changes;
        _options = options;
        _time = time ?? TimeProvider.System;
        _cpNodes = [.. options.CpNodes.Select(c => new CpNodeTarget(ParseCpNode(c)))];
        if (meterFactory is not null)
        {
            _meter = meterFactory.Create(MeterName);
            PfcpMetrics.Register(_meter, this);
        }
    }

    /// <summary>The features this user plane advertises: F-TEID allocation (FTUP) and End Marker sending (EMPU).</summary>
    public static UpFunctionFeatures Features => UpFunctionFeatures.Ftup | UpFunctionFeatures.Empu;

    /// <summary>The Recovery Time Stamp it sends (NTP seconds of its start).</summary>
    public uint RecoveryTimeStamp { get; }

    /// <summary>The CP nodes associated now.</summary>
    public IReadOnlyCollection<NodeId> Associations
    {
        get
        {
            lock (_lock)
            {
                return [.. _peers.Values.Where(p => p.Associated).Select(p => p.NodeId)];
            }
        }
    }

    /// <summary>Requests this node sent again because T1 passed without an answer.</summary>
    public long Retransmissions { get; private set; }

    /// <summary>Requests given up after N1 retransmissions (a failed heartbeat fails the peer).</summary>
    public long RequestsTimedOut { get; private set; }

    /// <summary>Peers found restarted (a new Recovery Time Stamp in an association, heartbeat or heartbeat answer).</summary>
    public long PeerRestarts { get; private set; }

    /// <summary>Peers that stopped answering heartbeats.</summary>
    public long PeerFailures { get; private set; }

    /// <summary>Sessions purged because their CP node restarted, failed or released the association.</summary>
    public long SessionsPurged { get; private set; }

    /// <summary>Sessions established now.</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>Requests dropped without an answer (not PFCP, unknown or unexpected message types).</summary>
    public long Ignored { get; private set; }

    /// <summary>Handles one datagram from <paramref name="peer"/> and returns the response to send back, if any.</summary>
    /// <param name="datagram">The datagram.</param>
    /// <param name="peer">Who sent it.</param>
    /// <returns>The response, or <see langword="null"/> when there is none to send.</returns>
    public byte[]? Handle(ReadOnlySpan<byte> datagram, IPEndPoint peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var status = PfcpMessageReader.TryReadHeader(datagram, out var header);
        lock (_lock)
        {
            if (status == PfcpDecodeStatus.UnsupportedVersion)
            {
                return Bytes(VersionNotSupported(_scratch, header));
            }

            if (status != PfcpDecodeStatus.Ok)
            {
                Ignored++;
                return null;
            }

            if (!IsRequest(header.MessageType))
            {
                Answered(header, PfcpMessageReader.ReadIes(datagram, header), peer);
                return null;
            }

            if (_responses.TryGet(peer, header.SequenceNumber, out var cached))
            {
                return cached;
            }

            var ies = PfcpMessageReader.ReadIes(datagram, header);
            var (response, cause) = header.MessageType switch
            {
                PfcpMessageType.HeartbeatRequest => Heartbeat(ies, header, peer),
                PfcpMessageType.AssociationSetupRequest => AssociationSetup(ies, header, peer),
                PfcpMessageType.AssociationUpdateRequest => AssociationUpdate(ies, header),
                PfcpMessageType.AssociationReleaseRequest => AssociationRelease(ies, header),
                PfcpMessageType.SessionEstablishmentRequest => SessionEstablishment(ies, header),
                PfcpMessageType.SessionModificationRequest => SessionModification(ies, header),
                PfcpMessageType.SessionDeletionRequest => SessionDeletion(header),
                _ => (null, null),
            };
            if (response is null)
            {
                Ignored++;
                return null;
            }

            Count(header.MessageType, response, cause);
            _responses.Add(peer, header.SequenceNumber, response);
            return response;
        }
    }

    /// <summary>The request message types (Table 7.3-1); everything else is an answer to one of ours.</summary>
    private static bool IsRequest(PfcpMessageType type) => type is PfcpMessageType.HeartbeatRequest or PfcpMessageType.PfdManagementRequest
        or PfcpMessageType.AssociationSetupRequest or PfcpMessageType.AssociationUpdateRequest or PfcpMessageType.AssociationReleaseRequest
        or PfcpMessageType.NodeReportRequest or PfcpMessageType.SessionSetDeletionRequest or PfcpMessageType.SessionEstablishmentRequest
        or PfcpMessageType.SessionModificationRequest or PfcpMessageType.SessionDeletionRequest or PfcpMessageType.SessionReportRequest;

    /// <summary>
    /// The exact bytes of what was just encoded into the node's one scratch buffer (requests are handled one at a
    /// time); empty when it did not fit.
    /// </summary>
    private byte[] Bytes(int length) => length < 0 ? [] : _scratch[..length];

    /// <summary>Version Not Supported Response (§7.4.4.7): a header only, our version, the request's sequence number.</summary>
    private static int VersionNotSupported(byte[] buffer, PfcpHeader request)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.VersionNotSupportedResponse, request.SequenceNumber);
        return writer.EndMessage();
    }

    private (byte[], PfcpCause?) AssociationSetup(PfcpIeReader ies, PfcpHeader header, IPEndPoint endpoint)
    {
        var cause = PfcpCause.RequestAccepted;
        if (AssociationSetupRequest.TryDecode(ies, out var request, out var problem))
        {
            Associate(request!.NodeId, request.RecoveryTimeStamp, endpoint);
        }
        else
        {
            cause = problem.Cause;
        }

        return (Bytes(new AssociationSetupResponse(_nodeId, cause, RecoveryTimeStamp) { UpFunctionFeatures = Features }.Encode(_scratch, header.SequenceNumber)), cause);
    }

    /// <summary>
    /// A CP node is associated (it asked, or accepted our request); the same node again with a new start time
    /// restarted and lost what it had set up here.
    /// </summary>
    private void Associate(NodeId node, uint recoveryTimeStamp, IPEndPoint endpoint)
    {
        var now = _time.GetTimestamp();
        if (_peers.TryGetValue(node, out var known))
        {
            if (known.RecoveryTimeStamp != recoveryTimeStamp)
            {
                Restarted(known, recoveryTimeStamp);
            }

            (known.Endpoint, known.Associated, known.HeardAt) = (endpoint, true, now);
        }
        else
        {
            _peers[node] = new PfcpPeer(node, endpoint, recoveryTimeStamp, now);
        }
    }

    /// <summary>Association Update (§6.2.7): features may change; nothing here depends on them, so it is accepted.</summary>
    private (byte[], PfcpCause?) AssociationUpdate(PfcpIeReader ies, PfcpHeader header)
    {
        var fields = NodeMessageFields.Read(ies);
        var cause = fields.Problem is { } problem ? problem.Cause
            : fields.NodeId is not { } node ? PfcpCause.MandatoryIeMissing
            : _peers.TryGetValue(node, out var peer) && peer.Associated ? PfcpCause.RequestAccepted
            : PfcpCause.NoEstablishedPfcpAssociation;
        return (Bytes(new AssociationResponse(PfcpMessageType.AssociationUpdateResponse, _nodeId, cause) { UpFunctionFeatures = Features }.Encode(_scratch, header.SequenceNumber)), cause);
    }

    /// <summary>Association Release (§6.2.8.3): the CP node's sessions go with it.</summary>
    private (byte[], PfcpCause?) AssociationRelease(PfcpIeReader ies, PfcpHeader header)
    {
        var fields = NodeMessageFields.Read(ies);
        var cause = fields.Problem is { } problem ? problem.Cause : fields.NodeId is null ? PfcpCause.MandatoryIeMissing : PfcpCause.NoEstablishedPfcpAssociation;
        if (fields.NodeId is { } node && _peers.Remove(node, out var peer) && peer.Associated)
        {
            SessionsPurged += _sessions.Purge(peer);
            cause = PfcpCause.RequestAccepted;
        }

        return (Bytes(new AssociationResponse(PfcpMessageType.AssociationReleaseResponse, _nodeId, cause).Encode(_scratch, header.SequenceNumber)), cause);
    }

    private (byte[], PfcpCause?) Heartbeat(PfcpIeReader ies, PfcpHeader header, IPEndPoint endpoint)
    {
        if (HeartbeatRequest.TryDecode(ies, out var request, out _) && PeerAt(endpoint) is { } peer)
        {
            peer.HeardAt = _time.GetTimestamp();
            if (peer.RecoveryTimeStamp != request!.RecoveryTimeStamp)
            {
                Restarted(peer, request.RecoveryTimeStamp);
            }
        }

        return (Bytes(new HeartbeatResponse(RecoveryTimeStamp).Encode(_scratch, header.SequenceNumber)), null);
    }

    private (byte[], PfcpCause?) SessionEstablishment(PfcpIeReader ies, PfcpHeader header)
    {
        SessionEstablishmentResponse response;
        var cpSeid = 0UL;
        if (!SessionEstablishmentRequest.TryDecode(ies, out var request, out var problem))
        {
            response = new SessionEstablishmentResponse(_nodeId, problem.Cause) { OffendingIe = problem.OffendingIe };
        }
        else
        {
            cpSeid = request!.CpFSeid.Seid;
            response = _peers.TryGetValue(request.NodeId, out var peer) && peer.Associated
                ? _sessions.Establish(request, peer)
                : new SessionEstablishmentResponse(_nodeId, PfcpCause.NoEstablishedPfcpAssociation);
        }

        return (Bytes(response.Encode(_scratch, cpSeid, header.SequenceNumber)), response.Cause);
    }

    private (byte[], PfcpCause?) SessionModification(PfcpIeReader ies, PfcpHeader header)
    {
        if (!SessionModificationRequest.TryDecode(ies, out var request, out var problem))
        {
            var refusal = new SessionModificationResponse(problem.Cause) { OffendingIe = problem.OffendingIe };
            return (Bytes(refusal.Encode(_scratch, _sessions.Owner(header.Seid)?.CpSeid ?? 0, header.SequenceNumber)), refusal.Cause);
        }

        var (response, cpSeid, change) = _sessions.Modify(header.Seid, request!);
        if (change is { } applied && (applied.EndMarkers.Count > 0 || applied.ReleasedPackets.Count > 0))
        {
            _changes?.Apply(applied);
        }

        return (Bytes(response.Encode(_scratch, cpSeid ?? 0, header.SequenceNumber)), response.Cause);
    }

    private (byte[], PfcpCause?) SessionDeletion(PfcpHeader header)
    {
        var (response, cp) = _sessions.Delete(header.Seid);
        return (Bytes(response.Encode(_scratch, cp ?? 0, header.SequenceNumber)), response.Cause);
    }

    /// <summary>Sends the usage reports to the CP nodes of their sessions, one Session Report Request per session.</summary>
    /// <param name="reports">The reports.</param>
    public void OnUsageReports(IReadOnlyList<UsageReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        foreach (var session in reports.GroupBy(r => r.Seid))
        {
            Report(session.Key, new SessionReportRequest { UsageReports = [.. session] });
        }
    }

    /// <summary>Sends a Downlink Data Report to the session's CP node.</summary>
    /// <param name="seid">The session.</param>
    /// <param name="pdrId">The PDR that matched the buffered packet.</param>
    public void OnDownlinkData(ulong seid, uint pdrId) => Report(seid, new SessionReportRequest { DownlinkDataPdrId = (ushort)pdrId });

    /// <summary>Sends an Error Indication Report for each session that sends to the tunnel the peer does not know.</summary>
    /// <param name="peer">The GTP-U peer.</param>
    /// <param name="teid">Its TEID it does not know.</param>
    public void OnErrorIndication(InetAddress peer, uint teid)
    {
        var remote = FTeid.FromAddress(teid, peer);
        foreach (var seid in _sessions.SendingTo(peer, teid))
        {
            Report(seid, new SessionReportRequest { ErrorIndicationRemoteFTeid = remote });
        }
    }

    /// <summary>Sends a Node Report Request (User Plane Path Failure Report) to every associated CP node.</summary>
    /// <param name="peer">The GTP-U peer whose path failed.</param>
    public void OnGtpPathFailure(InetAddress peer) => NodeReport(new NodeReportRequest(_nodeId) { FailedPeers = [peer] });

    /// <summary>Sends a Node Report Request (User Plane Path Recovery Report) to every associated CP node.</summary>
    /// <param name="peer">The GTP-U peer whose path recovered.</param>
    public void OnGtpPathRecovery(InetAddress peer) => NodeReport(new NodeReportRequest(_nodeId) { RecoveredPeers = [peer] });

    /// <summary>
    /// What to send now: requests queued since the last call, requests due again (T1 passed), and heartbeats to
    /// peers not heard from for a heartbeat interval. Requests past N1 retransmissions are given up; a heartbeat
    /// given up fails its peer. Call it often (every 100 ms suits a T1 of seconds).
    /// </summary>
    /// <returns>The datagrams and where each goes.</returns>
    public IReadOnlyList<(byte[] Datagram, IPEndPoint Destination)> Poll()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var send = new List<(byte[], IPEndPoint)>(_outbox);
            _outbox.Clear();
            foreach (var (sequence, request) in _pending.Where(p => now >= p.Value.DueAt).ToList())
            {
                if (request.Retransmissions >= _options.RequestRetries)
                {
                    _pending.Remove(sequence);
                    RequestsTimedOut++;
                    if (request.Type == PfcpMessageType.HeartbeatRequest && request.Peer is { } silent)
                    {
                        Failed(silent);
                    }

                    if (request.Type == PfcpMessageType.AssociationSetupRequest)
                    {
                        RetryAssociationLater(request.Destination, now);
                    }

                    continue;
                }

                request.Retransmissions++;
                request.DueAt = now + Ticks(_options.RequestTimeout);
                Retransmissions++;
                send.Add((request.Datagram, request.Destination));
            }

            // The CP nodes this user plane is told to associate with: one Association Setup Request at a time each,
            // sent again per T1/N1, and tried again a heartbeat interval (at least T1) after it was refused or unanswered.
            foreach (var target in _cpNodes.Where(t => !t.Pending && now >= t.NextAttemptAt && !IsAssociated(t.Endpoint)))
            {
                target.Pending = true;
                var setup = new AssociationSetupRequest(_nodeId, RecoveryTimeStamp) { UpFunctionFeatures = Features };
                send.Add((Track(PfcpMessageType.AssociationSetupRequest, setup.Encode, target.Endpoint, null), target.Endpoint));
            }

            if (_options.HeartbeatInterval > TimeSpan.Zero)
            {
                foreach (var peer in _peers.Values.Where(p => p.Associated && !p.HeartbeatPending && now - p.HeardAt >= Ticks(_options.HeartbeatInterval)))
                {
                    peer.HeartbeatPending = true;
                    send.Add((Track(PfcpMessageType.HeartbeatRequest, new HeartbeatRequest(RecoveryTimeStamp).Encode, peer.Endpoint, peer), peer.Endpoint));
                }
            }

            return send;
        }
    }

    private void NodeReport(NodeReportRequest report)
    {
        lock (_lock)
        {
            foreach (var peer in _peers.Values.Where(p => p.Associated))
            {
                _outbox.Enqueue((Track(PfcpMessageType.NodeReportRequest, report.Encode, peer.Endpoint, peer), peer.Endpoint));
            }
        }
    }

    private void Report(ulong seid, SessionReportRequest report)
    {
        lock (_lock)
        {
            if (_sessions.Owner(seid) is not { Peer: { Associated: true } peer } owner)
            {
                return; // a session of a node that is gone: there is no one to tell
            }

            var datagram = Track(PfcpMessageType.SessionReportRequest, (buffer, sequence) => report.Encode(buffer, owner.CpSeid, sequence), peer.Endpoint, peer);
            _outbox.Enqueue((datagram, peer.Endpoint));
        }
    }

    /// <summary>An answer to one of our requests: it is no longer pending, and a heartbeat answer says whether the peer restarted.</summary>
    private void Answered(PfcpHeader header, PfcpIeReader ies, IPEndPoint endpoint)
    {
        if (!_pending.TryGetValue(header.SequenceNumber, out var request) || !request.Destination.Address.Equals(endpoint.Address))
        {
            Ignored++; // not an answer to anything we sent to that peer: what we sent stays pending
            return;
        }

        _pending.Remove(header.SequenceNumber);
        if (header.MessageType == PfcpMessageType.AssociationSetupResponse && request.Type == PfcpMessageType.AssociationSetupRequest)
        {
            AssociationAnswered(ies, request.Destination);
            return;
        }

        if (request.Peer is not { } peer)
        {
            return;
        }

        peer.HeardAt = _time.GetTimestamp();
        if (header.MessageType == PfcpMessageType.HeartbeatResponse)
        {
            peer.HeartbeatPending = false;
            if (HeartbeatResponse.TryDecode(ies, out var response, out _) && response!.RecoveryTimeStamp != peer.RecoveryTimeStamp)
            {
                Restarted(peer, response.RecoveryTimeStamp);
            }
        }
    }

    /// <summary>A CP node accepted our Association Setup Request: it is associated as if it had asked (a new start time purges per policy).</summary>
    private void AssociationAnswered(PfcpIeReader ies, IPEndPoint endpoint)
    {
        var now = _time.GetTimestamp();
        if (!AssociationSetupResponse.TryDecode(ies, out var response, out _) || response!.Cause != PfcpCause.RequestAccepted)
        {
            RetryAssociationLater(endpoint, now);
            return;
        }

        Associate(response.NodeId, response.RecoveryTimeStamp, endpoint);

        foreach (var target in _cpNodes.Where(t => t.Endpoint.Equals(endpoint)))
        {
            target.Pending = false;
        }
    }

    private void RetryAssociationLater(IPEndPoint endpoint, long now)
    {
        var wait = Ticks(_options.HeartbeatInterval > _options.RequestTimeout ? _options.HeartbeatInterval : _options.RequestTimeout);
        foreach (var target in _cpNodes.Where(t => t.Endpoint.Equals(endpoint)))
        {
            (target.Pending, target.NextAttemptAt) = (false, now + wait);
        }
    }

    private bool IsAssociated(IPEndPoint endpoint) => _peers.Values.Any(p => p.Associated && p.Endpoint.Address.Equals(endpoint.Address));

    /// <summary>A configured CP node: <c>address</c> or <c>address:port</c>, IPv6 in brackets with a port; 8805 by default.</summary>
    private static IPEndPoint ParseCpNode(string text) =>
        IPAddress.TryParse(text, out var address) ? new IPEndPoint(address, 8805) : IPEndPoint.Parse(text);

    private PfcpPeer? PeerAt(IPEndPoint endpoint) => _peers.Values.FirstOrDefault(p => p.Endpoint.Address.Equals(endpoint.Address));

    /// <summary>The peer started again since it set up its sessions: they are gone on its side.</summary>
    private void Restarted(PfcpPeer peer, uint recoveryTimeStamp)
    {
        PeerRestarts++;
        peer.RecoveryTimeStamp = recoveryTimeStamp;
        if (_options.OnPeerRestart == PeerSessionPolicy.Purge)
        {
            SessionsPurged += _sessions.Purge(peer);
        }
    }

    /// <summary>The peer stopped answering: the association is gone; its sessions stay or go per the policy.</summary>
    private void Failed(PfcpPeer peer)
    {
        PeerFailures++;
        (peer.Associated, peer.HeartbeatPending) = (false, false);
        if (_options.OnPeerFailure == PeerSessionPolicy.Purge)
        {
            SessionsPurged += _sessions.Purge(peer);
        }
    }

    /// <summary>A request of ours: numbered, encoded, and kept pending to be sent again per T1/N1 until answered.</summary>
    /// <returns>The datagram to send now.</returns>
    private byte[] Track(PfcpMessageType type, Func<Span<byte>, uint, int> encode, IPEndPoint destination, PfcpPeer? peer)
    {
        var sequence = NextSequence();
        var datagram = Bytes(encode(_scratch, sequence));
        _pending[sequence] = new PendingRequest(type, datagram, destination, peer, _time.GetTimestamp() + Ticks(_options.RequestTimeout));
        return datagram;
    }

    /// <summary>Sequence numbers are 24 bits; ours skip 0.</summary>
    private uint NextSequence()
    {
        _nextSequence = (_nextSequence % 0xFF_FFFF) + 1;
        return _nextSequence;
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    /// <summary>What the node has received and refused, for its metrics: requests by message type, refusals by type and cause.</summary>
    internal (long[] Received, Dictionary<(PfcpMessageType Type, PfcpCause Cause), long> Refused) Counters()
    {
        lock (_lock)
        {
            return ([.. _received], new Dictionary<(PfcpMessageType, PfcpCause), long>(_refused));
        }
    }

    /// <summary>Counts a request and, when its answer (sent, not empty) refused it, the refusal by cause.</summary>
    private void Count(PfcpMessageType type, byte[] response, PfcpCause? cause)
    {
        _received[(byte)type]++;
        if (response.Length > 0 && cause is { } refused && refused != PfcpCause.RequestAccepted)
        {
            var key = (type, refused);
            _refused[key] = _refused.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>A CP node to associate with, and where its association attempts stand.</summary>
    private sealed class CpNodeTarget(IPEndPoint endpoint)
    {
        public IPEndPoint Endpoint { get; } = endpoint;

        public bool Pending { get; set; }

        public long NextAttemptAt { get; set; }
    }
}
