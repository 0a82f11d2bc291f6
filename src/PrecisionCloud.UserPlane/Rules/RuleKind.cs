namespace PrecisionCloud.UserPlane.Rules;

/// <summary>The kinds of rules in a <see cref="SessionRules"/>.</summary>
public enum RuleKind
{
    /// <summary>A Packet Detection Rule.</summary>
    Pdr,

    /// <summary>A Forwarding Action Rule.</summary>
    Far,

    /// <summary>A QoS Enforcement Rule.</summary>
    Qer,

    /// <summary>A Usage Reporting Rule.</summary>
    Urr,

    /// <summary>A Buffering Action Rule.</summary>
    Bar,
}
