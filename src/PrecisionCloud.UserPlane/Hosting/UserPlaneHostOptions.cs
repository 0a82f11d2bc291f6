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

    /// <summary>Packets per batch; 64 by default.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>The N6 ports (TUN devices).</summary>
    public IList<N6PortOptions> N6Ports { get; } = [];

    /// <summary>Sessions configured without a control plane.</summary>
    public IList<StaticSessionOptions> StaticSessions { get; } = [];
}
