namespace PrecisionCloud.Security.Authorization;

/// <summary>What a rule does when it matches.</summary>
public enum PolicyEffect
{
    /// <summary>Allows the action (unless a matching deny rule refuses it).</summary>
    Allow,

    /// <summary>Refuses the action, whatever allows it.</summary>
    Deny,
}
