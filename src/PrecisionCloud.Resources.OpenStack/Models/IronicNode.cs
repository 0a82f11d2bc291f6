namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A bare-metal node of Ironic.</summary>
/// <param name="Id">The node's uuid.</param>
/// <param name="Name">The node's name.</param>
/// <param name="ProvisionState"><c>available</c>, <c>active</c>, <c>deploying</c>...</param>
/// <param name="PowerState"><c>power on</c>, <c>power off</c>, or <see langword="null"/>.</param>
/// <param name="ResourceClass">The resource class Nova's flavors ask for (without <c>CUSTOM_</c>).</param>
/// <param name="Maintenance">Whether the node is in maintenance.</param>
/// <param name="InstanceId">The server deployed on it, if any.</param>
public sealed record IronicNode(string Id, string? Name, string ProvisionState, string? PowerState, string? ResourceClass, bool Maintenance, string? InstanceId);
