namespace PrecisionCloud.Security.Audit;

/// <summary>What was decided about the action an audit event records.</summary>
public enum AuditDecision
{
    /// <summary>The action was allowed (and carried out).</summary>
    Allow,

    /// <summary>The action was refused.</summary>
    Deny,
}
