using System.Net;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Pfcp.Sessions;

namespace PrecisionCloud.UserPlane.Pfcp.Node;

/// <summary>
/// A user plane's PFCP node: answers heartbeats, accepts associations from CP functions, and establishes, modifies
/// and deletes sessions for associated nodes, turning them into fast-path rule sets. A retransmitted request (same peer,
/// same sequence number) gets the response already sent, not a second execution. <see cref="Handle"/> is the whole
/// protocol logic, independent of sockets; <see cref="PfcpServer"/> runs it on UDP.
/// </summary>
public sealed class PfcpNode
{
    private const int MaxResponse = 8192;
    private readonly Lock _lock = new();
    private readonly NodeId _nodeId;
    private readonly PfcpSessionTable _sessions;
    private readonly Dictionary<NodeId, uint> _associations = [];
    private readonly Dictionary<(IPEndPoint Peer, uint Sequence), byte[]> _responses = [];
    private readonly Queue<(IPEndPoint Peer, uint Sequence)> _responseOrder = new();
    private readonly int _cacheSize;
    private readonly byte[] _scratch = new byte[MaxResponse];
    private readonly ISessionChangeSink? _changes;

    /// <summary>Creates the node.</summary>
    /// <param name="userPlane">The fast path its sessions go into.</param>
    /// <param name="options">Its N4 settings.</param>
    /// <param name="recoveryTime">When it started (the Recovery Time Stamp it sends).</param>
    /// <param name="changes">Sends the End Markers and released packets of session modifications; none drops them.</param>
    public PfcpNode(UserPlane userPlane, PfcpNodeOptions options, DateTimeOffset recoveryTime, ISessionChangeSink? changes = null)
    {
        ArgumentNullException.ThrowIfNull(userPlane);
        ArgumentNullException.ThrowIfNull(options);
        var n4 = InetAddress.Parse(options.N4Address);
        _nodeId = options.NodeId is { Length: > 0 } name
            ? (IPAddress.TryParse(name, out var address) ? NodeId.FromAddress(InetAddress.From(address)) : NodeId.FromFqdn(name))
            : NodeId.FromAddress(n4);
        RecoveryTimeStamp = NtpTime.FromDateTimeOffset(recoveryTime);
        _sessions = new PfcpSessionTable(userPlane, _nodeId, n4, userPlane.Options.N3Address, new TeidPool(options.FirstTeid, options.LastTeid));
        _cacheSize = options.ResponseCacheSize;
        _changes = changes;
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
                return [.. _associations.Keys];
            }
        }
    }

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
                return Encode(b => VersionNotSupported(b, header));
            }

            if (status != PfcpDecodeStatus.Ok)
            {
                Ignored++;
                return null;
            }

            var key = (peer, header.SequenceNumber);
            if (IsRequest(header.MessageType) && _responses.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var ies = PfcpMessageReader.ReadIes(datagram, header);
            var response = header.MessageType switch
            {
                PfcpMessageType.HeartbeatRequest => Encode(b => new HeartbeatResponse(RecoveryTimeStamp).Encode(b, header.SequenceNumber)),
                PfcpMessageType.AssociationSetupRequest => AssociationSetup(ies, header),
                PfcpMessageType.SessionEstablishmentRequest => SessionEstablishment(ies, header),
                PfcpMessageType.SessionModificationRequest => SessionModification(ies, header),
                PfcpMessageType.SessionDeletionRequest => SessionDeletion(header),
                _ => null,
            };
            if (response is null)
            {
                Ignored++;
                return null;
            }

            Remember(key, response);
            return response;
        }
    }

    private static bool IsRequest(PfcpMessageType type) => type is PfcpMessageType.HeartbeatRequest or PfcpMessageType.AssociationSetupRequest
        or PfcpMessageType.SessionEstablishmentRequest or PfcpMessageType.SessionModificationRequest or PfcpMessageType.SessionDeletionRequest;

    /// <summary>Encodes into the node's one scratch buffer (requests are handled one at a time) and keeps the exact bytes.</summary>
    private byte[] Encode(Func<byte[], int> encode)
    {
        var length = encode(_scratch);
        return length < 0 ? [] : _scratch[..length];
    }

    /// <summary>Version Not Supported Response (§7.4.4.7): a header only, our version, the request's sequence number.</summary>
    private static int VersionNotSupported(byte[] buffer, PfcpHeader request)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.VersionNotSupportedResponse, request.SequenceNumber);
        return writer.EndMessage();
    }

    private byte[] AssociationSetup(PfcpIeReader ies, PfcpHeader header)
    {
        if (!AssociationSetupRequest.TryDecode(ies, out var request, out var problem))
        {
            return Encode(b => new AssociationSetupResponse(_nodeId, problem.Cause, RecoveryTimeStamp) { UpFunctionFeatures = Features }.Encode(b, header.SequenceNumber));
        }

        // A new association, or the peer restarted (another recovery time): either way it now stands with this time.
        _associations[request!.NodeId] = request.RecoveryTimeStamp;
        return Encode(b => new AssociationSetupResponse(_nodeId, PfcpCause.RequestAccepted, RecoveryTimeStamp) { UpFunctionFeatures = Features }.Encode(b, header.SequenceNumber));
    }

    private byte[] SessionEstablishment(PfcpIeReader ies, PfcpHeader header)
    {
        if (!SessionEstablishmentRequest.TryDecode(ies, out var request, out var problem))
        {
            return Encode(b => new SessionEstablishmentResponse(_nodeId, problem.Cause) { OffendingIe = problem.OffendingIe }.Encode(b, 0, header.SequenceNumber));
        }

        if (!_associations.ContainsKey(request!.NodeId))
        {
            return Encode(b => new SessionEstablishmentResponse(_nodeId, PfcpCause.NoEstablishedPfcpAssociation).Encode(b, request.CpFSeid.Seid, header.SequenceNumber));
        }

        var response = _sessions.Establish(request);
        return Encode(b => response.Encode(b, request.CpFSeid.Seid, header.SequenceNumber));
    }

    private byte[] SessionModification(PfcpIeReader ies, PfcpHeader header)
    {
        if (!SessionModificationRequest.TryDecode(ies, out var request, out var problem))
        {
            var cp = _sessions.CpFSeid(header.Seid);
            return Encode(b => new SessionModificationResponse(problem.Cause) { OffendingIe = problem.OffendingIe }.Encode(b, cp?.Seid ?? 0, header.SequenceNumber));
        }

        var (response, cpFSeid, change) = _sessions.Modify(header.Seid, request!);
        if (change is { } applied && (applied.EndMarkers.Count > 0 || applied.ReleasedPackets.Count > 0))
        {
            _changes?.Apply(applied);
        }

        return Encode(b => response.Encode(b, cpFSeid?.Seid ?? 0, header.SequenceNumber));
    }

    private byte[] SessionDeletion(PfcpHeader header)
    {
        var (response, cp) = _sessions.Delete(header.Seid);
        return Encode(b => response.Encode(b, cp?.Seid ?? 0, header.SequenceNumber));
    }

    private void Remember((IPEndPoint Peer, uint Sequence) key, byte[] response)
    {
        _responses[key] = response;
        _responseOrder.Enqueue(key);
        while (_responseOrder.Count > _cacheSize)
        {
            _responses.Remove(_responseOrder.Dequeue());
        }
    }
}
