namespace PrecisionCloud.UserPlane.Pfcp.InformationElements;

/// <summary>The kind of a Node ID (3GPP TS 29.244 §8.2.38).</summary>
public enum NodeIdType : byte
{
    /// <summary>An IPv4 address.</summary>
    IPv4 = 0,

    /// <summary>An IPv6 address.</summary>
    IPv6 = 1,

    /// <summary>A fully qualified domain name.</summary>
    Fqdn = 2,
}
