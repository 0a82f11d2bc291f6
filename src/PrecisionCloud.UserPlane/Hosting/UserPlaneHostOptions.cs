namespace PrecisionCloud.UserPlane.Hosting;

/// <summary>The user plane of a site host, bound from <c>PrecisionCloud:UserPlane</c>.</summary>
public sealed class UserPlaneHostOptions
{
    /// <summary>Whether the site runs a user plane; off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>The N3 address to listen on and to send tunnels from; <c>127.0.0.1</c> by default.</summary>
    public string N3Address { get; set; } = "127.0.0.1";

    /// <summary>The GTP-U port; 2152 by default.</summary>
    public int N3Port { get; set; } = 2152;

    /// <summary>N3 workers, each with its own socket on the port (SO_REUSEPORT) and pipeline; 1 by default.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>
    /// The interface to receive N3 on through a PACKET_MMAP ring (see <see cref="Ports.PacketRingReceiver"/>) instead
    /// of the UDP socket; none by default. Several times the socket's rate per worker; needs CAP_NET_RAW, takes IPv4
    /// only, and drops outer IP fragments (counted), so the N3 MTU must carry GTP-U unfragmented.
    /// </summary>
    public string? N3PacketRingInterface { get; set; }

    /// <summary>Frames in each worker's packet ring (with <see cref="N3PacketRingInterface"/>); 8192 by default.</summary>
    public int N3PacketRingFrames { get; set; } = 8192;

    /// <summary>Packets per batch; 64 by default.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>How often each GTP-U peer the sessions send to is sent an Echo Request; 60 s by default (TS 29.281 §7.2.1), zero sends none.</summary>
    public TimeSpan PathEchoInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many Echo Requests in a row a peer may leave unanswered before its path counts as failed; 3 by default.</summary>
    public int PathEchoRetries { get; set; } = 3;

    /// <summary>The N6 ports (TUN devices).</summary>
    public IList<N6PortOptions> N6Ports { get; } = [];

    /// <summary>Sessions configured without a control plane.</summary>
    public IList<StaticSessionOptions> StaticSessions { get; } = [];
}
