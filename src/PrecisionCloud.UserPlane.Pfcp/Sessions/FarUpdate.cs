using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Sessions;

/// <summary>An Update FAR (3GPP TS 29.244 §7.5.4.3): a new apply action, forwarding and duplicating parameters changed field by field, a new BAR.</summary>
/// <param name="Id">The FAR to change.</param>
public sealed record FarUpdate(uint Id)
{
    /// <summary>A new apply action.</summary>
    public ApplyAction? ApplyAction { get; init; }

    /// <summary>Update Forwarding Parameters.</summary>
    public ForwardingParametersUpdate? Forwarding { get; init; }

    /// <summary>Update Duplicating Parameters.</summary>
    public ForwardingParametersUpdate? Duplicating { get; init; }

    /// <summary>A new BAR.</summary>
    public byte? BarId { get; init; }

    /// <summary>The rule with this update applied.</summary>
    /// <param name="rule">The rule as it stands.</param>
    /// <returns>The changed rule.</returns>
    public ForwardingActionRule ApplyTo(ForwardingActionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Apply(rule, rule.Id);
    }

    /// <summary>The rule a Create FAR with these fields makes (its apply action is known to be present), in one allocation.</summary>
    internal ForwardingActionRule ToRule() => Apply(Blank, Id);

    private ForwardingActionRule Apply(ForwardingActionRule rule, uint id) =>
        rule with
        {
            Id = id,
            ApplyAction = ApplyAction ?? rule.ApplyAction,
            Forwarding = Forwarding is { } forwarding ? forwarding.ApplyTo(rule.Forwarding) : rule.Forwarding,
            Duplicating = Duplicating is { } duplicating ? duplicating.ApplyTo(rule.Duplicating) : rule.Duplicating,
            BarId = BarId ?? rule.BarId,
        };

    private static readonly ForwardingActionRule Blank = new() { Id = 0, ApplyAction = default };
}
