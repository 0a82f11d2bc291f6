using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Platform.DataPlane;

namespace PrecisionCloud.Mec.Platform.DomainNames;

/// <summary>
/// The platform's small authoritative DNS responder (UDP and TCP): while an application's DNS rule is ACTIVE, its
/// name resolves to the rule's address (A or AAAA; several rules for one name give several records). Other names
/// go to the upstream resolver when one is configured, or get NXDOMAIN. Messages that are not queries are dropped
/// and counted; malformed queries get FORMERR, other opcodes NOTIMP, other classes REFUSED.
/// </summary>
public sealed partial class MecDnsResponder : IDnsRuleEnforcer, IAsyncDisposable
{
    private const int UdpPayload = 512;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (IPAddress Address, int Ttl)>> _names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _ruleNames = new(StringComparer.Ordinal);
    private readonly DnsResponderOptions _options;
    private readonly ILogger<MecDnsResponder> _logger;
    private readonly IPEndPoint? _upstream;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Counter<long> _queries;
    private readonly Counter<long> _dropped;
    private Socket? _udp;
    private TcpListener? _tcp;
    private Task _serving = Task.CompletedTask;

    /// <summary>Creates the responder (it listens once started).</summary>
    /// <param name="options">Where to listen and what to do with names it does not own.</param>
    /// <param name="meters">Where its instruments go.</param>
    /// <param name="logger">Its logger.</param>
    public MecDnsResponder(IOptions<DnsResponderOptions> options, IMeterFactory meters, ILogger<MecDnsResponder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        _options = options.Value;
        _logger = logger;
        if (_options.Upstream is { Length: > 0 } upstream)
        {
            _upstream = IPEndPoint.TryParse(upstream, out var endpoint)
                ? endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 53) : endpoint
                : throw new ArgumentException($"{DnsResponderOptions.SectionName}:Upstream '{upstream}' is not an address or address:port", nameof(options));
        }

        var meter = meters.Create(MecPlatformMetrics.MeterName);
        _queries = meter.CreateCounter<long>("precisioncloud.mec.dns.queries", description: "DNS queries answered, by response code");
        _dropped = meter.CreateCounter<long>("precisioncloud.mec.dns.dropped", description: "DNS messages dropped (not queries)");
    }

    /// <summary>Where the responder listens for UDP (after <see cref="StartAsync"/>).</summary>
    public IPEndPoint? UdpEndPoint => _udp?.LocalEndPoint as IPEndPoint;

    /// <summary>Where the responder listens for TCP (after <see cref="StartAsync"/>).</summary>
    public IPEndPoint? TcpEndPoint => _tcp?.LocalEndpoint as IPEndPoint;

    /// <summary>Starts listening on UDP and TCP.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the responder listens.</returns>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.Parse(_options.Address);

        // UDP and TCP on one port; with port 0 the system picks a UDP port whose TCP twin may be taken, so try again.
        for (var attempt = 1; ; attempt++)
        {
            _udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            _udp.Bind(new IPEndPoint(address, _options.Port));
            _tcp = new TcpListener(address, ((IPEndPoint)_udp.LocalEndPoint!).Port);
            try
            {
                _tcp.Start();
                break;
            }
            catch (SocketException error) when (error.SocketErrorCode == SocketError.AddressAlreadyInUse && _options.Port == 0 && attempt < 20)
            {
                _udp.Dispose();
            }
            catch
            {
                _udp.Dispose();
                throw;
            }
        }

        _serving = Task.WhenAll(Task.Run(ServeUdpAsync, CancellationToken.None), Task.Run(ServeTcpAsync, CancellationToken.None));
        Log.Listening(_logger, UdpEndPoint!, _upstream?.ToString() ?? "none (NXDOMAIN)");
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<RuleApplication> ApplyAsync(string appInstanceId, DnsRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var name = rule.DomainName.TrimEnd('.').ToLowerInvariant();
        if (!IPAddress.TryParse(rule.IpAddress, out var address))
        {
            return ValueTask.FromResult(RuleApplication.Refused($"'{rule.IpAddress}' is not an IP address"));
        }

        var key = appInstanceId + "\n" + rule.DnsRuleId;
        if (_ruleNames.TryGetValue(key, out var previous) && previous != name && _names.TryGetValue(previous, out var old))
        {
            old.TryRemove(key, out _);
        }

        _ruleNames[key] = name;
        _names.GetOrAdd(name, _ => new ConcurrentDictionary<string, (IPAddress, int)>(StringComparer.Ordinal))[key] = (address, rule.Ttl ?? _options.DefaultTtl);
        return ValueTask.FromResult(RuleApplication.InEffect);
    }

    /// <inheritdoc/>
    public ValueTask WithdrawAsync(string appInstanceId, string dnsRuleId, CancellationToken cancellationToken)
    {
        var key = appInstanceId + "\n" + dnsRuleId;
        if (_ruleNames.TryRemove(key, out var name) && _names.TryGetValue(name, out var records))
        {
            records.TryRemove(key, out _);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Stops listening.</summary>
    /// <returns>A task that completes when the responder has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _udp?.Dispose();
        _tcp?.Stop();
        try
        {
            await _serving.ConfigureAwait(false);
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _stopping.Dispose();
    }

    /// <summary>Answers one message; none (zero length) when it is to be dropped or forwarded.</summary>
    internal int Answer(ReadOnlySpan<byte> query, Span<byte> answer, out bool forward)
    {
        forward = false;
        if (!DnsWire.IsQuery(query))
        {
            _dropped.Add(1);
            return 0;
        }

        var code = DnsWire.TryReadQuestion(query, out var question);
        if (code != DnsWire.NoError)
        {
            return Count(DnsWire.WriteAnswer(query, null, code, false, [], answer), code);
        }

        if (question.Class is not (DnsWire.ClassIn or DnsWire.ClassAny))
        {
            return Count(DnsWire.WriteAnswer(query, question, DnsWire.Refused, false, [], answer), DnsWire.Refused);
        }

        if (!_names.TryGetValue(question.Name, out var owned) || owned.IsEmpty)
        {
            if (_upstream is not null)
            {
                forward = true;
                return 0;
            }

            return Count(DnsWire.WriteAnswer(query, question, DnsWire.NameError, false, [], answer), DnsWire.NameError);
        }

        var records = owned.Values
            .Where(r => question.Type == DnsWire.TypeAny
                || (question.Type == DnsWire.TypeA && r.Address.AddressFamily == AddressFamily.InterNetwork)
                || (question.Type == DnsWire.TypeAaaa && r.Address.AddressFamily == AddressFamily.InterNetworkV6))
            .OrderBy(r => r.Address.ToString(), StringComparer.Ordinal)
            .ToList();
        return Count(DnsWire.WriteAnswer(query, question, DnsWire.NoError, true, records, answer), DnsWire.NoError);
    }

    private int Count(int length, byte code)
    {
        _queries.Add(1, new KeyValuePair<string, object?>("rcode", code));
        return length;
    }

    private async Task ServeUdpAsync()
    {
        var token = _stopping.Token;
        var buffer = new byte[65_535];
        var answer = new byte[UdpPayload];
        EndPoint any = new IPEndPoint(_udp!.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!token.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, any, token).ConfigureAwait(false);
            }
            catch (SocketException error) when (error.SocketErrorCode == SocketError.ConnectionReset)
            {
                continue;
            }

            var query = buffer.AsMemory(0, received.ReceivedBytes);
            var length = Answer(query.Span, answer, out var forward);
            if (forward)
            {
                var copy = query.ToArray();
                _ = Task.Run(() => ForwardAsync(copy, received.RemoteEndPoint, token), CancellationToken.None);
            }
            else if (length > 0)
            {
                await _udp.SendToAsync(answer.AsMemory(0, length), SocketFlags.None, received.RemoteEndPoint, token).ConfigureAwait(false);
            }
        }
    }

    private async Task ForwardAsync(byte[] query, EndPoint client, CancellationToken token)
    {
        var reply = await AskUpstreamAsync(query, token).ConfigureAwait(false);
        await _udp!.SendToAsync(reply, SocketFlags.None, client, token).ConfigureAwait(false);
    }

    /// <summary>The upstream resolver's answer to a query, or SERVFAIL when it does not answer in time.</summary>
    private async Task<byte[]> AskUpstreamAsync(byte[] query, CancellationToken token)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(_options.UpstreamTimeout);
        try
        {
            using var socket = new Socket(_upstream!.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            await socket.ConnectAsync(_upstream, timeout.Token).ConfigureAwait(false);
            await socket.SendAsync(query, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            var buffer = new byte[65_535];
            while (true)
            {
                var length = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                if (length >= 2 && buffer[0] == query[0] && buffer[1] == query[1])
                {
                    _queries.Add(1, new KeyValuePair<string, object?>("rcode", "forwarded"));
                    return buffer[..length];
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException)
        {
            var failure = new byte[UdpPayload];
            DnsWire.TryReadQuestion(query, out var question);
            var length = DnsWire.WriteAnswer(query, question.Name is null ? null : question, DnsWire.ServerFailure, false, [], failure);
            Count(length, DnsWire.ServerFailure);
            return failure[..length];
        }
    }

    private async Task ServeTcpAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            var client = await _tcp!.AcceptTcpClientAsync(token).ConfigureAwait(false);
            _ = Task.Run(() => ServeConnectionAsync(client, token), CancellationToken.None);
        }
    }

    /// <summary>Answers the queries of one TCP connection (each message prefixed by its two-byte length, RFC 7766).</summary>
    private async Task ServeConnectionAsync(TcpClient client, CancellationToken token)
    {
        using (client)
        {
            var stream = client.GetStream();
            var prefix = new byte[2];
            var answer = ArrayPool<byte>.Shared.Rent(65_537);
            try
            {
                while (!token.IsCancellationRequested)
                {
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(token);
                    idle.CancelAfter(TimeSpan.FromSeconds(10));
                    await stream.ReadExactlyAsync(prefix, idle.Token).ConfigureAwait(false);
                    var query = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
                    await stream.ReadExactlyAsync(query, idle.Token).ConfigureAwait(false);
                    var length = Answer(query, answer.AsSpan(2, 65_535), out var forward);
                    byte[]? reply = null;
                    if (forward)
                    {
                        reply = await AskUpstreamAsync(query, token).ConfigureAwait(false);
                        reply.CopyTo(answer, 2);
                        length = reply.Length;
                    }

                    if (length == 0)
                    {
                        return;
                    }

                    BinaryPrimitives.WriteUInt16BigEndian(answer, (ushort)length);
                    await stream.WriteAsync(answer.AsMemory(0, length + 2), token).ConfigureAwait(false);
                }
            }
            catch (Exception error) when (error is OperationCanceledException or IOException or SocketException or EndOfStreamException)
            {
                // The client closed, went idle, or the responder is stopping.
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(answer);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "MEC DNS responder listening on {EndPoint} (UDP and TCP); upstream: {Upstream}")]
        public static partial void Listening(ILogger logger, IPEndPoint endPoint, string upstream);
    }
}
