namespace PrecisionCloud.Security.Authorization;

/// <summary>A decision and why: the rule that made it, or the reason no rule could.</summary>
/// <param name="IsAllowed">Whether the action is allowed.</param>
/// <param name="Rule">The rule that allowed or denied it, or none (denied by default, across tenants, or by platform administration).</param>
/// <param name="Reason">The explanation, in words.</param>
public sealed record AuthorizationDecision(bool IsAllowed, string? Rule, string Reason);
