namespace PrecisionCloud.UserPlane.Rules;

/// <summary>Why a rule cannot be installed: the rule (for PFCP's Failed Rule ID) and the reason.</summary>
/// <param name="Kind">The kind of rule.</param>
/// <param name="RuleId">The rule's ID.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record RuleProblem(RuleKind Kind, uint RuleId, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind} {RuleId}: {Message}";
}
