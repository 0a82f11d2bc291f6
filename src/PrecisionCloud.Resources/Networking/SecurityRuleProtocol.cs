namespace PrecisionCloud.Resources.Networking;

/// <summary>The protocol a security rule matches.</summary>
public enum SecurityRuleProtocol
{
    /// <summary>Any protocol.</summary>
    Any,

    /// <summary>TCP.</summary>
    Tcp,

    /// <summary>UDP.</summary>
    Udp,

    /// <summary>ICMP.</summary>
    Icmp,
}
