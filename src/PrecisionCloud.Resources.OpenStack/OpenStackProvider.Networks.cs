using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Models;
using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Resources.OpenStack;

public sealed partial class OpenStackProvider
{
    /// <inheritdoc/>
    /// <remarks>
    /// A Neutron network in the tenant's project with a subnet per subnet of the spec (its gateway, DHCP on or off);
    /// subnets the spec no longer has are deleted.
    /// </remarks>
    public async Task<ObservedResource> ApplyNetworkAsync(ResourceDeployment<NetworkSpec> deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var spec = deployment.Spec;
        var scope = await ScopeAsync(spec.Tenant, cancellationToken).ConfigureAwait(false);
        var projectId = await ProjectIdAsync(spec.Tenant, cancellationToken).ConfigureAwait(false);
        var description = OwnershipMarker.Describe(Name, deployment.Uid, deployment.SpecHash);
        var network = await FindNetworkAsync(scope, projectId, spec.Name, cancellationToken).ConfigureAwait(false);
        if (network is null)
        {
            network = await scope.Network.CreateNetworkAsync(spec.Name, OwnershipMarker.Describe(Name, deployment.Uid, string.Empty), cancellationToken).ConfigureAwait(false);
            LogCreated(_logger, "network", spec.Name, network.Id);
        }
        else
        {
            RequireOwned($"network {spec.Name}", network.Description, deployment.Uid);
        }

        var subnets = await ToListAsync(scope.Network.ListSubnetsAsync($"network_id={Uri.EscapeDataString(network.Id)}", cancellationToken)).ConfigureAwait(false);
        foreach (var wanted in spec.Subnets)
        {
            if (!subnets.Any(s => s.Cidr == wanted.Cidr))
            {
                var (gateway, _) = wanted.Resolve();
                await scope.Network.CreateSubnetAsync(network.Id, wanted.Cidr, gateway, wanted.Dhcp, OwnershipMarker.Describe(Name, deployment.Uid, string.Empty), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var extra in subnets.Where(s => !spec.Subnets.Any(w => w.Cidr == s.Cidr)))
        {
            await scope.Network.DeleteSubnetAsync(extra.Id, cancellationToken).ConfigureAwait(false);
        }

        if (network.Description != description)
        {
            await scope.Network.UpdateNetworkDescriptionAsync(network.Id, description, cancellationToken).ConfigureAwait(false);
        }

        return new ObservedResource(deployment.Uid, network.Id, deployment.SpecHash, network.Status != "ERROR",
            network.Status == "ERROR" ? "the network is in ERROR" : null);
    }

    /// <inheritdoc/>
    public async Task DeleteNetworkAsync(string uid, CancellationToken cancellationToken)
    {
        foreach (var network in (await ListOwnNetworksAsync(cancellationToken).ConfigureAwait(false)).Where(n => Marker(n.Description)?.Uid == uid))
        {
            // Ports this provider made on it (of workloads being deleted) go first; Neutron refuses a network in use,
            // and removes its own DHCP ports itself. Nobody else's port is touched.
            await foreach (var port in _client.Network.ListPortsAsync($"network_id={Uri.EscapeDataString(network.Id)}", cancellationToken).ConfigureAwait(false))
            {
                if (Marker(port.Description) is not null)
                {
                    await _client.Network.DeletePortAsync(port.Id, cancellationToken).ConfigureAwait(false);
                }
            }

            await _client.Network.DeleteNetworkAsync(network.Id, cancellationToken).ConfigureAwait(false);
            LogDeleted(_logger, "network", network.Id);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ObservedResource>> ListNetworksAsync(CancellationToken cancellationToken) =>
        [.. (await ListOwnNetworksAsync(cancellationToken).ConfigureAwait(false)).Select(n =>
        {
            var marker = Marker(n.Description)!.Value;
            return new ObservedResource(marker.Uid, n.Id, marker.SpecHash, n.Status != "ERROR", n.Status == "ERROR" ? "the network is in ERROR" : null);
        })];

    /// <inheritdoc/>
    /// <remarks>
    /// A Neutron security group in the tenant's project. Each rule becomes a rule for IPv4 and IPv6 (or for the
    /// family of its remote range); a remote group names another policy of the tenant. A policy without egress
    /// rules keeps Neutron's allow-all egress; with egress rules, only those are allowed out.
    /// </remarks>
    public async Task<ObservedResource> ApplySecurityPolicyAsync(ResourceDeployment<SecurityPolicySpec> deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var spec = deployment.Spec;
        var scope = await ScopeAsync(spec.Tenant, cancellationToken).ConfigureAwait(false);
        var projectId = await ProjectIdAsync(spec.Tenant, cancellationToken).ConfigureAwait(false);
        var groups = await ToListAsync(scope.Network.ListSecurityGroupsAsync($"project_id={Uri.EscapeDataString(projectId)}", cancellationToken)).ConfigureAwait(false);
        var group = groups.FirstOrDefault(g => g.Name == spec.Name);
        if (group is null)
        {
            group = await scope.Network.CreateSecurityGroupAsync(spec.Name, OwnershipMarker.Describe(Name, deployment.Uid, string.Empty), cancellationToken).ConfigureAwait(false);
            LogCreated(_logger, "security group", spec.Name, group.Id);
        }
        else
        {
            RequireOwned($"security group {spec.Name}", group.Description, deployment.Uid);
        }

        var wanted = new List<NeutronSecurityGroupRule>();
        foreach (var rule in spec.Rules)
        {
            string? remoteGroup = null;
            if (rule.RemoteGroup is { } remote)
            {
                remoteGroup = remote == spec.Name ? group.Id
                    : groups.FirstOrDefault(g => g.Name == remote && Marker(g.Description) is not null)?.Id
                    ?? throw new OpenStackNotFoundException("network", $"apply security group {spec.Name}", 404, $"the remote group '{remote}' is not a security policy of tenant '{spec.Tenant}' here yet", null, null);
            }

            var families = rule.RemoteCidr is { } cidr ? [cidr.Contains(':', StringComparison.Ordinal) ? "IPv6" : "IPv4"] : new[] { "IPv4", "IPv6" };
            foreach (var family in families)
            {
                wanted.Add(new NeutronSecurityGroupRule(string.Empty, rule.Direction == TrafficDirection.Egress ? "egress" : "ingress", family,
                    rule.Protocol switch { SecurityRuleProtocol.Tcp => "tcp", SecurityRuleProtocol.Udp => "udp", SecurityRuleProtocol.Icmp => family == "IPv6" ? "ipv6-icmp" : "icmp", _ => null },
                    rule.Protocol is SecurityRuleProtocol.Tcp or SecurityRuleProtocol.Udp ? rule.PortFrom : null,
                    rule.Protocol is SecurityRuleProtocol.Tcp or SecurityRuleProtocol.Udp ? rule.PortTo ?? rule.PortFrom : null,
                    rule.RemoteCidr, remoteGroup));
            }
        }

        if (!spec.Rules.Any(r => r.Direction == TrafficDirection.Egress))
        {
            wanted.Add(new NeutronSecurityGroupRule(string.Empty, "egress", "IPv4", null, null, null, null, null));
            wanted.Add(new NeutronSecurityGroupRule(string.Empty, "egress", "IPv6", null, null, null, null, null));
        }

        // New rules first, then stale ones out: traffic both versions allow never stops during a change.
        foreach (var missing in wanted.Where(w => !group.Rules.Any(r => r.SameTraffic(w))).DistinctBy(w => (w.Direction, w.EtherType, w.Protocol, w.PortRangeMin, w.PortRangeMax, w.RemoteIpPrefix, w.RemoteGroupId)))
        {
            await scope.Network.CreateSecurityGroupRuleAsync(group.Id, missing, cancellationToken).ConfigureAwait(false);
        }

        foreach (var stale in group.Rules.Where(r => !wanted.Any(w => w.SameTraffic(r))))
        {
            await scope.Network.DeleteSecurityGroupRuleAsync(stale.Id, cancellationToken).ConfigureAwait(false);
        }

        var description = OwnershipMarker.Describe(Name, deployment.Uid, deployment.SpecHash);
        if (group.Description != description)
        {
            await scope.Network.UpdateSecurityGroupDescriptionAsync(group.Id, description, cancellationToken).ConfigureAwait(false);
        }

        return new ObservedResource(deployment.Uid, group.Id, deployment.SpecHash, true);
    }

    /// <inheritdoc/>
    public async Task DeleteSecurityPolicyAsync(string uid, CancellationToken cancellationToken)
    {
        foreach (var group in (await ListOwnSecurityGroupsAsync(cancellationToken).ConfigureAwait(false)).Where(g => Marker(g.Description)?.Uid == uid))
        {
            await _client.Network.DeleteSecurityGroupAsync(group.Id, cancellationToken).ConfigureAwait(false);
            LogDeleted(_logger, "security group", group.Id);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ObservedResource>> ListSecurityPoliciesAsync(CancellationToken cancellationToken) =>
        [.. (await ListOwnSecurityGroupsAsync(cancellationToken).ConfigureAwait(false)).Select(g =>
        {
            var marker = Marker(g.Description)!.Value;
            return new ObservedResource(marker.Uid, g.Id, marker.SpecHash, true);
        })];

    private static async Task<NeutronNetwork?> FindNetworkAsync(OpenStackClient scope, string projectId, string name, CancellationToken cancellationToken)
    {
        await foreach (var network in scope.Network.ListNetworksAsync($"project_id={Uri.EscapeDataString(projectId)}&name={Uri.EscapeDataString(name)}", cancellationToken).ConfigureAwait(false))
        {
            return network;
        }

        return null;
    }

    private async Task<List<NeutronNetwork>> ListOwnNetworksAsync(CancellationToken cancellationToken)
    {
        var projects = await OwnProjectIdsAsync(cancellationToken).ConfigureAwait(false);
        return [.. (await ToListAsync(_client.Network.ListNetworksAsync(string.Empty, cancellationToken)).ConfigureAwait(false))
            .Where(n => Marker(n.Description) is not null && n.ProjectId is not null && projects.Contains(n.ProjectId))];
    }

    private async Task<List<NeutronSecurityGroup>> ListOwnSecurityGroupsAsync(CancellationToken cancellationToken)
    {
        var projects = await OwnProjectIdsAsync(cancellationToken).ConfigureAwait(false);
        return [.. (await ToListAsync(_client.Network.ListSecurityGroupsAsync(string.Empty, cancellationToken)).ConfigureAwait(false))
            .Where(g => Marker(g.Description) is not null && g.ProjectId is not null && projects.Contains(g.ProjectId))];
    }
}
