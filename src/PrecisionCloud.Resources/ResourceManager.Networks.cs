using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources;

public sealed partial class ResourceManager
{
    private static readonly ResourceQuantities NetworkQuota = new(0, 0, 0, 0, 0, 1, 0);

    /// <summary>Creates or changes a network. A subnet change must keep every address in use.</summary>
    /// <param name="spec">The network.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <returns>The network as stored.</returns>
    /// <exception cref="ResourceValidationException">The spec is invalid (names, prefixes, gateways, overlapping subnets).</exception>
    /// <exception cref="QuotaExceededException">The tenant may hold no more networks.</exception>
    /// <exception cref="ResourceConflictException">A subnet change would strand addresses in use, or the network is being deleted.</exception>
    public Task<Network> ApplyNetworkAsync(NetworkSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec = Copy(spec, ResourcesJsonContext.Default.NetworkSpec);
        ResourceNames.Validate("name", spec.Name);
        if (spec.Subnets.Count == 0)
        {
            throw new ResourceValidationException("subnets", "a network needs at least one subnet");
        }

        var parsed = spec.Subnets.Select(AddressPool.Subnet.Parse).ToArray();
        for (var i = 0; i < parsed.Length; i++)
        {
            for (var j = i + 1; j < parsed.Length; j++)
            {
                if (parsed[i].Contains(parsed[j].Network) || parsed[j].Contains(parsed[i].Network))
                {
                    throw new ResourceValidationException("subnets", $"{parsed[i].Cidr} and {parsed[j].Cidr} overlap");
                }
            }
        }

        return WriteAsync(() =>
        {
            RequireTenant(spec.Tenant);
            var key = $"{spec.Tenant}/{spec.Name}";
            if (!_providers.OfType<INetworkProvider>().Any(p => p.Capabilities.Networks))
            {
                throw new ResourceValidationException("network", "no provider of this site realises networks");
            }

            Network network;
            if (_networks.TryGetValue(key, out var existing))
            {
                if (existing.Deleting)
                {
                    throw new ResourceConflictException($"network '{key}' is being deleted");
                }

                if (SameJson(existing.Spec, spec, ResourcesJsonContext.Default.NetworkSpec))
                {
                    return existing;
                }

                if (!_addresses[key].AllFit(spec.Subnets))
                {
                    throw new ResourceConflictException($"network '{key}': the new subnets leave addresses in use outside them");
                }

                network = existing with { Spec = spec, Generation = existing.Generation + 1, Status = existing.Status with { Ready = false, Events = AddEvent(existing.Status.Events, "Updated", "subnets changed") } };
            }
            else
            {
                _quotas.Apply(spec.Tenant, NetworkQuota);
                network = new Network { Uid = NewUid(), Spec = spec, Status = new ResourceStatus { Events = AddEvent([], "Created", "network created") } };
            }

            try
            {
                Commit(ResourceKind.Network, key, existing is null ? ResourceChangeType.Added : ResourceChangeType.Modified, existing is null ? "Created" : "Updated", network);
            }
            catch
            {
                if (existing is null)
                {
                    _quotas.Apply(spec.Tenant, Negate(NetworkQuota));
                }

                throw;
            }

            var pool = new AddressPool(spec.Subnets);
            if (existing is not null)
            {
                foreach (var workload in _workloads.Values)
                {
                    foreach (var address in workload.Status.Addresses.GetValueOrDefault(spec.Name) ?? [])
                    {
                        if (workload.Spec.Tenant == spec.Tenant)
                        {
                            pool.Claim(address);
                        }
                    }
                }
            }

            _addresses[key] = pool;
            _networks[key] = network;
            Wake();
            return network;
        }, cancellationToken);
    }

    /// <summary>Deletes a network; refused while a workload attaches it.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="name">The network's name.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <exception cref="ResourceNotFoundException">No such network.</exception>
    /// <exception cref="ResourceConflictException">A workload attaches it.</exception>
    public Task DeleteNetworkAsync(string tenant, string name, CancellationToken cancellationToken) => WriteAsync(() =>
    {
        var key = $"{tenant}/{name}";
        var network = _networks.GetValueOrDefault(key) ?? throw new ResourceNotFoundException(ResourceKind.Network, key);
        var user = _workloads.Values.FirstOrDefault(w => w.Spec.Tenant == tenant && w.Spec.Networks.Any(n => n.Network == name));
        if (user is not null)
        {
            throw new ResourceConflictException($"network '{key}' is attached to workload '{user.Key}'");
        }

        if (!network.Deleting)
        {
            network = network with { Deleting = true, Status = network.Status with { Events = AddEvent(network.Status.Events, "Deleting", "deletion requested") } };
            Commit(ResourceKind.Network, key, ResourceChangeType.Modified, "Deleting", network);
            _networks[key] = network;
            Wake();
        }

        return true;
    }, cancellationToken);

    /// <summary>A network, or <see langword="null"/>.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="name">The network's name.</param>
    public Network? GetNetwork(string tenant, string name) => Read(() => _networks.GetValueOrDefault($"{tenant}/{name}"));

    /// <summary>Every network, or a tenant's, by key.</summary>
    /// <param name="tenant">The tenant, or <see langword="null"/> for all.</param>
    public IReadOnlyList<Network> ListNetworks(string? tenant = null) => Read(() => Filter(_networks.Values, tenant, n => n.Spec.Tenant, n => n.Key));

    /// <summary>Creates or changes a security policy; workloads that name it are brought in line.</summary>
    /// <param name="spec">The policy.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <returns>The policy as stored.</returns>
    /// <exception cref="ResourceValidationException">A rule is invalid.</exception>
    public Task<SecurityPolicy> ApplySecurityPolicyAsync(SecurityPolicySpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec = Copy(spec, ResourcesJsonContext.Default.SecurityPolicySpec);
        ResourceNames.Validate("name", spec.Name);
        for (var i = 0; i < spec.Rules.Count; i++)
        {
            ValidateRule($"rules[{i}]", spec.Rules[i]);
        }

        return WriteAsync(() =>
        {
            RequireTenant(spec.Tenant);
            var key = $"{spec.Tenant}/{spec.Name}";
            SecurityPolicy policy;
            if (_policies.TryGetValue(key, out var existing))
            {
                if (existing.Deleting)
                {
                    throw new ResourceConflictException($"security policy '{key}' is being deleted");
                }

                if (SameJson(existing.Spec, spec, ResourcesJsonContext.Default.SecurityPolicySpec))
                {
                    return existing;
                }

                policy = existing with { Spec = spec, Generation = existing.Generation + 1, Status = existing.Status with { Ready = false, Events = AddEvent(existing.Status.Events, "Updated", "rules changed") } };
            }
            else
            {
                policy = new SecurityPolicy { Uid = NewUid(), Spec = spec, Status = new ResourceStatus { Events = AddEvent([], "Created", "security policy created") } };
            }

            Commit(ResourceKind.SecurityPolicy, key, existing is null ? ResourceChangeType.Added : ResourceChangeType.Modified, existing is null ? "Created" : "Updated", policy);
            _policies[key] = policy;
            if (existing is not null)
            {
                RehashWorkloads(w => w.Spec.Tenant == spec.Tenant && w.Spec.SecurityPolicies.Contains(spec.Name), $"security policy '{spec.Name}' changed");
            }

            Wake();
            return policy;
        }, cancellationToken);
    }

    /// <summary>Deletes a security policy; refused while a workload names it.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="name">The policy's name.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <exception cref="ResourceNotFoundException">No such policy.</exception>
    /// <exception cref="ResourceConflictException">A workload names it.</exception>
    public Task DeleteSecurityPolicyAsync(string tenant, string name, CancellationToken cancellationToken) => WriteAsync(() =>
    {
        var key = $"{tenant}/{name}";
        var policy = _policies.GetValueOrDefault(key) ?? throw new ResourceNotFoundException(ResourceKind.SecurityPolicy, key);
        var user = _workloads.Values.FirstOrDefault(w => w.Spec.Tenant == tenant && w.Spec.SecurityPolicies.Contains(name));
        if (user is not null)
        {
            throw new ResourceConflictException($"security policy '{key}' is applied to workload '{user.Key}'");
        }

        if (!policy.Deleting)
        {
            policy = policy with { Deleting = true, Status = policy.Status with { Events = AddEvent(policy.Status.Events, "Deleting", "deletion requested") } };
            Commit(ResourceKind.SecurityPolicy, key, ResourceChangeType.Modified, "Deleting", policy);
            _policies[key] = policy;
            Wake();
        }

        return true;
    }, cancellationToken);

    /// <summary>A security policy, or <see langword="null"/>.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="name">The policy's name.</param>
    public SecurityPolicy? GetSecurityPolicy(string tenant, string name) => Read(() => _policies.GetValueOrDefault($"{tenant}/{name}"));

    /// <summary>Every security policy, or a tenant's, by key.</summary>
    /// <param name="tenant">The tenant, or <see langword="null"/> for all.</param>
    public IReadOnlyList<SecurityPolicy> ListSecurityPolicies(string? tenant = null) => Read(() => Filter(_policies.Values, tenant, p => p.Spec.Tenant, p => p.Key));

    internal void ForgetNetwork(Network network)
    {
        if (_networks.TryGetValue(network.Key, out var current) && current.Uid == network.Uid && current.Deleting)
        {
            Commit(ResourceKind.Network, network.Key, ResourceChangeType.Deleted, "Deleted", current);
            _networks.Remove(network.Key);
            _addresses.Remove(network.Key);
            _quotas.Apply(network.Spec.Tenant, Negate(NetworkQuota));
        }
    }

    internal void ForgetSecurityPolicy(SecurityPolicy policy)
    {
        if (_policies.TryGetValue(policy.Key, out var current) && current.Uid == policy.Uid && current.Deleting)
        {
            Commit(ResourceKind.SecurityPolicy, policy.Key, ResourceChangeType.Deleted, "Deleted", current);
            _policies.Remove(policy.Key);
        }
    }

    private static void ValidateRule(string field, SecurityRule rule)
    {
        if (rule.RemoteCidr is not null && rule.RemoteGroup is not null)
        {
            throw new ResourceValidationException(field, "name a remoteCidr or a remoteGroup, not both");
        }

        if (rule is null)
        {
            throw new ResourceValidationException(field, "a rule, not null");
        }

        if (!Enum.IsDefined(rule.Direction) || !Enum.IsDefined(rule.Protocol))
        {
            throw new ResourceValidationException(field, "direction and protocol take their named values only");
        }

        if (rule.RemoteCidr is { } cidr)
        {
            // Only the canonical form: what is checked here is what nftables and Kubernetes will read.
            var parts = cidr.Split('/');
            if (parts.Length != 2 || !System.Net.IPAddress.TryParse(parts[0], out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
                || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix) || prefix is < 0 or > 32
                || ip.ToString() != parts[0] || prefix.ToString(System.Globalization.CultureInfo.InvariantCulture) != parts[1]
                || (prefix < 32 && (AddressPool.ToUInt(ip) & (uint.MaxValue >> prefix)) != 0))
            {
                throw new ResourceValidationException(field + ".remoteCidr", $"'{cidr}' is not an IPv4 prefix written a.b.c.d/n without host bits");
            }
        }

        if (rule.RemoteGroup is { } group)
        {
            ResourceNames.Validate(field + ".remoteGroup", group);
        }

        if (rule.PortFrom is not null || rule.PortTo is not null)
        {
            if (rule.Protocol is not (SecurityRuleProtocol.Tcp or SecurityRuleProtocol.Udp))
            {
                throw new ResourceValidationException(field + ".portFrom", "ports apply to Tcp and Udp only");
            }

            var from = rule.PortFrom ?? rule.PortTo!.Value;
            var to = rule.PortTo ?? from;
            if (from is < 1 or > 65535 || to is < 1 or > 65535 || to < from)
            {
                throw new ResourceValidationException(field + ".portFrom", $"ports {from}-{to}: 1 to 65535, from no more than to");
            }
        }
    }

    private static List<T> Filter<T>(IEnumerable<T> items, string? tenant, Func<T, string> tenantOf, Func<T, string> keyOf) =>
        [.. items.Where(i => tenant is null || tenantOf(i) == tenant).OrderBy(keyOf, StringComparer.Ordinal)];

    private static ResourceQuantities Negate(ResourceQuantities quantities) => ResourceQuantities.Zero - quantities;
}
