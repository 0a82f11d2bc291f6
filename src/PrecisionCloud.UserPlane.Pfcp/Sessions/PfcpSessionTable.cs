using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Pfcp.Node;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Sessions;

/// <summary>
/// The PFCP sessions of one user plane: each gets a local SEID, its CHOOSE F-TEIDs from the pool (PDRs with the
/// same CHOOSE ID share one), and its rules installed in the fast path as one rule set. A session that cannot be
/// installed takes nothing: its TEIDs go back and the answer names the failed rule.
/// </summary>
internal sealed class PfcpSessionTable
{
    private readonly Lock _lock = new();
    private readonly UserPlane _userPlane;
    private readonly NodeId _nodeId;
    private readonly FSeid _localFSeid;
    private readonly InetAddress _n3Address;
    private readonly TeidPool _teids;
    private readonly Dictionary<ulong, Session> _sessions;
    private ulong _nextSeid = 1;

    public PfcpSessionTable(UserPlane userPlane, NodeId nodeId, InetAddress n4Address, InetAddress n3Address, TeidPool teids, InetAddress? n4IPv6Address = null)
    {
        _userPlane = userPlane;
        _nodeId = nodeId;
        _localFSeid = new FSeid(0, n4Address.IsIPv6 ? null : n4Address, n4Address.IsIPv6 ? n4Address : n4IPv6Address);
        _n3Address = n3Address;
        _teids = teids;
        _sessions = new Dictionary<ulong, Session>(userPlane.Options.ExpectedSessions);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _sessions.Count;
            }
        }
    }

    /// <summary>Establishes a session and answers; never throws for a request it cannot honour.</summary>
    public SessionEstablishmentResponse Establish(SessionEstablishmentRequest request, PfcpPeer? peer = null)
    {
        lock (_lock)
        {
            var seid = NextSeid();
            var choices = new TeidChoices(_teids, _n3Address, null);
            var pdrs = new PacketDetectionRule[request.Pdrs.Count];
            for (var i = 0; i < pdrs.Length; i++)
            {
                var pdr = request.Pdrs[i];
                if (choices.Resolve(pdr.Rule, pdr.LocalFTeid) is not { } rule)
                {
                    choices.Abandon();
                    return new SessionEstablishmentResponse(_nodeId, PfcpCause.NoResourcesAvailable);
                }

                pdrs[i] = rule;
            }

            var rules = new SessionRules { Seid = seid, Pdrs = pdrs, Fars = request.Fars, Qers = request.Qers, Urrs = request.Urrs, Bars = request.Bars };
            try
            {
                _userPlane.Establish(rules);
            }
            catch (SessionRulesException exception)
            {
                choices.Abandon();
                return new SessionEstablishmentResponse(_nodeId, PfcpCause.RuleCreationModificationFailure) { FailedRule = FirstFailed(exception) };
            }

            _sessions[seid] = new Session(request.CpFSeid.Seid, peer, choices.Taken, choices.ById);
            return new SessionEstablishmentResponse(_nodeId, PfcpCause.RequestAccepted)
            {
                UpFSeid = _localFSeid with { Seid = seid },
                CreatedPdrs = choices.Created,
            };
        }
    }

    /// <summary>
    /// Modifies a session (§5.2.2.3, §7.5.4): removals, then creations, then updates are applied to the rules it
    /// runs, and the result replaces them in one step. When any part cannot be honoured nothing changes, TEIDs taken
    /// for it go back, and the answer names the rule. Reports asked for (Query URR, QAURR) and those of removed URRs
    /// come back in the answer; End Markers the SMF asked for (SNDEM) and packets no longer buffered come back in
    /// the change for the ports.
    /// </summary>
    public (SessionModificationResponse Response, ulong? CpSeid, SessionChange? Change) Modify(ulong seid, SessionModificationRequest request)
    {
        lock (_lock)
        {
            if (!_sessions.TryGetValue(seid, out var session) || _userPlane.GetRules(seid) is not { } current)
            {
                return (new SessionModificationResponse(PfcpCause.SessionContextNotFound), null, null);
            }

            var choices = new TeidChoices(_teids, _n3Address, session.ChooseIds);
            var outcome = Apply(current, request, choices, out var rules);
            if (outcome is not null)
            {
                choices.Abandon();
                return (outcome, session.CpSeid, null);
            }

            SessionChange change;
            try
            {
                change = _userPlane.Modify(rules!);
            }
            catch (SessionRulesException exception)
            {
                choices.Abandon();
                return (new SessionModificationResponse(PfcpCause.RuleCreationModificationFailure) { FailedRule = FirstFailed(exception) }, session.CpSeid, null);
            }

            if ((request.Flags & SessionModificationIndications.DropBufferedPackets) != 0)
            {
                // DROBU: what was buffered goes nowhere, whether the FAR still buffers or just released it.
                _userPlane.DropBufferedPackets(seid);
                change = change with { ReleasedPackets = [] };
            }

            // TEIDs this user plane chose that no PDR uses any more go back to the pool.
            var teids = new List<uint>();
            foreach (var teid in session.Teids.Concat(choices.Taken))
            {
                if (rules!.Pdrs.Any(p => p.Pdi.LocalTeid == teid))
                {
                    teids.Add(teid);
                }
                else
                {
                    _teids.Return(teid);
                }
            }

            var chooseIds = choices.ById?.Where(c => teids.Contains(c.Teid)).ToArray();
            session = new Session(request.CpFSeid?.Seid ?? session.CpSeid, session.Peer, teids, chooseIds);
            _sessions[seid] = session;

            var reports = new List<Usage.UsageReport>(change.RemovedUrrReports);
            if ((request.Flags & SessionModificationIndications.QueryAllUrrs) != 0 || request.QueryUrrs.Count > 0)
            {
                var asked = (request.Flags & SessionModificationIndications.QueryAllUrrs) != 0 ? null : request.QueryUrrs;
                reports.AddRange(_userPlane.Query(seid, asked));
            }

            var endMarkers = EndMarkersAskedFor(current, request, change);
            return (new SessionModificationResponse(PfcpCause.RequestAccepted) { CreatedPdrs = choices.Created, UsageReports = reports },
                session.CpSeid, change with { EndMarkers = endMarkers });
        }
    }

    /// <summary>
    /// Deletes a session: its rules leave the fast path, its TEIDs go back to the pool, and the answer carries the
    /// final usage report of each URR. The SMF's F-SEID comes back too, for the response header.
    /// </summary>
    public (SessionDeletionResponse Response, ulong? CpSeid) Delete(ulong seid)
    {
        lock (_lock)
        {
            if (!_sessions.Remove(seid, out var session))
            {
                return (new SessionDeletionResponse(PfcpCause.SessionContextNotFound), null);
            }

            var reports = _userPlane.Delete(seid);
            session.ReturnTeids(_teids);
            return (new SessionDeletionResponse(PfcpCause.RequestAccepted) { UsageReports = reports }, session.CpSeid);
        }
    }

    /// <summary>The SMF's SEID of a session and the CP node that set it up, for what is sent about it.</summary>
    public (ulong CpSeid, PfcpPeer? Peer)? Owner(ulong seid)
    {
        lock (_lock)
        {
            return _sessions.TryGetValue(seid, out var session) ? (session.CpSeid, session.Peer) : null;
        }
    }

    /// <summary>Deletes every session a CP node set up (it restarted, failed or released the association).</summary>
    /// <returns>How many.</returns>
    public int Purge(PfcpPeer peer)
    {
        lock (_lock)
        {
            var purged = 0;
            foreach (var (seid, session) in _sessions.Where(s => s.Value.Peer == peer).ToList())
            {
                _sessions.Remove(seid);
                _userPlane.Delete(seid);
                session.ReturnTeids(_teids);
                purged++;
            }

            return purged;
        }
    }

    /// <summary>The sessions that send to a remote tunnel (for an Error Indication Report).</summary>
    public IReadOnlyList<ulong> SendingTo(InetAddress peer, uint teid) => _userPlane.FindSessionsSendingTo(peer, teid);

    /// <summary>The rule set a modification asks for, or the answer that refuses it.</summary>
    private static SessionModificationResponse? Apply(SessionRules current, SessionModificationRequest request, TeidChoices choices, out SessionRules? rules)
    {
        rules = null;
        var pdrs = current.Pdrs.ToList();
        var fars = current.Fars.ToList();
        var qers = current.Qers.ToList();
        var urrs = current.Urrs.ToList();
        var bars = current.Bars.ToList();
        var unknown = Remove(pdrs, request.RemovePdrs.Select(id => (uint)id), static p => p.Id, RuleKind.Pdr)
            ?? Remove(fars, request.RemoveFars, static f => f.Id, RuleKind.Far)
            ?? Remove(qers, request.RemoveQers, static q => q.Id, RuleKind.Qer)
            ?? Remove(urrs, request.RemoveUrrs, static u => u.Id, RuleKind.Urr)
            ?? Remove(bars, request.RemoveBars.Select(id => (uint)id), static b => b.Id, RuleKind.Bar);
        if (unknown is { } missing)
        {
            return Failed(missing);
        }

        foreach (var created in request.CreatePdrs)
        {
            if (choices.Resolve(created.Rule, created.LocalFTeid) is not { } pdr)
            {
                return new SessionModificationResponse(PfcpCause.NoResourcesAvailable);
            }

            pdrs.Add(pdr);
        }

        fars.AddRange(request.CreateFars);
        qers.AddRange(request.CreateQers);
        urrs.AddRange(request.CreateUrrs);
        bars.AddRange(request.CreateBars);

        foreach (var update in request.UpdatePdrs)
        {
            var at = pdrs.FindIndex(p => p.Id == update.Id);
            if (at < 0)
            {
                return Failed((RuleKind.Pdr, update.Id));
            }

            if (choices.Resolve(update.ApplyTo(pdrs[at]), update.LocalFTeid) is not { } pdr)
            {
                return new SessionModificationResponse(PfcpCause.NoResourcesAvailable);
            }

            pdrs[at] = pdr;
        }

        unknown = Update(fars, request.UpdateFars, static f => f.Id, static u => u.Id, static (u, f) => u.ApplyTo(f), RuleKind.Far)
            ?? Update(qers, request.UpdateQers, static q => q.Id, static u => u.Id, static (u, q) => u.ApplyTo(q), RuleKind.Qer)
            ?? Update(urrs, request.UpdateUrrs, static r => r.Id, static u => u.Id, static (u, r) => u.ApplyTo(r), RuleKind.Urr)
            ?? Update(bars, request.UpdateBars, static b => b.Id, static u => u.Id, static (u, _) => u, RuleKind.Bar);
        if (unknown is { } notFound)
        {
            return Failed(notFound);
        }

        rules = current with { Pdrs = pdrs, Fars = fars, Qers = qers, Urrs = urrs, Bars = bars };
        return null;
    }

    private static (RuleKind Kind, uint Id)? Remove<T>(List<T> rules, IEnumerable<uint> ids, Func<T, uint> idOf, RuleKind kind)
    {
        foreach (var id in ids)
        {
            if (rules.RemoveAll(r => idOf(r) == id) == 0)
            {
                return (kind, id);
            }
        }

        return null;
    }

    private static (RuleKind Kind, uint Id)? Update<T, TUpdate>(List<T> rules, IReadOnlyList<TUpdate> updates, Func<T, uint> idOf, Func<TUpdate, uint> updateIdOf,
        Func<TUpdate, T, T> apply, RuleKind kind)
    {
        foreach (var update in updates)
        {
            var id = updateIdOf(update);
            var at = rules.FindIndex(r => idOf(r) == id);
            if (at < 0)
            {
                return (kind, id);
            }

            rules[at] = apply(update, rules[at]);
        }

        return null;
    }

    private static SessionModificationResponse Failed((RuleKind Kind, uint Id) rule) =>
        new(PfcpCause.RuleCreationModificationFailure) { FailedRule = rule };

    private static (RuleKind Kind, uint Id)? FirstFailed(SessionRulesException exception) =>
        exception.Problems.Count > 0 ? (exception.Problems[0].Kind, exception.Problems[0].RuleId) : null;

    /// <summary>
    /// End Markers go only on the old paths of FARs whose Update Forwarding Parameters carried SNDEM (§5.2.2.3.1: a
    /// user plane with EMPU sends them when the SMF asks).
    /// </summary>
    private static List<EndMarkerInstruction> EndMarkersAskedFor(SessionRules before, SessionModificationRequest request, SessionChange change)
    {
        var markers = new List<EndMarkerInstruction>();
        foreach (var update in request.UpdateFars)
        {
            if (update.Forwarding is not { SendEndMarkers: true })
            {
                continue;
            }

            var old = before.Fars.FirstOrDefault(f => f.Id == update.Id)?.Forwarding?.OuterHeaderCreation;
            markers.AddRange(change.EndMarkers.Where(m => old is not null && m.Teid == old.Teid && m.Peer == old.PeerAddress));
        }

        return markers;
    }

    private ulong NextSeid()
    {
        while (_sessions.ContainsKey(_nextSeid) || _nextSeid == 0)
        {
            _nextSeid++;
        }

        return _nextSeid++;
    }

    /// <summary>
    /// What the table keeps of a session besides its rules: the SMF's SEID (its F-SEID's addresses are not needed:
    /// requests about the session go to the SMF's association), the CP node, the TEIDs chosen for it and their CHOOSE
    /// IDs. The usual single chosen TEID is held in fields, without arrays, and the whole is a value kept in the
    /// table itself: a million sessions keep one of these each.
    /// </summary>
    private readonly struct Session
    {
        private readonly uint _teid;
        private readonly short _chooseId = -1;
        private readonly bool _hasTeid;
        private readonly uint[]? _moreTeids;
        private readonly (byte Id, uint Teid)[]? _moreChooseIds;

        public Session(ulong cpSeid, PfcpPeer? peer, IReadOnlyList<uint> teids, IReadOnlyList<(byte Id, uint Teid)>? chooseIds)
        {
            CpSeid = cpSeid;
            Peer = peer;
            chooseIds ??= [];
            if (teids.Count == 1 && (chooseIds.Count == 0 || (chooseIds.Count == 1 && chooseIds[0].Teid == teids[0])))
            {
                (_teid, _hasTeid) = (teids[0], true);
                _chooseId = chooseIds.Count == 1 ? chooseIds[0].Id : (short)-1;
            }
            else if (teids.Count > 0)
            {
                _moreTeids = [.. teids];
                _moreChooseIds = chooseIds.Count > 0 ? [.. chooseIds] : null;
            }
        }

        public ulong CpSeid { get; }

        public PfcpPeer? Peer { get; }

        /// <summary>The TEIDs this user plane chose for the session.</summary>
        public IEnumerable<uint> Teids => _moreTeids ?? (_hasTeid ? [_teid] : []);

        /// <summary>The CHOOSE IDs of those TEIDs, or <see langword="null"/> when none had one.</summary>
        public (byte Id, uint Teid)[]? ChooseIds => _moreTeids is null ? _chooseId >= 0 ? [((byte)_chooseId, _teid)] : null : _moreChooseIds;

        public void ReturnTeids(TeidPool pool)
        {
            foreach (var teid in Teids)
            {
                pool.Return(teid);
            }
        }
    }
}
