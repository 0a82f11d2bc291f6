namespace PrecisionCloud.Security.Authorization;

/// <summary>
/// One rule of a policy: subjects with any of <see cref="Roles"/> may (or may not) perform <see cref="Actions"/> on
/// resources of <see cref="ResourceTypes"/> of their own tenant, and, with <see cref="OwnerOnly"/>, only on resources
/// they own. <c>*</c> in types or actions matches any.
/// </summary>
public sealed record PolicyRule
{
    /// <summary>The rule's name, given in every decision it makes.</summary>
    public required string Name { get; init; }

    /// <summary>Allow or deny.</summary>
    public PolicyEffect Effect { get; init; } = PolicyEffect.Allow;

    /// <summary>The roles the rule applies to (any of them).</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>The resource types (for example <c>mec.service</c>), or <c>*</c>.</summary>
    public required IReadOnlyList<string> ResourceTypes { get; init; }

    /// <summary>The actions (for example <c>read</c>, <c>create</c>, <c>update</c>, <c>delete</c>), or <c>*</c>.</summary>
    public required IReadOnlyList<string> Actions { get; init; }

    /// <summary>Whether the rule applies only to resources the subject owns.</summary>
    public bool OwnerOnly { get; init; }
}
