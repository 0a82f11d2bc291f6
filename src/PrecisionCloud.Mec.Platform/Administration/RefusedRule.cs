namespace PrecisionCloud.Mec.Platform.Administration;

/// <summary>A rule the data plane (or DNS responder) cannot honour, with the reason.</summary>
/// <param name="RuleId">The traffic or DNS rule.</param>
/// <param name="Reason">Why it cannot be honoured.</param>
public sealed record RefusedRule(string RuleId, string Reason);
