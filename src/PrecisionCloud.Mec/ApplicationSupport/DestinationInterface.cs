namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>Where a traffic rule sends matching packets (ETSI GS MEC 011 clause 7.1.5.3).</summary>
public sealed record DestinationInterface
{
    /// <summary>The kind of interface.</summary>
    public required InterfaceType InterfaceType { get; init; }

    /// <summary>The tunnel, when the interface is one.</summary>
    public TunnelInfo? TunnelInfo { get; init; }

    /// <summary>The source MAC address, for a MAC interface.</summary>
    public string? SrcMacAddress { get; init; }

    /// <summary>The destination MAC address, for a MAC interface.</summary>
    public string? DstMacAddress { get; init; }

    /// <summary>The destination IP address, for an IP interface.</summary>
    public string? DstIpAddress { get; init; }
}
