using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Paths;

/// <summary>
/// Watches the GTP-U paths to the peers the sessions send to (TS 29.281 §7.2.1, TS 23.527 §5.2): each tick it asks
/// for an Echo Request to every peer, and a peer that answered none of the last <c>retries + 1</c> has failed; one
/// that answers again has recovered. Each failure and recovery is reported once. Not thread-safe: one tick at a time.
/// </summary>
internal sealed class GtpPathMonitor
{
    private readonly UserPlane _userPlane;
    private readonly int _retries;
    private readonly Dictionary<(InetAddress Address, ushort Port), PathState> _paths = [];

    public GtpPathMonitor(UserPlane userPlane, int retries)
    {
        _userPlane = userPlane;
        _retries = retries;
    }

    /// <summary>One round: the peers to probe now, and the paths that failed or recovered since the last round.</summary>
    public (List<(InetAddress Address, ushort Port)> Probe, List<InetAddress> Failed, List<InetAddress> Recovered) Tick(long now)
    {
        var peers = _userPlane.GetGtpPeers();
        var failed = new List<InetAddress>();
        var recovered = new List<InetAddress>();
        foreach (var gone in _paths.Keys.Where(p => !peers.Contains(p)).ToList())
        {
            _paths.Remove(gone);
            _userPlane.ForgetEcho(gone.Address);
        }

        foreach (var peer in peers)
        {
            if (!_paths.TryGetValue(peer, out var path))
            {
                _paths[peer] = new PathState { ProbedAt = now };
                continue;
            }

            if (_userPlane.EchoHeardAt(peer.Address) >= path.ProbedAt)
            {
                path.Unanswered = 0;
                if (path.Failed)
                {
                    path.Failed = false;
                    recovered.Add(peer.Address);
                }
            }
            else if (++path.Unanswered > _retries && !path.Failed)
            {
                path.Failed = true;
                failed.Add(peer.Address);
            }

            path.ProbedAt = now;
        }

        return ([.. peers], failed, recovered);
    }

    private sealed class PathState
    {
        public long ProbedAt { get; set; }

        public int Unanswered { get; set; }

        public bool Failed { get; set; }
    }
}
