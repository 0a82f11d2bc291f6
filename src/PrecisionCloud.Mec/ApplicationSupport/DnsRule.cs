namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>A DNS rule of an application instance (ETSI GS MEC 011 clause 7.1.2.3): a name the platform's resolver answers with the application's address.</summary>
public sealed record DnsRule
{
    /// <summary>The rule's identifier.</summary>
    public required string DnsRuleId { get; init; }

    /// <summary>The fully qualified domain name.</summary>
    public required string DomainName { get; init; }

    /// <summary>The address family of <see cref="IpAddress"/>.</summary>
    public required IpAddressType IpAddressType { get; init; }

    /// <summary>The address the name resolves to.</summary>
    public required string IpAddress { get; init; }

    /// <summary>The time to live of the answer, in seconds.</summary>
    public int? Ttl { get; init; }

    /// <summary>Whether the rule is applied.</summary>
    public required RuleState State { get; init; }
}
