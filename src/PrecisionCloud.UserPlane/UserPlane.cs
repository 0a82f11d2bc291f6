using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pipeline;
using PrecisionCloud.UserPlane.Rules;
using PrecisionCloud.UserPlane.Sessions;
using PrecisionCloud.UserPlane.Steering;
using PrecisionCloud.UserPlane.Usage;

namespace PrecisionCloud.UserPlane;

/// <summary>
/// The user plane: sessions and their rules (installed whole and atomically), steering rules for local breakout,
/// usage reports and events for the control plane, and the pipelines that workers run packets through.
/// Control operations are serialized; pipelines read without locks.
/// </summary>
public sealed class UserPlane : IDisposable
{
    /// <summary>The meter the user plane's instruments are on.</summary>
    public const string MeterName = "PrecisionCloud.UserPlane";

    private const int MaxEchoPeers = 65_536;
    private readonly Lock _control = new();
    private readonly Dictionary<ulong, SessionHandle> _sessions;
    private readonly Func<string?, int> _n6PortOf;
    private readonly List<string> _n6Ports = [];
    private readonly List<UserPlanePipeline> _pipelines = [];
    private readonly Channel<UserPlaneEvent> _events = Channel.CreateBounded<UserPlaneEvent>(new BoundedChannelOptions(65_536)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly ClassifierCache _classifiers = new();
    private readonly TimeProvider _time;
    private readonly Meter? _meter;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<InetAddress, long> _echoHeard = new();
    private SteeringTable _steering = SteeringTable.Empty;
    private long _eventsLost;

    /// <summary>Creates a user plane.</summary>
    /// <param name="options">Its options.</param>
    /// <param name="meterFactory">Where to create its instruments; none to skip metrics.</param>
    /// <param name="timeProvider">The clock for usage report times.</param>
    public UserPlane(UserPlaneOptions options, IMeterFactory? meterFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _time = timeProvider ?? TimeProvider.System;
        _sessions = new Dictionary<ulong, SessionHandle>(options.ExpectedSessions);
        _n6PortOf = N6PortOf;
        Teids = new SessionIndex<uint>(options.ExpectedSessions);
        UeIPv4 = new SessionIndex<uint>(options.ExpectedSessions);
        // IPv6 UEs are the exception on most sites: this index grows with use rather than taking memory up front.
        UeIPv6 = new SessionIndex<ulong>();
        RegisterN6Port(options.DefaultNetworkInstance);
        if (meterFactory is not null)
        {
            _meter = meterFactory.Create(MeterName);
            UserPlaneMetrics.Register(_meter, this);
        }
    }

    /// <summary>The options.</summary>
    public UserPlaneOptions Options { get; }

    /// <summary>Sessions installed.</summary>
    public int SessionCount
    {
        get
        {
            lock (_control)
            {
                return _sessions.Count;
            }
        }
    }

    /// <summary>The N6 ports by index: the network instance each serves.</summary>
    public IReadOnlyList<string> N6Ports
    {
        get
        {
            lock (_control)
            {
                return [.. _n6Ports];
            }
        }
    }

    /// <summary>Events from the fast path: usage reports due, downlink data, error indications from peers.</summary>
    public ChannelReader<UserPlaneEvent> Events => _events.Reader;

    /// <summary>Events dropped because nobody read <see cref="Events"/> fast enough.</summary>
    public long EventsLost => Interlocked.Read(ref _eventsLost);

    internal SessionIndex<uint> Teids { get; }

    internal SessionIndex<uint> UeIPv4 { get; }

    internal SessionIndex<ulong> UeIPv6 { get; }

    internal SteeringTable CurrentSteering => Volatile.Read(ref _steering);

    /// <summary>Names an N6 port by the network instance it serves; returns its index (the same index for the same name).</summary>
    /// <param name="networkInstance">The network instance, for example <c>internet</c> or <c>mec</c>.</param>
    /// <returns>The port's index, as <see cref="PacketDescriptor.EgressPort"/> will carry it.</returns>
    /// <exception cref="InvalidOperationException">32,767 ports are named already (compiled rules hold the index in 16 bits).</exception>
    public int RegisterN6Port(string networkInstance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(networkInstance);
        lock (_control)
        {
            var index = _n6Ports.FindIndex(p => string.Equals(p, networkInstance, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }

            if (_n6Ports.Count >= short.MaxValue)
            {
                throw new InvalidOperationException($"At most {short.MaxValue} N6 ports can be named.");
            }

            _n6Ports.Add(networkInstance);
            return _n6Ports.Count - 1;
        }
    }

    /// <summary>Creates a pipeline for one worker.</summary>
    /// <returns>The pipeline.</returns>
    public UserPlanePipeline CreatePipeline()
    {
        var pipeline = new UserPlanePipeline(this);
        lock (_control)
        {
            _pipelines.Add(pipeline);
        }

        return pipeline;
    }

    /// <summary>Installs a new session.</summary>
    /// <param name="rules">Its rules.</param>
    /// <returns>What the ports must do (nothing for a new session).</returns>
    /// <exception cref="SessionRulesException">The rules cannot be installed; nothing was.</exception>
    public SessionChange Establish(SessionRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        lock (_control)
        {
            if (_sessions.ContainsKey(rules.Seid))
            {
                throw new SessionRulesException([new RuleProblem(RuleKind.Pdr, 0, $"session {rules.Seid} exists already")]);
            }

            var compiled = Compile(rules, previous: null);
            var handle = new SessionHandle(rules.Seid, compiled);
            _sessions.Add(rules.Seid, handle);
            Index(handle, compiled, previous: null);
            return new SessionChange(rules.Seid, [], []);
        }
    }

    /// <summary>
    /// Replaces a session's rules as a whole: each packet is matched against the old set or the new one, never a mix
    /// (the set reachable from its TEID or UE address is swapped in one reference write).
    /// </summary>
    /// <param name="rules">The complete new rule set.</param>
    /// <returns>End Markers for switched paths and buffered packets to send now.</returns>
    /// <exception cref="SessionRulesException">The rules cannot be installed; the session keeps its old ones.</exception>
    /// <exception cref="KeyNotFoundException">No such session.</exception>
    public SessionChange Modify(SessionRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        lock (_control)
        {
            if (!_sessions.TryGetValue(rules.Seid, out var handle))
            {
                throw new KeyNotFoundException($"No session {rules.Seid}.");
            }

            var previous = handle.Current;
            var before = previous.DecodeRules();
            var compiled = Compile(rules, previous);
            handle.Publish(compiled);
            Index(handle, compiled, previous);

            var endMarkers = new List<EndMarkerInstruction>();
            foreach (var far in rules.Fars)
            {
                var old = before.Fars.FirstOrDefault(f => f.Id == far.Id)?.Forwarding?.OuterHeaderCreation;
                var updated = far.Forwarding?.OuterHeaderCreation;
                if (old is not null && updated is not null && (old.Teid != updated.Teid || old.PeerAddress != updated.PeerAddress))
                {
                    endMarkers.Add(new EndMarkerInstruction(old.Teid, old.PeerAddress, old.PeerPort));
                }
            }

            var stillBuffering = compiled.Downlink.Any(p => p.Far.Egress == EgressKind.Buffer);
            var released = !stillBuffering && compiled.Buffer is { } buffer ? buffer.Drain() : [];

            // A URR that left the rule set reports what it counted up to now, once: nothing it measured is lost.
            var now = Stopwatch.GetTimestamp();
            var removed = previous.Urrs.Where(u => compiled.Urr(u.Id) is null).Select(u => u.Report(UsageReportTriggers.TerminationReport, now, _time)).ToList();
            return new SessionChange(rules.Seid, endMarkers, released) { RemovedUrrReports = removed };
        }
    }

    /// <summary>The rules a session runs now, as last installed.</summary>
    /// <param name="seid">The session.</param>
    /// <returns>Its rules, or <see langword="null"/> when there is no such session.</returns>
    public SessionRules? GetRules(ulong seid)
    {
        lock (_control)
        {
            return _sessions.TryGetValue(seid, out var handle) ? handle.Current.DecodeRules() : null;
        }
    }

    /// <summary>
    /// The GTP-U peers the sessions send to: the outer header creation of the FARs their PDRs use (forwarding and
    /// duplicating).
    /// </summary>
    /// <returns>The peers' addresses and GTP-U ports, each once.</returns>
    public IReadOnlySet<(InetAddress Address, ushort Port)> GetGtpPeers()
    {
        var peers = new HashSet<(InetAddress, ushort)>();
        lock (_control)
        {
            foreach (var handle in _sessions.Values)
            {
                foreach (var far in handle.Current.Fars())
                {
                    if (far.Egress == EgressKind.Tunnel)
                    {
                        peers.Add((far.PeerAddress, far.PeerPort));
                    }

                    if (far.DuplicateTo is { } duplicating)
                    {
                        peers.Add((duplicating.PeerAddress, duplicating.PeerPort));
                    }
                }
            }
        }

        return peers;
    }

    /// <summary>
    /// Where every session's UE is attached: its IPv4 address and the gNB its downlink is tunnelled to (for location
    /// services). A scan of every session under the control lock: callers poll it at human rates, not per packet.
    /// </summary>
    /// <returns>One attachment per session.</returns>
    public IReadOnlyList<SessionAttachment> GetAttachments()
    {
        lock (_control)
        {
            var attachments = new List<SessionAttachment>(_sessions.Count);
            foreach (var handle in _sessions.Values)
            {
                var session = handle.Current;
                InetAddress? gnb = null;
                foreach (var far in session.Fars())
                {
                    if (far.Egress == EgressKind.Tunnel)
                    {
                        gnb = far.PeerAddress;
                        break;
                    }
                }

                attachments.Add(new SessionAttachment(handle.Seid, session.UeIPv4 is { } ue ? InetAddress.FromIPv4(ue) : null, gnb));
            }

            return attachments;
        }
    }

    /// <summary>
    /// The sessions that tunnel to a remote GTP-U endpoint (a FAR their PDRs use creates that outer header), for
    /// example to report an Error Indication the peer sent about it. A scan of every session: Error Indications are rare.
    /// </summary>
    /// <param name="peer">The remote GTP-U address.</param>
    /// <param name="teid">The remote TEID.</param>
    /// <returns>The sessions' SEIDs.</returns>
    public IReadOnlyList<ulong> FindSessionsSendingTo(InetAddress peer, uint teid)
    {
        var found = new List<ulong>();
        lock (_control)
        {
            foreach (var handle in _sessions.Values)
            {
                foreach (var far in handle.Current.Fars())
                {
                    if (far.Egress == EgressKind.Tunnel && far.PeerTeid == teid && far.PeerAddress == peer)
                    {
                        found.Add(handle.Seid);
                        break;
                    }
                }
            }
        }

        return found;
    }

    /// <summary>When a peer last answered an Echo Request (timestamp ticks), or 0.</summary>
    internal long EchoHeardAt(InetAddress peer) => _echoHeard.TryGetValue(peer, out var at) ? at : 0;

    /// <summary>
    /// Notes an Echo Response. Bounded: Echo Responses from addresses no session sends to (spoofed or stale) cannot grow
    /// the table past <see cref="MaxEchoPeers"/>; the path monitor forgets peers the sessions no longer use.
    /// </summary>
    internal void EchoResponseFrom(InetAddress peer)
    {
        if (_echoHeard.Count < MaxEchoPeers || _echoHeard.ContainsKey(peer))
        {
            _echoHeard[peer] = Stopwatch.GetTimestamp();
        }
    }

    internal void ForgetEcho(InetAddress peer) => _echoHeard.TryRemove(peer, out _);

    /// <summary>Discards the downlink packets buffered for a session (PFCP DROBU).</summary>
    /// <param name="seid">The session.</param>
    /// <returns>How many were discarded.</returns>
    public int DropBufferedPackets(ulong seid)
    {
        lock (_control)
        {
            return _sessions.TryGetValue(seid, out var handle) && handle.Current.Buffer is { } buffer ? buffer.Drain().Count : 0;
        }
    }

    /// <summary>Removes a session and returns the final usage report of each of its URRs.</summary>
    /// <param name="seid">The session.</param>
    /// <returns>The final reports (trigger TERMR).</returns>
    /// <exception cref="KeyNotFoundException">No such session.</exception>
    public IReadOnlyList<UsageReport> Delete(ulong seid)
    {
        lock (_control)
        {
            if (!_sessions.Remove(seid, out var handle))
            {
                throw new KeyNotFoundException($"No session {seid}.");
            }

            var current = handle.Current;
            Unindex(handle, current, keep: null);
            var now = Stopwatch.GetTimestamp();
            return [.. current.Urrs.Select(u => u.Report(UsageReportTriggers.TerminationReport, now, _time))];
        }
    }

    /// <summary>Reports every URR of a session now (an immediate report, as for a PFCP Query URR).</summary>
    /// <param name="seid">The session.</param>
    /// <param name="urrIds">The URRs to report; every one when none.</param>
    /// <returns>The reports.</returns>
    /// <exception cref="KeyNotFoundException">No such session.</exception>
    public IReadOnlyList<UsageReport> Query(ulong seid, IReadOnlyCollection<uint>? urrIds = null)
    {
        lock (_control)
        {
            if (!_sessions.TryGetValue(seid, out var handle))
            {
                throw new KeyNotFoundException($"No session {seid}.");
            }

            var now = Stopwatch.GetTimestamp();
            return [.. handle.Current.Urrs.Where(u => urrIds is null || urrIds.Contains(u.Id)).Select(u => u.Report(UsageReportTriggers.ImmediateReport, now, _time))];
        }
    }

    /// <summary>
    /// Makes the reports that are due: thresholds and quotas the fast path raised, and periods, time thresholds,
    /// time quotas and stops of traffic that time brought. Call it when a <see cref="UserPlaneEventKind.UsageReportDue"/>
    /// event arrives and on a timer (once a second suits periods of seconds).
    /// </summary>
    /// <returns>The reports.</returns>
    public IReadOnlyList<UsageReport> CollectDueReports()
    {
        var reports = new List<UsageReport>();
        lock (_control)
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var handle in _sessions.Values)
            {
                foreach (var urr in handle.Current.Urrs)
                {
                    var due = urr.TimeTriggers(now);
                    if (due != UsageReportTriggers.None)
                    {
                        reports.Add(urr.Report(due, now, _time));
                    }
                }
            }
        }

        return reports;
    }

    /// <summary>
    /// Makes the report a <see cref="UserPlaneEventKind.UsageReportDue"/> event asks for: only that session's URR,
    /// so reacting to events stays cheap with a million sessions (time-based triggers come from
    /// <see cref="CollectDueReports"/> on a timer).
    /// </summary>
    /// <param name="seid">The session the event names.</param>
    /// <param name="urrId">The URR the event names.</param>
    /// <returns>The report, or none when the session or URR is gone or nothing is due any more.</returns>
    public UsageReport? CollectReport(ulong seid, uint urrId)
    {
        lock (_control)
        {
            if (!_sessions.TryGetValue(seid, out var handle) || handle.Current.Urr(urrId) is not { } urr)
            {
                return null;
            }

            var now = Stopwatch.GetTimestamp();
            var due = urr.TimeTriggers(now);
            return due == UsageReportTriggers.None ? null : urr.Report(due, now, _time);
        }
    }

    /// <summary>Replaces the steering (local breakout) rules as a whole.</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>The rules that cannot be honoured; when there is any, nothing changed.</returns>
    public IReadOnlyList<RuleProblem> SetSteeringRules(IReadOnlyList<SteeringRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        lock (_control)
        {
            var table = SteeringTable.Build(rules, N6PortOf, out var problems);
            if (problems.Count == 0)
            {
                Volatile.Write(ref _steering, table);
            }

            return problems;
        }
    }

    /// <summary>The counters of every pipeline, summed.</summary>
    /// <returns>The statistics.</returns>
    public UserPlaneStatistics GetStatistics()
    {
        UserPlanePipeline[] pipelines;
        lock (_control)
        {
            pipelines = [.. _pipelines];
        }

        long Sum(CounterId id) => pipelines.Sum(p => p.Counters.Read(id));
        var drops = new Dictionary<DropReason, long>();
        foreach (var reason in Enum.GetValues<DropReason>())
        {
            var count = pipelines.Sum(p => p.Counters.ReadDrops(reason));
            if (count > 0)
            {
                drops[reason] = count;
            }
        }

        return new UserPlaneStatistics
        {
            N3ReceivedPackets = Sum(CounterId.N3ReceivedPackets),
            N3ReceivedBytes = Sum(CounterId.N3ReceivedBytes),
            N3SentPackets = Sum(CounterId.N3SentPackets),
            N3SentBytes = Sum(CounterId.N3SentBytes),
            N6ReceivedPackets = Sum(CounterId.N6ReceivedPackets),
            N6ReceivedBytes = Sum(CounterId.N6ReceivedBytes),
            N6SentPackets = Sum(CounterId.N6SentPackets),
            N6SentBytes = Sum(CounterId.N6SentBytes),
            UplinkPdrHits = Sum(CounterId.UplinkPdrHits),
            DownlinkPdrHits = Sum(CounterId.DownlinkPdrHits),
            SteeringHits = Sum(CounterId.SteeringHits),
            EchoRequests = Sum(CounterId.EchoRequests),
            ErrorIndicationsSent = Sum(CounterId.ErrorIndicationsSent),
            Drops = drops,
        };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _events.Writer.TryComplete();
        _meter?.Dispose();
    }

    internal void Raise(in UserPlaneEvent userPlaneEvent)
    {
        if (!_events.Writer.TryWrite(userPlaneEvent))
        {
            Interlocked.Increment(ref _eventsLost);
        }
    }

    internal int N6PortOf(string? networkInstance)
    {
        var name = string.IsNullOrEmpty(networkInstance) ? Options.DefaultNetworkInstance : networkInstance;
        for (var i = 0; i < _n6Ports.Count; i++)
        {
            if (string.Equals(_n6Ports[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private CompiledSession Compile(SessionRules rules, CompiledSession? previous)
    {
        var problems = SessionRulesValidator.Problems(rules);
        for (var i = 0; i < rules.Pdrs.Count; i++)
        {
            var pdr = rules.Pdrs[i];
            if (pdr.Pdi.LocalTeid is { } teid && Teids.Find(teid) is { } owner && owner.Seid != rules.Seid)
            {
                problems.Add(new RuleProblem(RuleKind.Pdr, pdr.Id, $"TEID {teid} belongs to session {owner.Seid}"));
            }

            if (pdr.Pdi.UeIPv4Address is { } v4 && UeIPv4.Find(v4.IPv4) is { } other && other.Seid != rules.Seid)
            {
                problems.Add(new RuleProblem(RuleKind.Pdr, pdr.Id, $"UE address {v4} belongs to session {other.Seid}"));
            }

            if (pdr.Pdi.UeIPv6Address is { } v6 && UeIPv6.Find((ulong)(v6.Value >> 64)) is { } other6 && other6.Seid != rules.Seid)
            {
                problems.Add(new RuleProblem(RuleKind.Pdr, pdr.Id, $"UE prefix {v6}/64 belongs to session {other6.Seid}"));
            }
        }

        for (var i = 0; i < rules.Fars.Count; i++)
        {
            var far = rules.Fars[i];
            if (far.Forwarding is { OuterHeaderCreation: null } forwarding && (far.ApplyAction & ApplyAction.Forward) != 0 && N6PortOf(forwarding.NetworkInstance) < 0)
            {
                problems.Add(new RuleProblem(RuleKind.Far, far.Id, $"no N6 port serves network instance '{forwarding.NetworkInstance}'"));
            }

            if (far.Forwarding?.OuterHeaderCreation is { PeerAddress.IsIPv6: true } && Options.N3IPv6Address is null)
            {
                problems.Add(new RuleProblem(RuleKind.Far, far.Id, "the peer is IPv6 but this user plane has no IPv6 N3 address"));
            }
        }

        if (problems.Count > 0)
        {
            throw new SessionRulesException(problems);
        }

        return SessionCompiler.Compile(rules, previous, Options, _n6PortOf, _classifiers, Stopwatch.GetTimestamp());
    }

    private void Index(SessionHandle handle, CompiledSession compiled, CompiledSession? previous)
    {
        for (var group = 0; group < compiled.UplinkGroupCount; group++)
        {
            var (teid, pdrs) = compiled.UplinkGroup(group);
            Teids.Set(teid, handle, pdrs);
        }

        if (compiled.UeIPv4 is { } v4)
        {
            UeIPv4.Set(v4, handle, compiled.Downlink);
        }

        if (compiled.UeIPv6Prefix is { } v6)
        {
            UeIPv6.Set(v6, handle, compiled.Downlink);
        }

        if (previous is not null)
        {
            Unindex(handle, previous, keep: compiled);
        }
    }

    private void Unindex(SessionHandle handle, CompiledSession old, CompiledSession? keep)
    {
        for (var group = 0; group < old.UplinkGroupCount; group++)
        {
            var teid = old.UplinkGroup(group).Teid;
            if (keep?.UplinkFor(teid) is null)
            {
                Teids.Remove(teid, handle);
            }
        }

        if (old.UeIPv4 is { } v4 && keep?.UeIPv4 != v4)
        {
            UeIPv4.Remove(v4, handle);
        }

        if (old.UeIPv6Prefix is { } v6 && keep?.UeIPv6Prefix != v6)
        {
            UeIPv6.Remove(v6, handle);
        }
    }
}
