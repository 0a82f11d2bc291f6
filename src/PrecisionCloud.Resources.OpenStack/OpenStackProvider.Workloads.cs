using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Models;
using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Resources.OpenStack;

public sealed partial class OpenStackProvider
{
    private static readonly HashSet<string> Transitional = new(StringComparer.Ordinal) { "BUILD", "REBUILD", "REBOOT", "HARD_REBOOT", "RESIZE", "VERIFY_RESIZE", "REVERT_RESIZE", "MIGRATING", "PASSWORD" };
    private static readonly HashSet<string> Stopped = new(StringComparer.Ordinal) { "SHUTOFF", "STOPPED", "ERROR", "DELETED", "SOFT_DELETED", "SHELVED", "SHELVED_OFFLOADED", "PAUSED", "SUSPENDED" };

    /// <inheritdoc/>
    /// <remarks>
    /// One Nova server per replica, in the tenant's project, from the Glance image the reference names (id or name),
    /// with the smallest flavor that fits the demand (CPU pinning and huge pages as extra specs), or one created to
    /// fit. Each attached network is a port made beforehand with the replica's address and the workload's security
    /// groups. The server boots on the compute host placement chose, in a server group for its anti-affinity group,
    /// and is awaited until ACTIVE (bounded: a server still building is returned as creating). Volumes are attached
    /// to the first replica through Nova; volumes no longer mounted are detached. A change of image, size,
    /// networks, node or user data replaces the servers (a new flavor in the cloud does not); a change of policies or volumes is applied in place. A server
    /// found stopped, paused, suspended or shelved is started again with its disk (a restart); one in ERROR is replaced.
    /// </remarks>
    public async Task<ObservedWorkload> ApplyWorkloadAsync(WorkloadDeployment deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var spec = deployment.Spec;
        if (deployment.Kind is not (WorkloadKind.VirtualMachine or WorkloadKind.BareMetal))
        {
            throw new InvalidOperationException($"provider '{Name}' runs virtual machines and bare metal through Nova, not {deployment.Kind}");
        }

        var scope = await ScopeAsync(spec.Tenant, cancellationToken).ConfigureAwait(false);
        var projectId = await ProjectIdAsync(spec.Tenant, cancellationToken).ConfigureAwait(false);
        var image = await scope.Image.FindImageAsync(spec.Image.Reference, cancellationToken).ConfigureAwait(false)
            ?? throw new OpenStackNotFoundException("image", $"find image {spec.Image.Reference}", 404, $"no active image has the id or name '{spec.Image.Reference}'", null, null);
        var flavor = await FlavorAsync(spec.Resources, deployment.Kind, cancellationToken).ConfigureAwait(false);
        var bootHash = BootHash(deployment, image.Id);
        var securityGroups = await SecurityGroupIdsAsync(scope, projectId, deployment, cancellationToken).ConfigureAwait(false);
        var existing = (await ListOwnServersAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => s.Metadata.GetValueOrDefault(OwnershipMarker.UidKey) == deployment.Uid && s.ProjectId == projectId).ToList();

        var replicas = new NovaServer?[spec.Replicas];
        var awaited = new List<int>();

        // A server group is looked up or made, and joined, under one gate, so two workloads of a group never make two
        // groups, and deleting an empty group never races a boot into it.
        var grouped = spec.Placement.AntiAffinityGroup is not null;
        if (grouped)
        {
            await _groupGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var groupId = spec.Placement.AntiAffinityGroup is { } group ? await ServerGroupAsync(scope, group, cancellationToken).ConfigureAwait(false) : null;
            foreach (var server in existing)
            {
                var index = ReplicaOf(server);
                if (index is { } i && i < spec.Replicas && replicas[i] is null && server.Metadata.GetValueOrDefault(OwnershipMarker.BootKey) == bootHash && server.Status != "ERROR")
                {
                    replicas[i] = server;
                }
                else
                {
                    await DeleteServerAsync(scope, server, cancellationToken).ConfigureAwait(false);
                }
            }

            for (var i = 0; i < spec.Replicas; i++)
            {
                if (replicas[i] is not { } server)
                {
                    replicas[i] = await BootAsync(scope, projectId, deployment, i, image.Id, flavor.Id, bootHash, groupId, securityGroups, cancellationToken).ConfigureAwait(false);
                    awaited.Add(i);
                    continue;
                }

                await SyncPortSecurityGroupsAsync(scope, deployment, server, securityGroups, cancellationToken).ConfigureAwait(false);
                if (ResumeAction(server.Status) is { } action)
                {
                    // A machine stopped, paused, suspended or shelved behind our back (or that exited) runs again with its disk.
                    await scope.Compute.ActionAsync(server.Id, action, cancellationToken).ConfigureAwait(false);
                    awaited.Add(i);
                }
                else if (Transitional.Contains(server.Status))
                {
                    awaited.Add(i);
                }
            }
        }
        finally
        {
            if (grouped)
            {
                _groupGate.Release();
            }
        }

        string? message = null;
        foreach (var i in awaited)
        {
            try
            {
                replicas[i] = await scope.Compute.WaitForServerAsync(replicas[i]!.Id, _options.BootTimeout, "ACTIVE", cancellationToken).ConfigureAwait(false);
            }
            catch (OpenStackServerFaultException)
            {
                // A failed boot leaves nothing behind; the reconciler retries with backoff.
                await DeleteServerAsync(scope, replicas[i]!, cancellationToken).ConfigureAwait(false);
                throw;
            }
            catch (TimeoutException timeout)
            {
                message = timeout.Message;
                replicas[i] = await scope.Compute.GetServerAsync(replicas[i]!.Id, cancellationToken).ConfigureAwait(false) ?? replicas[i];
            }
        }

        if (replicas.Length > 0 && replicas[0]!.Status == "ACTIVE")
        {
            await SyncVolumesAsync(scope, replicas[0]!, deployment, cancellationToken).ConfigureAwait(false);
            replicas[0] = await scope.Compute.GetServerAsync(replicas[0]!.Id, cancellationToken).ConfigureAwait(false) ?? replicas[0];
        }

        for (var i = 0; i < spec.Replicas; i++)
        {
            if (replicas[i]!.Metadata.GetValueOrDefault(OwnershipMarker.SpecKey) != deployment.SpecHash)
            {
                await scope.Compute.SetServerMetadataItemAsync(replicas[i]!.Id, OwnershipMarker.SpecKey, deployment.SpecHash, cancellationToken).ConfigureAwait(false);
            }
        }

        return Observe(deployment.Uid, deployment.SpecHash, projectId, replicas!, message);
    }

    /// <inheritdoc/>
    /// <remarks>Deletes the servers and their ports, waits until they are gone, and deletes the server group once it has no member.</remarks>
    public async Task DeleteWorkloadAsync(string uid, CancellationToken cancellationToken)
    {
        var servers = (await ListOwnServersAsync(cancellationToken).ConfigureAwait(false)).Where(s => s.Metadata.GetValueOrDefault(OwnershipMarker.UidKey) == uid).ToList();
        foreach (var server in servers)
        {
            await DeleteServerAsync(_client, server, cancellationToken).ConfigureAwait(false);
        }

        // Ports of a boot that failed before its server existed, in projects of this provider.
        var projects = await OwnProjectIdsAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var port in _client.Network.ListPortsAsync($"description={Uri.EscapeDataString(PortDescription(uid))}", cancellationToken).ConfigureAwait(false))
        {
            if (port.ProjectId is not null && projects.Contains(port.ProjectId))
            {
                await _client.Network.DeletePortAsync(port.Id, cancellationToken).ConfigureAwait(false);
            }
        }

        await DeleteEmptyServerGroupsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ObservedWorkload>> ListWorkloadsAsync(CancellationToken cancellationToken) =>
        [.. (await ListOwnServersAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(s => s.Metadata.GetValueOrDefault(OwnershipMarker.UidKey) ?? string.Empty, StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0)
            .Select(g =>
            {
                // Replicas that disagree report no hash, so a half-applied update is applied again.
                var hashes = g.Select(s => s.Metadata.GetValueOrDefault(OwnershipMarker.SpecKey) ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
                return Observe(g.Key, hashes.Count == 1 ? hashes[0] : string.Empty, g.First().Metadata.GetValueOrDefault("pc-project") ?? string.Empty, [.. g.OrderBy(s => ReplicaOf(s) ?? int.MaxValue)], null);
            })];

    private async Task<NovaServer> BootAsync(OpenStackClient scope, string projectId, WorkloadDeployment deployment, int replica, string imageId, string flavorId, string bootHash, string? groupId, List<string> securityGroups, CancellationToken cancellationToken)
    {
        var spec = deployment.Spec;
        var name = $"{spec.Name}-{replica}";
        foreach (var leftover in await ReplicaPortsAsync(scope, deployment.Uid, name, cancellationToken).ConfigureAwait(false))
        {
            // Ports of an earlier boot that failed: they would hold the replica's address.
            await scope.Network.DeletePortAsync(leftover.Id, cancellationToken).ConfigureAwait(false);
        }

        var ports = new List<NeutronPort>();
        try
        {
            foreach (var attached in deployment.Networks)
            {
                var network = await FindNetworkAsync(scope, projectId, attached.Network.Name, cancellationToken).ConfigureAwait(false)
                    ?? throw new OpenStackNotFoundException("network", $"boot {spec.Name}", 404, $"network '{attached.Network.Name}' of tenant '{spec.Tenant}' does not exist here yet", null, null);
                var subnet = (await ToListAsync(scope.Network.ListSubnetsAsync($"network_id={Uri.EscapeDataString(network.Id)}", cancellationToken)).ConfigureAwait(false))
                    .FirstOrDefault(s => s.Cidr == attached.Subnet);
                var address = attached.ReplicaAddresses.Count == 0 ? null : attached.ReplicaAddresses[Math.Min(replica, attached.ReplicaAddresses.Count - 1)];
                ports.Add(await scope.Network.CreatePortAsync(network.Id, $"{name}/{attached.Network.Name}",
                    address is null ? [] : [new NeutronFixedIp(subnet?.Id, address)], securityGroups, PortDescription(deployment.Uid), cancellationToken).ConfigureAwait(false));
            }

            var metadata = OwnershipMarker.Metadata(Name, deployment.Uid, deployment.SpecHash);
            metadata[OwnershipMarker.ReplicaKey] = replica.ToString(CultureInfo.InvariantCulture);
            metadata[OwnershipMarker.BootKey] = bootHash;
            metadata["pc-project"] = projectId;
            var id = await scope.Compute.CreateServerAsync(new NovaServerRequest
            {
                Name = name,
                ImageId = imageId,
                FlavorId = flavorId,
                Ports = [.. ports.Select(p => p.Id)],
                UserData = spec.UserData,
                Metadata = metadata,
                ServerGroupId = groupId,
                Host = _options.PinToNode && deployment.Kind == WorkloadKind.VirtualMachine ? await HostOfAsync(deployment.Node, cancellationToken).ConfigureAwait(false) : null,
            }, cancellationToken).ConfigureAwait(false);
            LogCreated(_logger, "server", name, id);
            return new NovaServer { Id = id, Name = name, Status = "BUILD", Metadata = metadata };
        }
        catch (Exception exception) when (exception is not OpenStackApiException && exception is OpenStackException or OperationCanceledException)
        {
            // No answer: the server may exist. If it does, its ports are its own now.
            if (await FindBootedAsync(scope, deployment.Uid, replica, name).ConfigureAwait(false) is { } booted)
            {
                return booted;
            }

            await DeletePortsQuietlyAsync(scope, ports).ConfigureAwait(false);
            throw;
        }
        catch
        {
            await DeletePortsQuietlyAsync(scope, ports).ConfigureAwait(false);
            throw;
        }
    }

    private async Task DeleteServerAsync(OpenStackClient scope, NovaServer server, CancellationToken cancellationToken)
    {
        var uid = server.Metadata.GetValueOrDefault(OwnershipMarker.UidKey) ?? string.Empty;
        await scope.Compute.DeleteServerAsync(server.Id, cancellationToken).ConfigureAwait(false);
        await scope.Compute.WaitForServerGoneAsync(server.Id, _options.StateTimeout, cancellationToken).ConfigureAwait(false);

        // The replica's ports by their mark and name: bound or not (a boot that failed never bound them).
        foreach (var port in await ReplicaPortsAsync(scope, uid, server.Name, cancellationToken).ConfigureAwait(false))
        {
            await scope.Network.DeletePortAsync(port.Id, cancellationToken).ConfigureAwait(false);
        }

        LogDeleted(_logger, "server", server.Id);
    }

    private async Task<List<NeutronPort>> ReplicaPortsAsync(OpenStackClient scope, string uid, string serverName, CancellationToken cancellationToken) =>
        [.. (await ToListAsync(scope.Network.ListPortsAsync($"description={Uri.EscapeDataString(PortDescription(uid))}", cancellationToken)).ConfigureAwait(false))
            .Where(p => p.Name.StartsWith(serverName + "/", StringComparison.Ordinal))];

    private async Task<NovaServer?> FindBootedAsync(OpenStackClient scope, string uid, int replica, string name)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_options.StateTimeout);
            var servers = await ToListAsync(scope.Compute.ListServersAsync($"name={Uri.EscapeDataString($"^{name}$")}", timeout.Token)).ConfigureAwait(false);
            return servers.FirstOrDefault(s => s.Metadata.GetValueOrDefault(OwnershipMarker.UidKey) == uid && ReplicaOf(s) == replica);
        }
        catch (Exception exception) when (exception is OpenStackException or OperationCanceledException)
        {
            return null;
        }
    }

    private async Task DeletePortsQuietlyAsync(OpenStackClient scope, List<NeutronPort> ports)
    {
        foreach (var port in ports)
        {
            try
            {
                await scope.Network.DeletePortAsync(port.Id, CancellationToken.None).ConfigureAwait(false);
            }
            catch (OpenStackException exception)
            {
                // The failure that brought us here is the one to report; the port is named for the next pass.
                LogCleanupFailed(_logger, "port", port.Id, exception.Message);
            }
        }
    }

    private async Task<string> HostOfAsync(string node, CancellationToken cancellationToken)
    {
        if (!_hostsByNode.TryGetValue(node, out var host))
        {
            await foreach (var hypervisor in _client.Compute.ListHypervisorsAsync(cancellationToken).ConfigureAwait(false))
            {
                _hostsByNode[hypervisor.HostName] = hypervisor.ServiceHost ?? hypervisor.HostName;
            }
        }

        return _hostsByNode.GetValueOrDefault(node, node);
    }

    private async Task SyncPortSecurityGroupsAsync(OpenStackClient scope, WorkloadDeployment deployment, NovaServer server, List<string> securityGroups, CancellationToken cancellationToken)
    {
        foreach (var port in await ReplicaPortsAsync(scope, deployment.Uid, server.Name, cancellationToken).ConfigureAwait(false))
        {
            if (port.SecurityGroups.Count != securityGroups.Count || port.SecurityGroups.Except(securityGroups, StringComparer.Ordinal).Any())
            {
                await scope.Network.SetPortSecurityGroupsAsync(port.Id, securityGroups, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Attaches the volumes the workload mounts to its first replica and detaches this provider's volumes it no longer mounts.</summary>
    private async Task SyncVolumesAsync(OpenStackClient scope, NovaServer server, WorkloadDeployment deployment, CancellationToken cancellationToken)
    {
        var wanted = new List<string>();
        foreach (var attached in deployment.Volumes)
        {
            var id = attached.BackendId;
            if (string.IsNullOrEmpty(id) || await scope.BlockStorage.GetVolumeAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                id = (await ToListAsync(scope.BlockStorage.ListVolumesAsync($"name={Uri.EscapeDataString(attached.Volume.Name)}", cancellationToken)).ConfigureAwait(false))
                    .FirstOrDefault(v => v.Metadata.GetValueOrDefault(OwnershipMarker.UidKey) == attached.VolumeUid)?.Id
                    ?? throw new OpenStackNotFoundException("block-storage", $"attach volume {attached.Volume.Name}", 404, $"volume '{attached.Volume.Name}' does not exist here yet", null, null);
            }

            wanted.Add(id);
        }

        foreach (var id in wanted.Where(id => !server.AttachedVolumes.Contains(id)))
        {
            await scope.BlockStorage.WaitForVolumeAsync(id, "available", _options.StateTimeout, cancellationToken).ConfigureAwait(false);
            await scope.Compute.AttachVolumeAsync(server.Id, id, cancellationToken).ConfigureAwait(false);
            await scope.BlockStorage.WaitForVolumeAsync(id, "in-use", _options.StateTimeout, cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in server.AttachedVolumes.Where(id => !wanted.Contains(id)))
        {
            if (await scope.BlockStorage.GetVolumeAsync(id, cancellationToken).ConfigureAwait(false) is { } volume && Owned(volume.Metadata))
            {
                await scope.Compute.DetachVolumeAsync(server.Id, id, cancellationToken).ConfigureAwait(false);
                await scope.BlockStorage.WaitForVolumeAsync(id, "available", _options.StateTimeout, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The smallest flavor that fits the demand with the extra specs it needs; one is created when none fits and creation is allowed.</summary>
    private async Task<NovaFlavor> FlavorAsync(WorkloadResources resources, WorkloadKind kind, CancellationToken cancellationToken)
    {
        var vcpus = (int)Math.Max(1, Math.Ceiling(resources.VCpus));
        var memory = Math.Max(resources.MemoryMiB, 64);
        var disk = resources.DiskGiB;
        var dedicated = resources.DedicatedPerformance;
        var hugePages = resources.HugePagesMiB > 0;
        await _flavorGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var flavors = await ToListAsync(_client.Compute.ListFlavorsAsync(cancellationToken)).ConfigureAwait(false);
            var fit = flavors
                .Where(f => f.IsBareMetal == (kind == WorkloadKind.BareMetal) && f.VCpus >= vcpus && f.RamMiB >= memory && f.DiskGiB >= disk)
                .Where(f => kind == WorkloadKind.BareMetal || (IsDedicated(f) == dedicated && HasHugePages(f) == hugePages && !AsksForDevices(f)))
                .OrderBy(f => f.VCpus).ThenBy(f => f.RamMiB).ThenBy(f => f.DiskGiB).ThenBy(f => f.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (fit is not null)
            {
                return fit;
            }

            if (kind == WorkloadKind.BareMetal || !_options.CreateFlavors)
            {
                throw new OpenStackNotFoundException("compute", "choose flavor", 404,
                    $"no {(kind == WorkloadKind.BareMetal ? "bare-metal " : string.Empty)}flavor has {vcpus} vCPUs, {memory} MiB and {disk} GiB{(dedicated ? " with dedicated CPUs" : string.Empty)}{(hugePages ? " with huge pages" : string.Empty)}{(kind == WorkloadKind.BareMetal ? string.Empty : " and CreateFlavors is off")}", null, null);
            }

            var specs = new Dictionary<string, string>(StringComparer.Ordinal);
            if (dedicated)
            {
                specs["hw:cpu_policy"] = "dedicated";
            }

            if (hugePages)
            {
                specs["hw:mem_page_size"] = "large";
            }

            var name = string.Create(CultureInfo.InvariantCulture, $"pc.{vcpus}c.{memory}m.{disk}g{(dedicated ? ".dedicated" : string.Empty)}{(hugePages ? ".hugepages" : string.Empty)}");
            var flavor = await _client.Compute.CreateFlavorAsync(name, vcpus, memory, disk, specs, cancellationToken).ConfigureAwait(false);
            LogCreated(_logger, "flavor", name, flavor.Id);
            return flavor;
        }
        finally
        {
            _flavorGate.Release();
        }
    }

    private static string? ResumeAction(string status) => status switch
    {
        "SHUTOFF" or "STOPPED" => "os-start",
        "PAUSED" => "unpause",
        "SUSPENDED" => "resume",
        "SHELVED" or "SHELVED_OFFLOADED" => "unshelve",
        _ => null,
    };

    /// <summary>Whether a flavor asks for devices or resources the demand does not (PCI, vGPU, accelerators, custom resources or traits).</summary>
    private static bool AsksForDevices(NovaFlavor flavor) => flavor.ExtraSpecs.Keys.Any(key =>
        key.StartsWith("pci_passthrough:", StringComparison.Ordinal) || key.StartsWith("resources", StringComparison.Ordinal)
        || key.StartsWith("trait", StringComparison.Ordinal) || key.StartsWith("accel:", StringComparison.Ordinal) || key.StartsWith("hw:pci", StringComparison.Ordinal));

    private static bool IsDedicated(NovaFlavor flavor) => flavor.ExtraSpecs.GetValueOrDefault("hw:cpu_policy") == "dedicated";

    private static bool HasHugePages(NovaFlavor flavor) => flavor.ExtraSpecs.GetValueOrDefault("hw:mem_page_size") is { } size && size is not ("small" or "any");

    private async Task<string> ServerGroupAsync(OpenStackClient scope, string group, CancellationToken cancellationToken)
    {
        var name = $"{Name}.{group}";
        await foreach (var existing in scope.Compute.ListServerGroupsAsync(string.Empty, cancellationToken).ConfigureAwait(false))
        {
            if (existing.Name == name)
            {
                return existing.Id;
            }
        }

        var created = await scope.Compute.CreateServerGroupAsync(name, _options.AntiAffinityPolicy, cancellationToken).ConfigureAwait(false);
        LogCreated(_logger, "server group", name, created.Id);
        return created.Id;
    }

    private async Task DeleteEmptyServerGroupsAsync(CancellationToken cancellationToken)
    {
        await _groupGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Groups live in the tenants' projects: an administrator lists them across projects.
            await foreach (var group in _client.Compute.ListServerGroupsAsync(_options.ProjectPerTenant ? "all_projects=True" : string.Empty, cancellationToken).ConfigureAwait(false))
            {
                if (group.Name.StartsWith(Name + ".", StringComparison.Ordinal) && group.Members.Count == 0)
                {
                    await _client.Compute.DeleteServerGroupAsync(group.Id, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _groupGate.Release();
        }
    }

    private async Task<List<string>> SecurityGroupIdsAsync(OpenStackClient scope, string projectId, WorkloadDeployment deployment, CancellationToken cancellationToken)
    {
        var groups = await ToListAsync(scope.Network.ListSecurityGroupsAsync($"project_id={Uri.EscapeDataString(projectId)}", cancellationToken)).ConfigureAwait(false);
        if (deployment.SecurityPolicies.Count == 0)
        {
            // Without policies a port keeps the project's default group, as Neutron gives it; naming it keeps the
            // in-place sync from ever stripping a port bare.
            return groups.FirstOrDefault(g => g.Name == "default") is { } fallback ? [fallback.Id]
                : throw new OpenStackNotFoundException("network", $"boot {deployment.Spec.Name}", 404, $"project {projectId} has no default security group", null, null);
        }

        return [.. deployment.SecurityPolicies.Select(policy => groups.FirstOrDefault(g => g.Name == policy.Name && Marker(g.Description) is not null)?.Id
            ?? throw new OpenStackNotFoundException("network", $"boot {deployment.Spec.Name}", 404, $"security policy '{policy.Name}' does not exist here yet", null, null))];
    }

    private async Task<List<NovaServer>> ListOwnServersAsync(CancellationToken cancellationToken)
    {
        var projects = await OwnProjectIdsAsync(cancellationToken).ConfigureAwait(false);
        return [.. (await ToListAsync(_client.Compute.ListServersAsync(_options.ProjectPerTenant ? "all_tenants=1" : string.Empty, cancellationToken)).ConfigureAwait(false))
            .Where(s => Owned(s.Metadata) && s.ProjectId is not null && projects.Contains(s.ProjectId))];
    }

    private string PortDescription(string uid) => OwnershipMarker.Describe(Name, uid, string.Empty);

    private static int? ReplicaOf(NovaServer server) =>
        int.TryParse(server.Metadata.GetValueOrDefault(OwnershipMarker.ReplicaKey), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;

    /// <summary>
    /// A hash of what only a new server can change: kind, image, the demand (not the flavor chosen for it, so a new
    /// flavor in the cloud never replaces running servers), node, networks and addresses, user data, server group.
    /// </summary>
    private string BootHash(WorkloadDeployment deployment, string imageId)
    {
        var resources = deployment.Spec.Resources;
        var text = new StringBuilder()
            .Append(deployment.Kind).Append('|').Append(imageId).Append('|')
            .Append(CultureInfo.InvariantCulture, $"{resources.VCpus}c{resources.MemoryMiB}m{resources.DiskGiB}g{resources.HugePagesMiB}h{resources.DedicatedPerformance}").Append('|')
            .Append(_options.PinToNode ? deployment.Node : string.Empty).Append('|').Append(deployment.Spec.UserData).Append('|')
            .Append(deployment.Spec.Placement.AntiAffinityGroup).Append('|');
        foreach (var network in deployment.Networks)
        {
            text.Append(network.Network.Name).Append('=').Append(network.Subnet).Append(':').AppendJoin(',', network.ReplicaAddresses).Append(';');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static ObservedWorkload Observe(string uid, string specHash, string projectId, NovaServer[] servers, string? message)
    {
        var replicas = new List<ObservedReplica>();
        string? fault = null;
        for (var i = 0; i < servers.Length; i++)
        {
            var server = servers[i];
            var state = server.Status == "ACTIVE" ? ReplicaState.Running
                : Transitional.Contains(server.Status) ? ReplicaState.Creating
                : Stopped.Contains(server.Status) ? ReplicaState.Exited
                : ReplicaState.Unknown;
            fault ??= server.Fault;
            replicas.Add(new ObservedReplica(ReplicaOf(server) ?? i, state, null, server.Node ?? server.Host,
                server.Addresses.ToDictionary(a => a.Key, a => a.Value.Count > 0 ? a.Value[0] : string.Empty, StringComparer.Ordinal)));
        }

        var backend = servers.Length > 0 ? $"{projectId}/{string.Join(",", servers.Select(s => s.Id))}" : projectId;
        return new ObservedWorkload(uid, backend, specHash, replicas, message ?? fault);
    }
}
