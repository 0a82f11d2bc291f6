namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Nova server group.</summary>
/// <param name="Id">The group's id.</param>
/// <param name="Name">The group's name.</param>
/// <param name="Policy">The policy: <c>anti-affinity</c>, <c>affinity</c>, <c>soft-anti-affinity</c>...</param>
/// <param name="Members">The servers in the group.</param>
public sealed record NovaServerGroup(string Id, string Name, string Policy, IReadOnlyList<string> Members);
