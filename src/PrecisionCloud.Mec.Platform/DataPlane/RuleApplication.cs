namespace PrecisionCloud.Mec.Platform.DataPlane;

/// <summary>Whether the data plane (or DNS responder) put a rule into effect, and why not when it did not.</summary>
/// <param name="Honoured">Whether the rule is in effect.</param>
/// <param name="Reason">Why it is not, when it is not.</param>
public sealed record RuleApplication(bool Honoured, string? Reason = null)
{
    /// <summary>The rule is in effect.</summary>
    public static RuleApplication InEffect { get; } = new(true);

    /// <summary>The rule cannot be honoured.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The refusal.</returns>
    public static RuleApplication Refused(string reason) => new(false, reason);
}
