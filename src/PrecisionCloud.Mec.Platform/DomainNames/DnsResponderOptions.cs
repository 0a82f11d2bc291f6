namespace PrecisionCloud.Mec.Platform.DomainNames;

/// <summary>Options of the platform's DNS responder (section <c>PrecisionCloud:Mec:Dns</c>).</summary>
public sealed class DnsResponderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "PrecisionCloud:Mec:Dns";

    /// <summary>The address the responder listens on (UDP and TCP).</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The port it listens on (53 needs privileges; 0 picks a free one).</summary>
    public int Port { get; set; } = 53;

    /// <summary>A resolver to forward names no ACTIVE rule answers to (<c>address</c> or <c>address:port</c>); NXDOMAIN when absent.</summary>
    public string? Upstream { get; set; }

    /// <summary>How long to wait for the upstream resolver before answering SERVFAIL.</summary>
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The time to live of answers whose rule gives none, in seconds.</summary>
    public int DefaultTtl { get; set; } = 30;
}
