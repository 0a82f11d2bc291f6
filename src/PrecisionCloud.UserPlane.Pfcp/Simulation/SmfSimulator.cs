using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Pfcp.Sessions;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Simulation;

/// <summary>
/// A small SMF for demos and load tests: it associates with a PFCP agent over UDP, establishes sessions of the shape
/// a 5G PDU session has (4 PDRs, 2 FARs, 1 QER, 1 URR; two uplink PDRs share a CHOOSE F-TEID), with a window of
/// requests in flight and an optional offered rate, answers the agent's Session Report Requests and heartbeats, and
/// deletes the sessions afterwards. It measures the establishment rate and latency.
/// </summary>
public sealed class SmfSimulator : IDisposable
{
    private const int Pending = 1 << 16;
    private static readonly FlowDescription UdpToUe = FlowDescription.Parse("permit out 17 from any to assigned");
    private readonly SmfSimulatorOptions _options;
    private readonly Socket _socket;
    private readonly IPEndPoint _agent;
    private readonly NodeId _nodeId;
    private readonly InetAddress _local;
    private readonly long[] _sentAt = new long[Pending];
    private readonly ulong[] _upSeids;
    private readonly List<long> _latencies = [];
    private readonly Dictionary<PfcpCause, int> _rejected = [];
    private readonly SemaphoreSlim _window;
    private TaskCompletionSource<PfcpCause> _associated = new();
    private int _established;
    private int _deleted;
    private int _reports;
    private long _lastAnswer;

    /// <summary>Opens the simulator's socket.</summary>
    /// <param name="options">What to drive.</param>
    public SmfSimulator(SmfSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _agent = IPEndPoint.Parse(options.Agent);
        _local = InetAddress.Parse(options.LocalAddress);
        _nodeId = NodeId.FromAddress(_local);
        _upSeids = new ulong[options.Sessions];
        _window = new SemaphoreSlim(options.Window);
        _socket = new Socket(_agent.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        PrecisionCloud.UserPlane.Ports.UdpBatchSocket.SetReceiveBuffer(_socket, 8 << 20);
        _socket.Bind(new IPEndPoint(IPAddress.Parse(options.LocalAddress), 0));
    }

    /// <summary>
    /// The establishment request of session <paramref name="index"/>: its own CP SEID and UE address, uplink PDRs on
    /// one CHOOSE F-TEID (one with an SDF filter), downlink PDRs on the UE address toward the gNB, a QER with MBR and
    /// QFI, and a URR with a volume threshold.
    /// </summary>
    /// <param name="index">The session's number, from 0.</param>
    /// <param name="smf">The SMF's Node ID.</param>
    /// <param name="smfAddress">The SMF's address (its F-SEID).</param>
    /// <param name="firstUe">The first UE address.</param>
    /// <param name="gnb">The gNB's N3 address.</param>
    /// <param name="networkInstance">The N6 network instance.</param>
    /// <returns>The request.</returns>
    public static SessionEstablishmentRequest SessionRequest(int index, NodeId smf, InetAddress smfAddress, InetAddress firstUe, InetAddress gnb, string networkInstance)
    {
        var ue = InetAddress.FromIPv4(firstUe.IPv4 + (uint)index);
        PdrRequest Pdr(ushort id, bool uplink, FlowDescription? filter) => new(
            new PacketDetectionRule
            {
                Id = id,
                Precedence = filter is null ? 255u : 100u,
                FarId = uplink ? 1u : 2u,
                QerIds = [1],
                UrrIds = [1],
                OuterHeaderRemoval = uplink ? OuterHeaderRemoval.GtpUUdpIPv4 : null,
                Pdi = new PacketDetectionInformation
                {
                    SourceInterface = uplink ? SourceInterface.Access : SourceInterface.Core,
                    NetworkInstance = networkInstance,
                    UeIPv4Address = ue,
                    SdfFilters = filter is null ? [] : [filter],
                    Qfi = uplink ? (byte)9 : null,
                },
            },
            uplink ? FTeid.ChooseIPv4(chooseId: 1) : null);

        return new SessionEstablishmentRequest(smf, new FSeid((ulong)index + 1, smfAddress.IsIPv6 ? null : smfAddress, smfAddress.IsIPv6 ? smfAddress : null))
        {
            Pdrs =
            [
                Pdr(1, uplink: true, UdpToUe),
                Pdr(2, uplink: true, null),
                Pdr(3, uplink: false, UdpToUe),
                Pdr(4, uplink: false, null),
            ],
            Fars =
            [
                new ForwardingActionRule { Id = 1, ApplyAction = ApplyAction.Forward, Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Core, NetworkInstance = networkInstance } },
                new ForwardingActionRule
                {
                    Id = 2,
                    ApplyAction = ApplyAction.Forward,
                    Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Access, OuterHeaderCreation = new OuterHeaderCreation(0x8000_0000u + (uint)index, gnb) },
                },
            ],
            Qers = [new QosEnforcementRule { Id = 1, UplinkMbrKbps = 100_000, DownlinkMbrKbps = 200_000, Qfi = 9 }],
            Urrs = [new UsageReportingRule { Id = 1, ReportingTriggers = ReportingTriggers.VolumeThreshold, VolumeThreshold = new VolumeLimit(1_000_000_000, null, null) }],
            PdnType = 1,
            Dnn = networkInstance,
        };
    }

    /// <summary>Associates, establishes the sessions, and deletes them when asked to.</summary>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>What was measured.</returns>
    /// <exception cref="TimeoutException">The agent did not answer the association.</exception>
    /// <exception cref="InvalidOperationException">The agent refused the association.</exception>
    public async Task<SmfSimulationResult> RunAsync(CancellationToken cancellationToken = default)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = Task.Run(() => ReceiveAsync(stopping.Token), CancellationToken.None);
        try
        {
            await AssociateAsync(cancellationToken).ConfigureAwait(false);
            var firstUe = InetAddress.Parse(_options.FirstUeAddress);
            var gnb = InetAddress.Parse(_options.GnbAddress);
            var buffer = new byte[2048];
            var start = Stopwatch.GetTimestamp();
            var unanswered = 0;
            for (var i = 0; i < _options.Sessions; i++)
            {
                if (_options.Rate > 0)
                {
                    var due = start + (long)(i / _options.Rate * Stopwatch.Frequency);
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                    if (wait > TimeSpan.FromMilliseconds(1))
                    {
                        await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (!await _window.WaitAsync(_options.ResponseTimeout, cancellationToken).ConfigureAwait(false))
                {
                    unanswered++; // a request in flight was lost: its slot is given up and the run goes on
                }

                var sequence = Sequence(i);
                var length = SessionRequest(i, _nodeId, _local, firstUe, gnb, _options.NetworkInstance).Encode(buffer, sequence);
                Volatile.Write(ref _sentAt[sequence % Pending], Stopwatch.GetTimestamp());
                await _socket.SendToAsync(buffer.AsMemory(0, length), SocketFlags.None, _agent, cancellationToken).ConfigureAwait(false);
            }

            unanswered += await DrainAsync(cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(start, Volatile.Read(ref _lastAnswer));
            var (median, p99) = Percentiles();
            if (_options.Delete)
            {
                unanswered += await DeleteAsync(buffer, cancellationToken).ConfigureAwait(false);
            }

            return new SmfSimulationResult
            {
                Established = Volatile.Read(ref _established),
                Rejected = new Dictionary<PfcpCause, int>(_rejected),
                Unanswered = unanswered,
                Deleted = Volatile.Read(ref _deleted),
                EstablishmentTime = elapsed,
                MedianLatency = median,
                P99Latency = p99,
                ReportsReceived = Volatile.Read(ref _reports),
            };
        }
        finally
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _socket.Dispose();
        _window.Dispose();
    }

    /// <summary>Establishments use sequence numbers from 0x100000 on; deletions from 0x800000; the association 1.</summary>
    private static uint Sequence(int index) => 0x10_0000u + (uint)index % 0x70_0000u;

    private async Task AssociateAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        var length = new AssociationSetupRequest(_nodeId, NtpTime.FromDateTimeOffset(DateTimeOffset.UtcNow)).Encode(buffer, 1);
        _associated = new TaskCompletionSource<PfcpCause>(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var attempt = 0; attempt < 3 && !_associated.Task.IsCompleted; attempt++)
        {
            await _socket.SendToAsync(buffer.AsMemory(0, length), SocketFlags.None, _agent, cancellationToken).ConfigureAwait(false);
            await Task.WhenAny(_associated.Task, Task.Delay(_options.ResponseTimeout, cancellationToken)).ConfigureAwait(false);
        }

        if (!_associated.Task.IsCompleted)
        {
            throw new TimeoutException($"The agent at {_agent} did not answer the Association Setup Request.");
        }

        if (_associated.Task.Result != PfcpCause.RequestAccepted)
        {
            throw new InvalidOperationException($"The agent at {_agent} refused the association: {_associated.Task.Result}.");
        }
    }

    /// <summary>Waits until every request in flight is answered or timed out; returns how many timed out.</summary>
    private async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var unanswered = 0;
        for (var i = 0; i < _options.Window; i++)
        {
            if (!await _window.WaitAsync(_options.ResponseTimeout, cancellationToken).ConfigureAwait(false))
            {
                unanswered++;
            }
        }

        _window.Release(_options.Window - unanswered);
        return unanswered;
    }

    private async Task<int> DeleteAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var unanswered = 0;
        for (var i = 0; i < _upSeids.Length; i++)
        {
            if (_upSeids[i] == 0)
            {
                continue;
            }

            if (!await _window.WaitAsync(_options.ResponseTimeout, cancellationToken).ConfigureAwait(false))
            {
                unanswered++;
                continue;
            }

            var length = SessionDeletionRequest.Encode(buffer, _upSeids[i], 0x80_0000u + (uint)i % 0x7F_0000u);
            await _socket.SendToAsync(buffer.AsMemory(0, length), SocketFlags.None, _agent, cancellationToken).ConfigureAwait(false);
        }

        return unanswered + await DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[65535];
        var answer = new byte[256];
        EndPoint any = new IPEndPoint(_agent.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                continue;
            }

            var datagram = buffer.AsSpan(0, received.ReceivedBytes);
            if (PfcpMessageReader.TryReadHeader(datagram, out var header) != PfcpDecodeStatus.Ok)
            {
                continue;
            }

            var reply = Handle(datagram, header, answer);
            if (reply > 0)
            {
                await _socket.SendToAsync(answer.AsMemory(0, reply), SocketFlags.None, received.RemoteEndPoint, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Takes in one message from the agent; returns the length of the answer to send (agent requests), or 0.</summary>
    private int Handle(ReadOnlySpan<byte> datagram, PfcpHeader header, byte[] answer)
    {
        var ies = PfcpMessageReader.ReadIes(datagram, header);
        var cause = ies.TryFind(PfcpIeType.Cause, out var causeIe) && causeIe.Value.Length > 0 ? (PfcpCause)causeIe.Value[0] : PfcpCause.Reserved;
        switch (header.MessageType)
        {
            case PfcpMessageType.AssociationSetupResponse:
                _associated.TrySetResult(cause);
                return 0;
            case PfcpMessageType.SessionEstablishmentResponse:
                var index = (int)(header.Seid - 1);
                if ((ulong)index < (ulong)_upSeids.Length)
                {
                    if (cause == PfcpCause.RequestAccepted && ies.TryFind(PfcpIeType.FSeid, out var fseid) && FSeid.TryRead(fseid.Value, out var up))
                    {
                        _upSeids[index] = up.Seid;
                        Interlocked.Increment(ref _established);
                    }
                    else
                    {
                        lock (_rejected)
                        {
                            _rejected[cause] = _rejected.GetValueOrDefault(cause) + 1;
                        }
                    }

                    var now = Stopwatch.GetTimestamp();
                    lock (_latencies)
                    {
                        _latencies.Add(now - Volatile.Read(ref _sentAt[header.SequenceNumber % Pending]));
                    }

                    Volatile.Write(ref _lastAnswer, now);
                }

                _window.Release();
                return 0;
            case PfcpMessageType.SessionDeletionResponse:
                if (cause == PfcpCause.RequestAccepted)
                {
                    Interlocked.Increment(ref _deleted);
                }

                _window.Release();
                return 0;
            case PfcpMessageType.SessionReportRequest:
                Interlocked.Increment(ref _reports);
                var writer = new PfcpWriter(answer);
                writer.BeginMessage(PfcpMessageType.SessionReportResponse, header.SequenceNumber, header.Seid);
                writer.WriteIe(PfcpIeType.Cause, (byte)PfcpCause.RequestAccepted);
                return writer.EndMessage();
            case PfcpMessageType.HeartbeatRequest:
                return new HeartbeatResponse(NtpTime.FromDateTimeOffset(DateTimeOffset.UtcNow)).Encode(answer, header.SequenceNumber);
            default:
                return 0;
        }
    }

    private (TimeSpan Median, TimeSpan P99) Percentiles()
    {
        lock (_latencies)
        {
            if (_latencies.Count == 0)
            {
                return (TimeSpan.Zero, TimeSpan.Zero);
            }

            _latencies.Sort();
            TimeSpan At(double quantile) => Stopwatch.GetElapsedTime(0, _latencies[(int)Math.Min(_latencies.Count - 1, quantile * _latencies.Count)]);
            return (At(0.5), At(0.99));
        }
    }
}
