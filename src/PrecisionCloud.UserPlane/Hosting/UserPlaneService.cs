using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.UserPlane.Pipeline;
using PrecisionCloud.UserPlane.Ports;

namespace PrecisionCloud.UserPlane.Hosting;

/// <summary>
/// Runs the user plane in a host: opens the N6 TUN ports and the N3 sockets, installs the static sessions, and runs
/// one thread per N3 worker and per N6 port, each with its own pipeline and batches; events from the fast path go
/// to the registered <see cref="IUserPlaneReportHandler"/>s (and the log). Does nothing unless <see cref="UserPlaneHostOptions.Enabled"/>.
/// </summary>
internal sealed partial class UserPlaneService : IHostedService, ISessionChangeSink, IDisposable
{
    private readonly Lock _changes = new();
    private readonly byte[] _endMarker = new byte[64];
    private UserPlanePipeline? _changePipeline;
    private PacketBatch? _changeBatch;
    private readonly UserPlaneHostOptions _options;
    private readonly UserPlane _userPlane;
    private readonly ILogger<UserPlaneService> _logger;
    private readonly List<IN6Port> _n6Ports = [];
    private readonly List<UdpBatchSocket> _n3Sockets = [];
    private readonly List<PacketRingReceiver> _n3Rings = [];
    private readonly List<Thread> _threads = [];
    private readonly CancellationTokenSource _stopping = new();
    private IN6Port?[] _portByIndex = [];
    private Task? _events;
    private int _disposed;

    private readonly IUserPlaneReportHandler[] _handlers;

    public UserPlaneService(IOptions<UserPlaneHostOptions> options, UserPlane userPlane, ILogger<UserPlaneService> logger, IEnumerable<IUserPlaneReportHandler> handlers)
    {
        _handlers = [.. handlers];
        _options = options.Value;
        _userPlane = userPlane;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return Task.CompletedTask;
        }

        foreach (var port in _options.N6Ports)
        {
            var device = new TunDevice(port.TunDevice, port.NetworkInstance);
            _n6Ports.Add(device);
            _userPlane.RegisterN6Port(port.NetworkInstance);
            LinkConfiguration.BringUp(device.Name, port.Routes, _logger);
        }

        // FARs name N6 ports by index (the order network instances were registered); resolve them once, not per packet.
        _portByIndex = [.. _userPlane.N6Ports.Select(name => _n6Ports.Find(p => string.Equals(p.NetworkInstance, name, StringComparison.OrdinalIgnoreCase)))];

        var local = new IPEndPoint(IPAddress.Parse(_options.N3Address), _options.N3Port);
        for (var i = 0; i < _options.Workers; i++)
        {
            try
            {
                _n3Sockets.Add(new UdpBatchSocket(local, _options.BatchSize, reusePort: _options.Workers > 1));
            }
            catch (System.Net.Sockets.SocketException exception)
            {
                throw new InvalidOperationException(
                    $"PrecisionCloud:UserPlane:N3Address {local} cannot be bound ({exception.Message}): the address must be configured on an interface of this host and the port free.",
                    exception);
            }
        }

        if (_options.N3PacketRingInterface is { } ringInterface)
        {
            // Several workers' rings form one fanout group that spreads datagrams by flow hash (a gNB's tunnel stays
            // on one worker, in order).
            var fanoutGroup = _options.Workers > 1 ? (Environment.ProcessId & 0x7FFF) + 1 : 0;
            foreach (var socket in _n3Sockets)
            {
                try
                {
                    _n3Rings.Add(new PacketRingReceiver(ringInterface, local, _options.N3PacketRingFrames, fanoutGroup: fanoutGroup));
                }
                catch (PacketRingException exception)
                {
                    throw new InvalidOperationException($"PrecisionCloud:UserPlane:N3PacketRingInterface '{ringInterface}': {exception.Message}", exception);
                }

                socket.DiscardIncoming();
            }
        }

        ulong seid = 1;
        foreach (var session in _options.StaticSessions)
        {
            _userPlane.Establish(StaticSessionRules.For(session, seid++));
        }

        for (var i = 0; i < _n3Sockets.Count; i++)
        {
            var (socket, ring) = (_n3Sockets[i], i < _n3Rings.Count ? _n3Rings[i] : null);
            Start($"upf-n3-{_threads.Count}", () => RunN3(socket, ring));
        }

        foreach (var port in _n6Ports)
        {
            Start($"upf-n6-{port.NetworkInstance}", () => RunN6(port));
        }

        _events = Task.WhenAll(
            Task.Run(() => PumpEventsAsync(_stopping.Token), CancellationToken.None),
            Task.Run(() => CollectTimeTriggersAsync(_stopping.Token), CancellationToken.None),
            Task.Run(() => MonitorPathsAsync(_stopping.Token), CancellationToken.None));
        var ports = string.Join(", ", _n6Ports.Select(p => p.NetworkInstance));
        LogStarted(_logger, local, _options.Workers, ports, _options.StaticSessions.Count);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(2));
        }

        if (_events is not null)
        {
            await _events.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Closes the ports once, however many registrations of this service the container disposes.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        _n3Rings.ForEach(r => r.Dispose());
        _n3Sockets.ForEach(s => s.Dispose());
        _n6Ports.ForEach(p => p.Dispose());
        _stopping.Dispose();
    }

    /// <summary>
    /// End Markers go to the old peers from the first N3 socket; released packets run through a pipeline of their own
    /// (downlink, as they came from N6) and leave like any other. Before the ports are open there is nothing to send on.
    /// </summary>
    public void Apply(SessionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (_n3Sockets.Count == 0)
        {
            return;
        }

        lock (_changes)
        {
            var socket = _n3Sockets[0];
            foreach (var marker in change.EndMarkers)
            {
                if (Gtp.GtpWriter.TryWriteEndMarker(_endMarker, marker.Teid, null, out var written))
                {
                    socket.SendOne(_endMarker.AsSpan(0, written), marker.Peer, marker.PeerPort);
                }
            }

            if (change.ReleasedPackets.Count == 0)
            {
                return;
            }

            _changePipeline ??= _userPlane.CreatePipeline();
            _changeBatch ??= new PacketBatch(_options.BatchSize, _userPlane.Options.SlotSize, _userPlane.Options.Headroom);
            foreach (var chunk in change.ReleasedPackets.Chunk(_changeBatch.Capacity))
            {
                _changeBatch.Clear();
                foreach (var packet in chunk)
                {
                    _changeBatch.Add(packet);
                }

                _changePipeline.ProcessN6(_changeBatch, Stopwatch.GetTimestamp());
                socket.Send(_changeBatch);
                SendToN6(_changeBatch);
            }
        }
    }

    private void Start(string name, Action loop)
    {
        var thread = new Thread(() => loop()) { IsBackground = true, Name = name };
        _threads.Add(thread);
        thread.Start();
    }

    private void RunN3(UdpBatchSocket socket, PacketRingReceiver? ring)
    {
        var pipeline = _userPlane.CreatePipeline();
        var batch = new PacketBatch(_options.BatchSize, _userPlane.Options.SlotSize, _userPlane.Options.Headroom);
        while (!_stopping.IsCancellationRequested)
        {
            if ((ring?.Receive(batch, 100) ?? socket.Receive(batch, 100)) == 0)
            {
                continue;
            }

            pipeline.ProcessN3(batch, Stopwatch.GetTimestamp());
            socket.Send(batch);
            SendToN6(batch);
        }
    }

    private void RunN6(IN6Port port)
    {
        var pipeline = _userPlane.CreatePipeline();
        var batch = new PacketBatch(_options.BatchSize, _userPlane.Options.SlotSize, _userPlane.Options.Headroom);
        var socket = _n3Sockets[0];
        while (!_stopping.IsCancellationRequested)
        {
            if (port.Receive(batch, 100) == 0)
            {
                continue;
            }

            pipeline.ProcessN6(batch, Stopwatch.GetTimestamp());
            socket.Send(batch);
            SendToN6(batch);
        }
    }

    private void SendToN6(PacketBatch batch)
    {
        var ports = _portByIndex;
        for (var i = 0; i < batch.Count; i++)
        {
            ref var packet = ref batch[i];
            if (packet.Verdict == PacketVerdict.ToN6 && (uint)packet.EgressPort < (uint)ports.Length)
            {
                ports[packet.EgressPort]?.Send(batch.PacketBytes(i));
            }
        }
    }

    /// <summary>Periods, time thresholds and quotas, and stops of traffic are due by time, not by packets: look once a second.</summary>
    private async Task CollectTimeTriggersAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var reports = _userPlane.CollectDueReports();
                if (reports.Count > 0)
                {
                    Usage(reports);
                }
            }
        }

        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// Echo Requests to every GTP-U peer the sessions send to, each <see cref="UserPlaneHostOptions.PathEchoInterval"/>;
    /// a path that fails or recovers is logged and told to the control plane's handlers.
    /// </summary>
    private async Task MonitorPathsAsync(CancellationToken cancellationToken)
    {
        if (_options.PathEchoInterval <= TimeSpan.Zero)
        {
            return;
        }

        var monitor = new Paths.GtpPathMonitor(_userPlane, _options.PathEchoRetries);
        var echo = new byte[16];
        ushort sequence = 0;
        using var timer = new PeriodicTimer(_options.PathEchoInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var (probe, failed, recovered) = monitor.Tick(Stopwatch.GetTimestamp());
                foreach (var peer in failed)
                {
                    LogPathFailure(_logger, peer, _options.PathEchoRetries + 1);
                    Array.ForEach(_handlers, h => h.OnGtpPathFailure(peer));
                }

                foreach (var peer in recovered)
                {
                    LogPathRecovery(_logger, peer);
                    Array.ForEach(_handlers, h => h.OnGtpPathRecovery(peer));
                }

                foreach (var (peer, port) in probe)
                {
                    if (Gtp.GtpWriter.TryWriteEchoRequest(echo, sequence++, out var written))
                    {
                        _n3Sockets[0].SendOne(echo.AsSpan(0, written), peer, port);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Reports go to the control plane's handlers; with none, to the log.</summary>
    private void Usage(IReadOnlyList<PrecisionCloud.UserPlane.Usage.UsageReport> reports)
    {
        foreach (var handler in _handlers)
        {
            handler.OnUsageReports(reports);
        }

        if (_handlers.Length == 0)
        {
            foreach (var report in reports)
            {
                LogUsage(_logger, report.Seid, report.UrrId, report.Trigger, report.UplinkBytes, report.DownlinkBytes);
            }
        }
    }

    private async Task PumpEventsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _userPlane.Events.ReadAllAsync(cancellationToken))
            {
                switch (item.Kind)
                {
                    case UserPlaneEventKind.UsageReportDue:
                        if (_userPlane.CollectReport(item.Seid, item.RuleId) is { } report)
                        {
                            Usage([report]);
                        }

                        break;
                    case UserPlaneEventKind.ErrorIndicationReceived:
                        LogErrorIndication(_logger, item.Peer, item.Teid);
                        Array.ForEach(_handlers, h => h.OnErrorIndication(item.Peer, item.Teid));
                        break;
                    default:
                        LogDownlinkData(_logger, item.Seid, item.RuleId);
                        Array.ForEach(_handlers, h => h.OnDownlinkData(item.Seid, item.RuleId));
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "User plane listening on N3 {Endpoint} with {Workers} workers; N6 ports: {Ports}; {Sessions} static sessions")]
    private static partial void LogStarted(ILogger logger, IPEndPoint endpoint, int workers, string ports, int sessions);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Usage report: session {Seid} URR {UrrId} ({Trigger}): {UplinkBytes} bytes up, {DownlinkBytes} bytes down")]
    private static partial void LogUsage(ILogger logger, ulong seid, uint urrId, PrecisionCloud.UserPlane.Usage.UsageReportTriggers trigger, ulong uplinkBytes, ulong downlinkBytes);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Error Indication from {Peer}: it does not know TEID {Teid}")]
    private static partial void LogErrorIndication(ILogger logger, PrecisionCloud.UserPlane.Packets.InetAddress peer, uint teid);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "GTP-U path to {Peer} failed: {Requests} Echo Requests in a row unanswered")]
    private static partial void LogPathFailure(ILogger logger, PrecisionCloud.UserPlane.Packets.InetAddress peer, int requests);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "GTP-U path to {Peer} recovered")]
    private static partial void LogPathRecovery(ILogger logger, PrecisionCloud.UserPlane.Packets.InetAddress peer);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Downlink data buffered for session {Seid} (PDR {PdrId})")]
    private static partial void LogDownlinkData(ILogger logger, ulong seid, uint pdrId);
}
