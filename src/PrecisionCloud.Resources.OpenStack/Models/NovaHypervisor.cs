namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Nova hypervisor (compute node).</summary>
/// <param name="Id">The hypervisor's id (its Placement provider's id from microversion 2.53).</param>
/// <param name="HostName">The node's name (<c>hypervisor_hostname</c>).</param>
/// <param name="ServiceHost">The compute service's host.</param>
/// <param name="State"><c>up</c> or <c>down</c>.</param>
/// <param name="Status"><c>enabled</c> or <c>disabled</c>.</param>
/// <param name="Type">The hypervisor type (<c>QEMU</c>, <c>fake</c>, <c>ironic</c>...).</param>
public sealed record NovaHypervisor(string Id, string HostName, string? ServiceHost, string State, string Status, string? Type);
