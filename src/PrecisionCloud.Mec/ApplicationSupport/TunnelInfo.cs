namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>The tunnel of a destination interface (ETSI GS MEC 011 clause 7.1.5.4).</summary>
/// <param name="TunnelType">The kind of tunnel.</param>
/// <param name="TunnelDstAddress">The tunnel's destination address.</param>
/// <param name="TunnelSrcAddress">The tunnel's source address.</param>
public sealed record TunnelInfo(TunnelType TunnelType, string? TunnelDstAddress = null, string? TunnelSrcAddress = null);
