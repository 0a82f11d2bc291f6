using System.ComponentModel.DataAnnotations;

namespace PrecisionCloud.UserPlane.Pfcp.Node;

/// <summary>The N4 side of a user plane: where it listens, who it says it is, and the TEIDs it may hand out.</summary>
public sealed class PfcpNodeOptions
{
    /// <summary>Whether a host runs the N4 agent (<see cref="Microsoft.Extensions.DependencyInjection.PfcpServiceCollectionExtensions"/>); off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>The address to listen on for PFCP (also the user plane's F-SEID address); <c>127.0.0.1</c> by default.</summary>
    [Required]
    public string N4Address { get; set; } = "127.0.0.1";

    /// <summary>
    /// A second address to listen on, IPv6, for SMFs that reach the user plane over IPv6 (the F-SEID then carries
    /// both); none by default.
    /// </summary>
    public string? N4IPv6Address { get; set; }

    /// <summary>The PFCP port; 8805 by default (0 picks a free one, for tests).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 8805;

    /// <summary>
    /// CP nodes (SMFs) this user plane starts the association with, as <c>address</c> or <c>address:port</c>
    /// (<c>[v6]:port</c>); none by default, when SMFs start it. Either side may start an association (TS 29.244 §6.2.6).
    /// </summary>
    public IList<string> CpNodes { get; } = [];

    /// <summary>The Node ID: an address or an FQDN; the N4 address by default.</summary>
    public string? NodeId { get; set; }

    /// <summary>The first TEID handed out for CHOOSE; 0x0001_0000 by default.</summary>
    [Range(1, uint.MaxValue)]
    public uint FirstTeid { get; set; } = 0x0001_0000;

    /// <summary>The last TEID handed out for CHOOSE; 0x00FF_FFFF by default.</summary>
    [Range(1, uint.MaxValue)]
    public uint LastTeid { get; set; } = 0x00FF_FFFF;

    /// <summary>Responses kept to answer retransmitted requests without executing them again; 4096 by default.</summary>
    [Range(16, 1 << 20)]
    public int ResponseCacheSize { get; set; } = 4096;

    /// <summary>T1: how long to wait for the answer to a request this node sent before sending it again; 3 s by default.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>N1: how many times a request is sent again before it is given up; 3 by default.</summary>
    [Range(0, 100)]
    public int RequestRetries { get; set; } = 3;

    /// <summary>How long a peer may stay silent before this node sends it a heartbeat; 10 s by default, zero sends none.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>What happens to a CP node's sessions when it restarted (a new Recovery Time Stamp); purged by default.</summary>
    public PeerSessionPolicy OnPeerRestart { get; set; } = PeerSessionPolicy.Purge;

    /// <summary>What happens to a CP node's sessions when it stops answering heartbeats; kept by default (traffic goes on).</summary>
    public PeerSessionPolicy OnPeerFailure { get; set; } = PeerSessionPolicy.Keep;
}
