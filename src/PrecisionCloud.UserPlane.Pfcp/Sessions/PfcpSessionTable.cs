using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
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
    private readonly InetAddress _n4Address;
    private readonly InetAddress _n3Address;
    private readonly TeidPool _teids;
    private readonly Dictionary<ulong, Session> _sessions = [];
    private ulong _nextSeid = 1;

    public PfcpSessionTable(UserPlane userPlane, NodeId nodeId, InetAddress n4Address, InetAddress n3Address, TeidPool teids)
    {
        _userPlane = userPlane;
        _nodeId = nodeId;
        _n4Address = n4Address;
        _n3Address = n3Address;
        _teids = teids;
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
    public SessionEstablishmentResponse Establish(SessionEstablishmentRequest request)
    {
        lock (_lock)
        {
            var seid = NextSeid();
            var chosen = new Dictionary<byte, uint>();
            var taken = new List<uint>();
            var created = new List<CreatedPdr>();
            var pdrs = new List<PacketDetectionRule>(request.Pdrs.Count);
            foreach (var pdr in request.Pdrs)
            {
                if (pdr.LocalFTeid is not { Choose: true } choose)
                {
                    pdrs.Add(pdr.Rule);
                    continue;
                }

                if (!(choose.ChooseId is { } id && chosen.TryGetValue(id, out var teid)))
                {
                    if (_teids.Take() is not { } fresh)
                    {
                        taken.ForEach(_teids.Return);
                        return new SessionEstablishmentResponse(_nodeId, PfcpCause.NoResourcesAvailable);
                    }

                    teid = fresh;
                    taken.Add(teid);
                    if (choose.ChooseId is { } newId)
                    {
                        chosen[newId] = teid;
                    }
                }

                pdrs.Add(pdr.Rule with { Pdi = pdr.Rule.Pdi with { LocalTeid = teid, LocalAddress = _n3Address } });
                created.Add(new CreatedPdr(pdr.Rule.Id, new FTeid(teid, _n3Address.IsIPv6 ? null : _n3Address, _n3Address.IsIPv6 ? _n3Address : null)));
            }

            var rules = new SessionRules { Seid = seid, Pdrs = pdrs, Fars = request.Fars, Qers = request.Qers, Urrs = request.Urrs };
            try
            {
                _userPlane.Establish(rules);
            }
            catch (SessionRulesException exception)
            {
                taken.ForEach(_teids.Return);
                var failed = exception.Problems.Count > 0 ? exception.Problems[0] : null;
                return new SessionEstablishmentResponse(_nodeId, PfcpCause.RuleCreationModificationFailure)
                {
                    FailedRule = failed is null ? null : (failed.Kind, failed.RuleId),
                };
            }

            _sessions[seid] = new Session(request.CpFSeid, taken);
            return new SessionEstablishmentResponse(_nodeId, PfcpCause.RequestAccepted)
            {
                UpFSeid = new FSeid(seid, _n4Address.IsIPv6 ? null : _n4Address, _n4Address.IsIPv6 ? _n4Address : null),
                CreatedPdrs = created,
            };
        }
    }

    /// <summary>
    /// Deletes a session: its rules leave the fast path, its TEIDs go back to the pool, and the answer carries the
    /// final usage report of each URR. The SMF's F-SEID comes back too, for the response header.
    /// </summary>
    public (SessionDeletionResponse Response, FSeid? CpFSeid) Delete(ulong seid)
    {
        lock (_lock)
        {
            if (!_sessions.Remove(seid, out var session))
            {
                return (new SessionDeletionResponse(PfcpCause.SessionContextNotFound), null);
            }

            var reports = _userPlane.Delete(seid);
            session.Teids.ForEach(_teids.Return);
            return (new SessionDeletionResponse(PfcpCause.RequestAccepted) { UsageReports = reports }, session.CpFSeid);
        }
    }

    /// <summary>The SMF's F-SEID of a session, for the header of what is sent about it.</summary>
    public FSeid? CpFSeid(ulong seid)
    {
        lock (_lock)
        {
            return _sessions.TryGetValue(seid, out var session) ? session.CpFSeid : null;
        }
    }

    private ulong NextSeid()
    {
        while (_sessions.ContainsKey(_nextSeid) || _nextSeid == 0)
        {
            _nextSeid++;
        }

        return _nextSeid++;
    }

    private sealed record Session(FSeid CpFSeid, List<uint> Teids);
}
