using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Node;
using PrecisionCloud.UserPlane.Usage;

namespace PrecisionCloud.UserPlane.Pfcp.Hosting;

/// <summary>
/// Runs the N4 agent in a host next to the user plane: a <see cref="PfcpNode"/> on UDP at the N4 address, whose
/// modifications' End Markers go out through the hosted user plane, and to which the user plane's reports go (this
/// service is the host's <see cref="IUserPlaneReportHandler"/>). Does nothing unless <see cref="PfcpNodeOptions.Enabled"/>.
/// </summary>
internal sealed partial class PfcpService : IHostedService, IUserPlaneReportHandler, IAsyncDisposable
{
    private readonly PfcpNodeOptions _options;
    private readonly UserPlane _userPlane;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ILogger<PfcpService> _logger;
    private PfcpNode? _node;
    private PfcpServer? _server;
    private PfcpServer? _serverIPv6;

    public PfcpService(IOptions<PfcpNodeOptions> options, UserPlane userPlane, ILogger<PfcpService> logger, IServiceProvider services, TimeProvider? time = null)
    {
        _options = options.Value;
        _userPlane = userPlane;
        _services = services;
        _time = time ?? TimeProvider.System;
        _logger = logger;
    }

    /// <summary>The running node, once started.</summary>
    public PfcpNode? Node => _node;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return Task.CompletedTask;
        }

        // The hosted user plane is the change sink and hands its reports to this service: it is looked up now, not
        // injected, so the two can refer to each other.
        var changes = _services.GetService(typeof(ISessionChangeSink)) as ISessionChangeSink;
        var node = new PfcpNode(_userPlane, _options, _time.GetUtcNow(), changes, _time, _services.GetService(typeof(System.Diagnostics.Metrics.IMeterFactory)) as System.Diagnostics.Metrics.IMeterFactory);
        var local = new IPEndPoint(IPAddress.Parse(_options.N4Address), _options.Port);
        _server = Listen(node, local, "N4Address");
        if (_options.N4IPv6Address is { } v6)
        {
            // Each socket answers from the address it was asked on; the node, its sessions and associations are shared.
            _serverIPv6 = Listen(node, new IPEndPoint(IPAddress.Parse(v6), _server.LocalEndPoint.Port), "N4IPv6Address");
        }

        _node = node;
        LogStarted(_logger, _server.LocalEndPoint, PfcpNode.Features);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_serverIPv6 is { } serverIPv6)
        {
            _serverIPv6 = null;
            await serverIPv6.DisposeAsync();
        }

        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync();
        }
    }

    private static PfcpServer Listen(PfcpNode node, IPEndPoint local, string setting)
    {
        try
        {
            return new PfcpServer(node, local);
        }
        catch (SocketException exception)
        {
            throw new InvalidOperationException(
                $"{PfcpNodeOptionsValidator.Prefix}{setting} {local} cannot be bound ({exception.Message}): the address must be configured on an interface of this host and the port free.",
                exception);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    public void OnUsageReports(IReadOnlyList<UsageReport> reports) => _node?.OnUsageReports(reports);

    public void OnDownlinkData(ulong seid, uint pdrId) => _node?.OnDownlinkData(seid, pdrId);

    public void OnErrorIndication(InetAddress peer, uint teid) => _node?.OnErrorIndication(peer, teid);

    public void OnGtpPathFailure(InetAddress peer) => _node?.OnGtpPathFailure(peer);

    public void OnGtpPathRecovery(InetAddress peer) => _node?.OnGtpPathRecovery(peer);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "N4 (PFCP) agent listening on {Endpoint}; UP function features {Features}")]
    private static partial void LogStarted(ILogger logger, IPEndPoint endpoint, InformationElements.UpFunctionFeatures features);
}
