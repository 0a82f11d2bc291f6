using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Models;

namespace PrecisionCloud.Resources.OpenStack.Services;

/// <summary>Neutron (API v2.0): networks, subnets, ports, security groups and their rules, and quotas.</summary>
public sealed class NetworkService
{
    private const string Service = "network";
    private readonly OpenStackTransport _transport;

    internal NetworkService(OpenStackTransport transport) => _transport = transport;

    /// <summary>Creates a network.</summary>
    /// <param name="name">The name.</param>
    /// <param name="description">The description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<NeutronNetwork> CreateNetworkAsync(string name, string description, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["network"] = new JsonObject { ["name"] = name, ["description"] = description, ["admin_state_up"] = true } };
        var created = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, "networks") { Body = body }, cancellationToken).ConfigureAwait(false);
        return ParseNetwork(JsonRead.Required(created.Body, "network", Service, "POST /networks"));
    }

    /// <summary>Networks matching a filter, page by page.</summary>
    /// <param name="query">Filters as a query string without <c>?</c> (for example <c>project_id=...</c>), or empty.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<NeutronNetwork> ListNetworksAsync(string query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var network in _transport.ListAsync(Service, Path("networks", query), "networks", null, cancellationToken).ConfigureAwait(false))
        {
            yield return ParseNetwork(network);
        }
    }

    /// <summary>Changes a network's description.</summary>
    /// <param name="id">The network.</param>
    /// <param name="description">The description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task UpdateNetworkDescriptionAsync(string id, string description, CancellationToken cancellationToken) =>
        _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Put, $"networks/{Escape(id)}") { Body = new JsonObject { ["network"] = new JsonObject { ["description"] = description } } }, cancellationToken);

    /// <summary>Deletes a network (retried while ports are still being removed from it); one already gone counts as deleted.</summary>
    /// <param name="id">The network.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteNetworkAsync(string id, CancellationToken cancellationToken) => DeleteAsync($"networks/{Escape(id)}", true, cancellationToken);

    /// <summary>Creates a subnet.</summary>
    /// <param name="networkId">The network.</param>
    /// <param name="cidr">The address range.</param>
    /// <param name="gatewayIp">The gateway, or <see langword="null"/> for Neutron's default (the first address).</param>
    /// <param name="enableDhcp">Whether DHCP serves it.</param>
    /// <param name="description">The description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<NeutronSubnet> CreateSubnetAsync(string networkId, string cidr, string? gatewayIp, bool enableDhcp, string description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        var subnet = new JsonObject
        {
            ["network_id"] = networkId,
            ["cidr"] = cidr,
            ["ip_version"] = cidr.Contains(':', StringComparison.Ordinal) ? 6 : 4,
            ["enable_dhcp"] = enableDhcp,
            ["description"] = description,
        };
        if (gatewayIp is not null)
        {
            subnet["gateway_ip"] = gatewayIp;
        }

        var created = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, "subnets") { Body = new JsonObject { ["subnet"] = subnet } }, cancellationToken).ConfigureAwait(false);
        return ParseSubnet(JsonRead.Required(created.Body, "subnet", Service, "POST /subnets"));
    }

    /// <summary>Subnets matching a filter, page by page.</summary>
    /// <param name="query">Filters as a query string without <c>?</c> (for example <c>network_id=...</c>), or empty.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<NeutronSubnet> ListSubnetsAsync(string query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var subnet in _transport.ListAsync(Service, Path("subnets", query), "subnets", null, cancellationToken).ConfigureAwait(false))
        {
            yield return ParseSubnet(subnet);
        }
    }

    /// <summary>Deletes a subnet; one already gone counts as deleted.</summary>
    /// <param name="id">The subnet.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteSubnetAsync(string id, CancellationToken cancellationToken) => DeleteAsync($"subnets/{Escape(id)}", true, cancellationToken);

    /// <summary>Creates a port, with fixed addresses and security groups when given.</summary>
    /// <param name="networkId">The network.</param>
    /// <param name="name">The name.</param>
    /// <param name="fixedIps">Addresses to hold (subnet and address), or none for one chosen by Neutron.</param>
    /// <param name="securityGroups">Security group ids; none keeps the project's default group.</param>
    /// <param name="description">The description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<NeutronPort> CreatePortAsync(string networkId, string name, IReadOnlyList<NeutronFixedIp> fixedIps, IReadOnlyList<string> securityGroups, string description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fixedIps);
        ArgumentNullException.ThrowIfNull(securityGroups);
        var port = new JsonObject { ["network_id"] = networkId, ["name"] = name, ["description"] = description, ["admin_state_up"] = true };
        if (fixedIps.Count > 0)
        {
            port["fixed_ips"] = new JsonArray([.. fixedIps.Select(ip =>
            {
                var entry = new JsonObject { ["ip_address"] = ip.IpAddress };
                if (ip.SubnetId is not null)
                {
                    entry["subnet_id"] = ip.SubnetId;
                }

                return (JsonNode)entry;
            })]);
        }

        if (securityGroups.Count > 0)
        {
            port["security_groups"] = new JsonArray([.. securityGroups.Select(g => (JsonNode)JsonValue.Create(g))]);
        }

        var created = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, "ports") { Body = new JsonObject { ["port"] = port } }, cancellationToken).ConfigureAwait(false);
        return ParsePort(JsonRead.Required(created.Body, "port", Service, "POST /ports"));
    }

    /// <summary>Ports matching a filter, page by page.</summary>
    /// <param name="query">Filters as a query string without <c>?</c> (for example <c>device_id=...</c>), or empty.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<NeutronPort> ListPortsAsync(string query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var port in _transport.ListAsync(Service, Path("ports", query), "ports", null, cancellationToken).ConfigureAwait(false))
        {
            yield return ParsePort(port);
        }
    }

    /// <summary>Replaces a port's security groups.</summary>
    /// <param name="id">The port.</param>
    /// <param name="securityGroups">The security group ids.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task SetPortSecurityGroupsAsync(string id, IReadOnlyList<string> securityGroups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(securityGroups);
        var body = new JsonObject { ["port"] = new JsonObject { ["security_groups"] = new JsonArray([.. securityGroups.Select(g => (JsonNode)JsonValue.Create(g))]) } };
        return _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Put, $"ports/{Escape(id)}") { Body = body }, cancellationToken);
    }

    /// <summary>Deletes a port; one already gone counts as deleted.</summary>
    /// <param name="id">The port.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeletePortAsync(string id, CancellationToken cancellationToken) => DeleteAsync($"ports/{Escape(id)}", false, cancellationToken);

    /// <summary>Creates a security group (Neutron adds rules allowing all egress).</summary>
    /// <param name="name">The name.</param>
    /// <param name="description">The description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<NeutronSecurityGroup> CreateSecurityGroupAsync(string name, string description, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["security_group"] = new JsonObject { ["name"] = name, ["description"] = description } };
        var created = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, "security-groups") { Body = body }, cancellationToken).ConfigureAwait(false);
        return ParseSecurityGroup(JsonRead.Required(created.Body, "security_group", Service, "POST /security-groups"));
    }

    /// <summary>Security groups matching a filter, with their rules, page by page.</summary>
    /// <param name="query">Filters as a query string without <c>?</c>, or empty.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<NeutronSecurityGroup> ListSecurityGroupsAsync(string query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var group in _transport.ListAsync(Service, Path("security-groups", query), "security_groups", null, cancellationToken).ConfigureAwait(false))
        {
            yield return ParseSecurityGroup(group);
        }
    }

    /// <summary>Changes a security group's description.</summary>
    /// <param name="id">The group.</param>
    /// <param name="description">The description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task UpdateSecurityGroupDescriptionAsync(string id, string description, CancellationToken cancellationToken) =>
        _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Put, $"security-groups/{Escape(id)}") { Body = new JsonObject { ["security_group"] = new JsonObject { ["description"] = description } } }, cancellationToken);

    /// <summary>Deletes a security group (retried while ports still use it); one already gone counts as deleted.</summary>
    /// <param name="id">The group.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteSecurityGroupAsync(string id, CancellationToken cancellationToken) => DeleteAsync($"security-groups/{Escape(id)}", true, cancellationToken);

    /// <summary>Adds a rule to a security group.</summary>
    /// <param name="securityGroupId">The group.</param>
    /// <param name="rule">The rule (its id is ignored).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<NeutronSecurityGroupRule> CreateSecurityGroupRuleAsync(string securityGroupId, NeutronSecurityGroupRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var body = new JsonObject
        {
            ["security_group_id"] = securityGroupId,
            ["direction"] = rule.Direction,
            ["ethertype"] = rule.EtherType,
        };
        if (rule.Protocol is not null)
        {
            body["protocol"] = rule.Protocol;
        }

        if (rule.PortRangeMin is { } min)
        {
            body["port_range_min"] = min;
        }

        if (rule.PortRangeMax is { } max)
        {
            body["port_range_max"] = max;
        }

        if (rule.RemoteIpPrefix is not null)
        {
            body["remote_ip_prefix"] = rule.RemoteIpPrefix;
        }

        if (rule.RemoteGroupId is not null)
        {
            body["remote_group_id"] = rule.RemoteGroupId;
        }

        var created = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, "security-group-rules") { Body = new JsonObject { ["security_group_rule"] = body } }, cancellationToken).ConfigureAwait(false);
        return ParseRule(JsonRead.Required(created.Body, "security_group_rule", Service, "POST /security-group-rules"));
    }

    /// <summary>Deletes a security group rule; one already gone counts as deleted.</summary>
    /// <param name="id">The rule.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteSecurityGroupRuleAsync(string id, CancellationToken cancellationToken) => DeleteAsync($"security-group-rules/{Escape(id)}", false, cancellationToken);

    /// <summary>Sets a project's quotas (administrators only); values left <see langword="null"/> stay as they are.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="quota">The quotas.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task SetQuotaAsync(string projectId, NetworkQuotaSet quota, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quota);
        var set = new JsonObject();
        ComputeService.Put(set, "network", quota.Networks);
        ComputeService.Put(set, "subnet", quota.Subnets);
        ComputeService.Put(set, "port", quota.Ports);
        ComputeService.Put(set, "security_group", quota.SecurityGroups);
        ComputeService.Put(set, "security_group_rule", quota.SecurityGroupRules);
        return _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Put, $"quotas/{Escape(projectId)}") { Body = new JsonObject { ["quota"] = set } }, cancellationToken);
    }

    /// <summary>A project's quotas.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<NetworkQuotaSet> GetQuotaAsync(string projectId, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Get, $"quotas/{Escape(projectId)}"), cancellationToken).ConfigureAwait(false);
        var set = response.Body?["quota"];
        return new NetworkQuotaSet(JsonRead.Long(set, "network"), JsonRead.Long(set, "subnet"), JsonRead.Long(set, "port"), JsonRead.Long(set, "security_group"), JsonRead.Long(set, "security_group_rule"));
    }

    /// <summary>Resets a project's quotas to the defaults (administrators only).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task ResetQuotaAsync(string projectId, CancellationToken cancellationToken) => DeleteAsync($"quotas/{Escape(projectId)}", false, cancellationToken);

    private static string Path(string collection, string query) => string.IsNullOrEmpty(query) ? collection : $"{collection}?{query}";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private Task<OpenStackResponse?> DeleteAsync(string path, bool retryOnConflict, CancellationToken cancellationToken) =>
        _transport.SendUnlessGoneAsync(new OpenStackRequest(Service, HttpMethod.Delete, path) { RetryOnConflict = retryOnConflict }, cancellationToken);

    private static NeutronNetwork ParseNetwork(JsonObject network) => new(
        JsonRead.String(network, "id") ?? string.Empty,
        JsonRead.String(network, "name") ?? string.Empty,
        JsonRead.String(network, "status") ?? string.Empty,
        JsonRead.String(network, "project_id") ?? JsonRead.String(network, "tenant_id"),
        JsonRead.String(network, "description") ?? string.Empty,
        JsonRead.Strings(network, "subnets"));

    private static NeutronSubnet ParseSubnet(JsonObject subnet) => new(
        JsonRead.String(subnet, "id") ?? string.Empty,
        JsonRead.String(subnet, "network_id") ?? string.Empty,
        JsonRead.String(subnet, "cidr") ?? string.Empty,
        JsonRead.String(subnet, "gateway_ip"),
        JsonRead.Bool(subnet, "enable_dhcp") ?? false,
        (int)(JsonRead.Long(subnet, "ip_version") ?? 4));

    private static NeutronPort ParsePort(JsonObject port) => new(
        JsonRead.String(port, "id") ?? string.Empty,
        JsonRead.String(port, "name") ?? string.Empty,
        JsonRead.String(port, "network_id") ?? string.Empty,
        JsonRead.String(port, "device_id") ?? string.Empty,
        JsonRead.String(port, "status") ?? string.Empty,
        [.. (port["fixed_ips"] as JsonArray ?? []).OfType<JsonObject>().Select(ip => new NeutronFixedIp(JsonRead.String(ip, "subnet_id"), JsonRead.String(ip, "ip_address") ?? string.Empty))],
        JsonRead.Strings(port, "security_groups"),
        JsonRead.String(port, "description") ?? string.Empty,
        JsonRead.String(port, "project_id") ?? JsonRead.String(port, "tenant_id"));

    private static NeutronSecurityGroup ParseSecurityGroup(JsonObject group) => new(
        JsonRead.String(group, "id") ?? string.Empty,
        JsonRead.String(group, "name") ?? string.Empty,
        JsonRead.String(group, "description") ?? string.Empty,
        JsonRead.String(group, "project_id") ?? JsonRead.String(group, "tenant_id"),
        [.. (group["security_group_rules"] as JsonArray ?? []).OfType<JsonObject>().Select(ParseRule)]);

    private static NeutronSecurityGroupRule ParseRule(JsonObject rule) => new(
        JsonRead.String(rule, "id") ?? string.Empty,
        JsonRead.String(rule, "direction") ?? "ingress",
        JsonRead.String(rule, "ethertype") ?? "IPv4",
        JsonRead.String(rule, "protocol"),
        (int?)JsonRead.Long(rule, "port_range_min"),
        (int?)JsonRead.Long(rule, "port_range_max"),
        JsonRead.String(rule, "remote_ip_prefix"),
        JsonRead.String(rule, "remote_group_id"));
}
