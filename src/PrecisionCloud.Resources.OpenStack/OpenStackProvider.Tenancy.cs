using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Models;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.OpenStack;

public sealed partial class OpenStackProvider
{
    /// <inheritdoc/>
    /// <remarks>
    /// A Keystone project (<see cref="OpenStackProviderOptions.ProjectPrefix"/> + name) in the configured domain; the
    /// provider's user takes <see cref="OpenStackProviderOptions.ProviderRole"/> on it; members who exist as users of
    /// the domain get the member (or viewer) role, and roles of users no longer listed are taken back. The quota
    /// becomes Nova's instances, cores and RAM, Cinder's volumes and gigabytes, and Neutron's networks (no limit: -1).
    /// </remarks>
    public async Task<ObservedResource> ApplyTenantAsync(ResourceDeployment<TenantSpec> deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var spec = deployment.Spec;
        if (!_options.ProjectPerTenant)
        {
            var access = await _client.Session.GetAccessAsync(cancellationToken).ConfigureAwait(false);
            return new ObservedResource(deployment.Uid, access.ProjectId ?? string.Empty, deployment.SpecHash, true, "tenants share the credential's project");
        }

        var domainId = await DomainIdAsync(cancellationToken).ConfigureAwait(false);
        var name = _options.ProjectPrefix + spec.Name;
        var description = OwnershipMarker.Describe(Name, deployment.Uid, deployment.SpecHash);
        var project = await FindProjectAsync(name, domainId, cancellationToken).ConfigureAwait(false);
        if (project is null)
        {
            project = await _client.Identity.CreateProjectAsync(name, domainId, description, cancellationToken).ConfigureAwait(false);
            LogCreated(_logger, "project", name, project.Id);
        }
        else
        {
            RequireOwned($"identity project {name}", project.Description, deployment.Uid);
        }

        _projects[spec.Name] = project.Id;
        var roles = await RoleIdsAsync(cancellationToken).ConfigureAwait(false);
        var self = (await _client.Session.GetAccessAsync(cancellationToken).ConfigureAwait(false)).UserId
            ?? throw new OpenStackException("the token names no user");
        await _client.Identity.AssignProjectRoleAsync(project.Id, self, Role(roles, _options.ProviderRole), cancellationToken).ConfigureAwait(false);
        var missing = await ApplyMembersAsync(project.Id, domainId, self, spec.Members, roles, cancellationToken).ConfigureAwait(false);

        var quota = spec.Quota;
        await _client.Compute.SetQuotaAsync(project.Id, new ComputeQuotaSet(
            quota.Instances ?? -1, quota.VCpus is { } vcpus ? (long)Math.Ceiling(vcpus) : -1, quota.MemoryMiB ?? -1), cancellationToken).ConfigureAwait(false);
        await _client.BlockStorage.SetQuotaAsync(project.Id, new VolumeQuotaSet(quota.Volumes ?? -1, quota.StorageGiB ?? -1), cancellationToken).ConfigureAwait(false);
        await _client.Network.SetQuotaAsync(project.Id, new NetworkQuotaSet(quota.Networks ?? -1), cancellationToken).ConfigureAwait(false);
        if (project.Description != description)
        {
            // The hash is written last: a failure above leaves the old one, so the next pass applies again.
            await _client.Identity.UpdateProjectDescriptionAsync(project.Id, description, cancellationToken).ConfigureAwait(false);
        }

        return new ObservedResource(deployment.Uid, project.Id, deployment.SpecHash, true,
            missing.Count == 0 ? null : $"no user named {string.Join(", ", missing)} in domain {_options.Domain}; they have no role yet");
    }

    /// <inheritdoc/>
    /// <remarks>Resets the project's quotas, removes the default security group Neutron made for it, and deletes the project.</remarks>
    public async Task DeleteTenantAsync(string uid, CancellationToken cancellationToken)
    {
        if (!_options.ProjectPerTenant)
        {
            return;
        }

        foreach (var project in (await ListOwnProjectsAsync(cancellationToken).ConfigureAwait(false)).Where(p => Marker(p.Description)?.Uid == uid))
        {
            // Listing groups filtered by a project makes Neutron create that project's default group if it has none,
            // so the project's groups are picked from the whole list instead.
            await foreach (var group in _client.Network.ListSecurityGroupsAsync("fields=id&fields=project_id&fields=name", cancellationToken).ConfigureAwait(false))
            {
                if (group.ProjectId == project.Id)
                {
                    await _client.Network.DeleteSecurityGroupAsync(group.Id, cancellationToken).ConfigureAwait(false);
                }
            }

            await _client.Network.ResetQuotaAsync(project.Id, cancellationToken).ConfigureAwait(false);
            await _client.Compute.ResetQuotaAsync(project.Id, cancellationToken).ConfigureAwait(false);
            await _client.BlockStorage.ResetQuotaAsync(project.Id, cancellationToken).ConfigureAwait(false);
            await _client.Identity.DeleteProjectAsync(project.Id, cancellationToken).ConfigureAwait(false);
            _client.ForgetProject(project.Id);
            foreach (var entry in _projects.Where(p => p.Value == project.Id))
            {
                _projects.TryRemove(entry.Key, out _);
            }

            LogDeleted(_logger, "project", project.Id);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ObservedResource>> ListTenantsAsync(CancellationToken cancellationToken)
    {
        if (!_options.ProjectPerTenant)
        {
            return [];
        }

        return [.. (await ListOwnProjectsAsync(cancellationToken).ConfigureAwait(false)).Select(p =>
        {
            var marker = Marker(p.Description)!.Value;
            return new ObservedResource(marker.Uid, p.Id, marker.SpecHash, p.Enabled, p.Enabled ? null : "the project is disabled");
        })];
    }

    /// <summary>The client acting in a tenant's project (the provider's own project when tenants share it).</summary>
    private async Task<OpenStackClient> ScopeAsync(string tenant, CancellationToken cancellationToken)
    {
        if (!_options.ProjectPerTenant)
        {
            return _client;
        }

        if (!_projects.TryGetValue(tenant, out var projectId))
        {
            var project = await FindProjectAsync(_options.ProjectPrefix + tenant, await DomainIdAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            if (project is null || Marker(project.Description) is null)
            {
                throw new OpenStackNotFoundException("identity", $"find project {_options.ProjectPrefix}{tenant}", 404, $"tenant '{tenant}' has no project of this provider yet", null, null);
            }

            projectId = _projects[tenant] = project.Id;
        }

        return _client.ForProject(projectId);
    }

    private async Task<string> ProjectIdAsync(string tenant, CancellationToken cancellationToken) =>
        (await (await ScopeAsync(tenant, cancellationToken).ConfigureAwait(false)).Session.GetAccessAsync(cancellationToken).ConfigureAwait(false)).ProjectId ?? string.Empty;

    private async Task<List<string>> ApplyMembersAsync(string projectId, string domainId, string self, IReadOnlyList<TenantMember> members, Dictionary<string, string> roles, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<(string User, string Role)>();
        var missing = new List<string>();
        foreach (var member in members)
        {
            var user = await _client.Identity.FindUserAsync(member.Subject, domainId, cancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                missing.Add(member.Subject);
                continue;
            }

            var role = Role(roles, string.Equals(member.Role, "viewer", StringComparison.OrdinalIgnoreCase) ? _options.ViewerRole : _options.MemberRole);
            wanted.Add((user.Id, role));
            await _client.Identity.AssignProjectRoleAsync(projectId, user.Id, role, cancellationToken).ConfigureAwait(false);
        }

        var managed = new[] { Role(roles, _options.MemberRole), Role(roles, _options.ViewerRole) };
        foreach (var (user, role) in await _client.Identity.ListProjectRoleAssignmentsAsync(projectId, cancellationToken).ConfigureAwait(false))
        {
            if (user != self && managed.Contains(role) && !wanted.Contains((user, role)))
            {
                await _client.Identity.UnassignProjectRoleAsync(projectId, user, role, cancellationToken).ConfigureAwait(false);
            }
        }

        return missing;
    }

    private async Task<List<KeystoneProject>> ListOwnProjectsAsync(CancellationToken cancellationToken)
    {
        var domainId = await DomainIdAsync(cancellationToken).ConfigureAwait(false);
        var projects = await ToListAsync(_client.Identity.ListProjectsAsync($"domain_id={Uri.EscapeDataString(domainId)}", cancellationToken)).ConfigureAwait(false);
        return [.. projects.Where(p => p.Name.StartsWith(_options.ProjectPrefix, StringComparison.Ordinal) && Marker(p.Description) is not null)];
    }

    private async Task<KeystoneProject?> FindProjectAsync(string name, string domainId, CancellationToken cancellationToken)
    {
        await foreach (var project in _client.Identity.ListProjectsAsync($"name={Uri.EscapeDataString(name)}&domain_id={Uri.EscapeDataString(domainId)}", cancellationToken).ConfigureAwait(false))
        {
            return project;
        }

        return null;
    }

    private async Task<string> DomainIdAsync(CancellationToken cancellationToken) =>
        _domainId ??= await _client.Identity.FindDomainIdAsync(_options.Domain, cancellationToken).ConfigureAwait(false)
            ?? throw new OpenStackNotFoundException("identity", $"find domain {_options.Domain}", 404, $"no domain named '{_options.Domain}'", null, null);

    private async Task<Dictionary<string, string>> RoleIdsAsync(CancellationToken cancellationToken) =>
        _roleIds ??= (await _client.Identity.ListRolesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Name, r => r.Id, StringComparer.Ordinal);

    private static string Role(Dictionary<string, string> roles, string name) =>
        roles.TryGetValue(name, out var id) ? id : throw new OpenStackNotFoundException("identity", $"find role {name}", 404, $"Keystone has no role '{name}' (roles: {string.Join(", ", roles.Keys)})", null, null);
}
