namespace PrecisionCloud.Security.Audit;

/// <summary>A security-relevant event: who did what, on which resource, what was decided and why.</summary>
public sealed record AuditEvent
{
    /// <summary>Who: the authenticated identity (a SPIFFE ID, an OAuth client ID, a user name).</summary>
    public required string Subject { get; init; }

    /// <summary>The tenant the subject acted for, when there is one.</summary>
    public string? Tenant { get; init; }

    /// <summary>What: the action, as a dotted name (for example <c>mec.service.create</c>).</summary>
    public required string Action { get; init; }

    /// <summary>On which resource (a URI path or a resource ID).</summary>
    public required string Resource { get; init; }

    /// <summary>The decision.</summary>
    public required AuditDecision Decision { get; init; }

    /// <summary>Why: the rule that allowed or denied, or the error.</summary>
    public string? Reason { get; init; }

    /// <summary>When; the log's clock fills it in when left at its default.</summary>
    public DateTimeOffset Time { get; init; }
}
