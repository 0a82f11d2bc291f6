using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Placement;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources;

public sealed partial class ResourceManager
{
    /// <summary>
    /// Creates or changes a workload: validates it, counts it against the tenant's quota, places it (a change keeps
    /// its node while it still fits there), assigns addresses, and commits it; the reconciler then runs it.
    /// Applying the same spec again changes nothing.
    /// </summary>
    /// <param name="spec">The workload.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <returns>The workload as stored, with its placement decision.</returns>
    /// <exception cref="ResourceValidationException">The spec is invalid.</exception>
    /// <exception cref="ResourceNotFoundException">The tenant, or a network, volume or security policy it names, does not exist.</exception>
    /// <exception cref="QuotaExceededException">The tenant's quota does not allow it; nothing was applied.</exception>
    /// <exception cref="PlacementFailedException">No node can take it; the decision says why for each.</exception>
    /// <exception cref="ResourceConflictException">A volume it needs is attached elsewhere, an address is taken, or it is being deleted.</exception>
    public Task<Workload> ApplyWorkloadAsync(WorkloadSpec spec, CancellationToken cancellationToken)
    {
        // A copy: the caller's object (its setters) can no longer change what is stored and counted.
        spec = Copy(spec, ResourcesJsonContext.Default.WorkloadSpec);
        ValidateWorkload(spec);
        return WriteAsync(() => ApplyWorkloadLocked(spec), cancellationToken);
    }

    /// <summary>Asks for a workload's deletion; the reconciler removes it from its backend, then forgets it and gives back its quota.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="name">The workload's name.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <exception cref="ResourceNotFoundException">No such workload.</exception>
    public Task DeleteWorkloadAsync(string tenant, string name, CancellationToken cancellationToken) => WriteAsync(() =>
    {
        var key = $"{tenant}/{name}";
        var workload = _workloads.GetValueOrDefault(key) ?? throw new ResourceNotFoundException(ResourceKind.Workload, key);
        if (!workload.Deleting)
        {
            workload = workload with
            {
                Deleting = true,
                Status = workload.Status with { Phase = WorkloadPhase.Deleting, Events = AddEvent(workload.Status.Events, "Deleting", "deletion requested") },
            };
            Commit(ResourceKind.Workload, key, ResourceChangeType.Modified, "Deleting", workload);
            _workloads[key] = workload;
            Wake();
        }

        return true;
    }, cancellationToken);

    /// <summary>A workload, or <see langword="null"/>.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="name">The workload's name.</param>
    public Workload? GetWorkload(string tenant, string name) => Read(() => _workloads.GetValueOrDefault($"{tenant}/{name}"));

    /// <summary>Every workload, or a tenant's, by key.</summary>
    /// <param name="tenant">The tenant, or <see langword="null"/> for all.</param>
    public IReadOnlyList<Workload> ListWorkloads(string? tenant = null) => Read(() => (IReadOnlyList<Workload>)Filter(_workloads.Values, tenant, w => w.Spec.Tenant, w => w.Key));

    /// <summary>Where a workload would run now and why, without applying anything (every rejection included).</summary>
    /// <param name="spec">The workload.</param>
    /// <exception cref="ResourceValidationException">The spec is invalid.</exception>
    public PlacementDecision ExplainPlacement(WorkloadSpec spec)
    {
        spec = Copy(spec, ResourcesJsonContext.Default.WorkloadSpec);
        ValidateWorkload(spec);
        return Read(() =>
        {
            var existing = _workloads.GetValueOrDefault($"{spec.Tenant}/{spec.Name}");
            var target = existing is null ? null : TargetOf(existing);
            if (target is not null)
            {
                _placement.Release(existing!.Spec, target);
            }

            try
            {
                return _placement.Decide(spec, VolumeProvider(spec), NeedsRemoteGroups(spec));
            }
            finally
            {
                if (target is not null)
                {
                    _placement.Reserve(existing!.Spec, target);
                }
            }
        });
    }

    /// <summary>The resources a workload counts against its tenant's quota.</summary>
    /// <param name="spec">The workload.</param>
    public static ResourceQuantities QuotaDemand(WorkloadSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var replicas = ReplicasOf(spec);
        var resources = spec.Resources;
        return new ResourceQuantities(
            ResourceQuantities.ToMilliCpus(resources.VCpus) * replicas,
            resources.MemoryMiB * replicas,
            replicas,
            0,
            resources.DiskGiB * replicas,
            0,
            resources.Accelerators.Sum(a => (long)a.Count) * replicas);
    }

    internal WorkloadDeployment? BuildDeployment(Workload workload)
    {
        if (workload.Status.Node is not { } node)
        {
            return null;
        }

        var spec = workload.Spec;
        var networks = new List<AttachedNetwork>();
        foreach (var attachment in spec.Networks)
        {
            var key = $"{spec.Tenant}/{attachment.Network}";
            if (_networks.GetValueOrDefault(key) is not { } network || _addresses.GetValueOrDefault(key) is not { } pool)
            {
                return null;
            }

            var addresses = workload.Status.Addresses.GetValueOrDefault(attachment.Network) ?? [];
            var subnet = addresses.Count > 0 ? pool.Find(addresses[0]) : null;
            if (subnet is null)
            {
                return null;
            }

            networks.Add(new AttachedNetwork(network.Spec, network.Uid, subnet.Cidr, subnet.GatewayText, subnet.PrefixLength, addresses));
        }

        var volumes = new List<AttachedVolume>();
        foreach (var mount in spec.Volumes)
        {
            if (_volumes.GetValueOrDefault($"{spec.Tenant}/{mount.Volume}") is not { } volume || volume.Status.BackendId is not { } backendId)
            {
                return null;
            }

            volumes.Add(new AttachedVolume(mount, volume.Spec, volume.Uid, backendId));
        }

        return new WorkloadDeployment
        {
            Uid = workload.Uid,
            Spec = spec,
            Kind = workload.Status.Kind,
            Node = node,
            SpecHash = workload.DesiredHash,
            Networks = networks,
            Volumes = volumes,
            SecurityPolicies = PoliciesOf(spec),
        };
    }

    internal bool UpdateWorkload(Workload seen, Func<Workload, Workload> change, string reason)
    {
        if (!_workloads.TryGetValue(seen.Key, out var current) || current.Uid != seen.Uid)
        {
            return false;
        }

        var next = change(current);
        if (ReferenceEquals(next, current))
        {
            return false;
        }

        Commit(ResourceKind.Workload, current.Key, ResourceChangeType.Modified, reason, next);
        _workloads[current.Key] = next;
        return true;
    }

    internal void ForgetWorkload(Workload workload)
    {
        if (!_workloads.TryGetValue(workload.Key, out var current) || current.Uid != workload.Uid || !current.Deleting)
        {
            return;
        }

        Commit(ResourceKind.Workload, current.Key, ResourceChangeType.Deleted, "Deleted", current);
        _workloads.Remove(current.Key);
        if (TargetOf(current) is { } target)
        {
            _placement.Release(current.Spec, target);
        }

        ReleaseAddresses(current.Spec.Tenant, current.Status.Addresses);
        _quotas.Apply(current.Spec.Tenant, Negate(QuotaDemand(current.Spec)));
    }

    internal bool IsVolumeReady(string tenant, string name) => _volumes.GetValueOrDefault($"{tenant}/{name}")?.Status.BackendId is not null;

    private Workload ApplyWorkloadLocked(WorkloadSpec spec)
    {
        RequireTenant(spec.Tenant);
        var key = $"{spec.Tenant}/{spec.Name}";
        var existing = _workloads.GetValueOrDefault(key);
        if (existing is not null)
        {
            if (existing.Deleting)
            {
                throw new ResourceConflictException($"workload '{key}' is being deleted");
            }

            if (SameJson(existing.Spec, spec, ResourcesJsonContext.Default.WorkloadSpec))
            {
                return existing;
            }
        }

        ResolveReferences(spec, existing);
        var delta = QuotaDemand(spec) - (existing is null ? ResourceQuantities.Zero : QuotaDemand(existing.Spec));
        _quotas.Apply(spec.Tenant, delta);
        var oldTarget = existing is null ? null : TargetOf(existing);
        if (oldTarget is not null)
        {
            _placement.Release(existing!.Spec, oldTarget);
        }

        PlacementTarget? target = null;
        Dictionary<string, IReadOnlyList<string>>? addresses = null;
        var reserved = false;
        try
        {
            var decision = _placement.Decide(spec, VolumeProvider(spec), NeedsRemoteGroups(spec));
            _metrics?.Placed(decision.Chosen is not null);
            if (decision.Chosen is null)
            {
                throw new PlacementFailedException(decision);
            }

            // A change keeps the workload where it is while that node is still eligible: moving costs a restart.
            target = oldTarget is not null && oldTarget.Kind == decision.Kind && _placement.GetFree(oldTarget.Provider, oldTarget.Node) is not null
                && !decision.Rejections.Any(r => r.Provider == oldTarget.Provider && r.Node == oldTarget.Node)
                ? oldTarget
                : decision.Chosen.Target;
            if (target != decision.Chosen.Target)
            {
                decision = decision with { Summary = $"kept on {target} (still eligible); best now {decision.Chosen.Target}: {decision.Summary}" };
            }

            addresses = AssignAddresses(spec, existing);
            reserved = _placement.Reserve(spec, target);
            var stored = decision with { Rejections = [.. decision.Rejections.Take(_options.StoredRejections)] };
            var status = (existing?.Status ?? new WorkloadStatus()) with
            {
                Kind = target.Kind,
                Provider = target.Provider,
                Node = target.Node,
                Addresses = addresses,
                Placement = stored,
                Phase = existing is null ? WorkloadPhase.Pending : existing.Status.Phase,
            };
            var workload = existing is null
                ? new Workload { Uid = NewUid(), Spec = spec, Status = status with { Events = AddEvent([], "Placed", decision.Summary) } }
                : existing with { Spec = spec, Generation = existing.Generation + 1, Status = status with { Events = AddEvent(existing.Status.Events, "Updated", decision.Summary) } };
            workload = workload with { DesiredHash = HashOf(workload) };
            Commit(ResourceKind.Workload, key, existing is null ? ResourceChangeType.Added : ResourceChangeType.Modified, existing is null ? "Placed" : "Updated", workload);
            _workloads[key] = workload;
            if (existing is not null)
            {
                ReleaseAddresses(spec.Tenant, Removed(existing.Status.Addresses, addresses));
            }

            Wake();
            return workload;
        }
        catch
        {
            if (reserved)
            {
                _placement.Release(spec, target!);
            }

            if (addresses is not null)
            {
                ReleaseAddresses(spec.Tenant, existing is null ? addresses : Removed(addresses, existing.Status.Addresses));
            }

            if (oldTarget is not null)
            {
                _placement.Reserve(existing!.Spec, oldTarget);
            }

            _quotas.Apply(spec.Tenant, Negate(delta));
            throw;
        }
    }

    private void ResolveReferences(WorkloadSpec spec, Workload? existing)
    {
        foreach (var attachment in spec.Networks)
        {
            var key = $"{spec.Tenant}/{attachment.Network}";
            var network = _networks.GetValueOrDefault(key) ?? throw new ResourceNotFoundException(ResourceKind.Network, key);
            if (network.Deleting)
            {
                throw new ResourceConflictException($"network '{key}' is being deleted");
            }

            if (attachment.FixedAddress is { } fixedAddress)
            {
                var pool = _addresses[key];
                var subnet = pool.Find(fixedAddress) ?? throw new ResourceValidationException("networks[].fixedAddress", $"{fixedAddress} is in no subnet of network '{attachment.Network}'");
                var value = AddressPool.ToUInt(System.Net.IPAddress.Parse(fixedAddress));
                if (value == subnet.Gateway || value < subnet.FirstHost || value > subnet.LastHost)
                {
                    throw new ResourceValidationException("networks[].fixedAddress", $"{fixedAddress} is not a free host address of {subnet.Cidr} (the gateway is {subnet.GatewayText})");
                }

                var mine = existing?.Status.Addresses.GetValueOrDefault(attachment.Network)?.Contains(fixedAddress) == true;
                if (!mine && pool.IsTaken(fixedAddress))
                {
                    throw new ResourceConflictException($"address {fixedAddress} of network '{attachment.Network}' is taken");
                }
            }
        }

        foreach (var policy in spec.SecurityPolicies)
        {
            var key = $"{spec.Tenant}/{policy}";
            if (!_policies.TryGetValue(key, out var found) || found.Deleting)
            {
                throw new ResourceNotFoundException(ResourceKind.SecurityPolicy, key);
            }
        }

        foreach (var mount in spec.Volumes)
        {
            var key = $"{spec.Tenant}/{mount.Volume}";
            var volume = _volumes.GetValueOrDefault(key) ?? throw new ResourceNotFoundException(ResourceKind.Volume, key);
            if (volume.Deleting)
            {
                throw new ResourceConflictException($"volume '{key}' is being deleted");
            }

            var others = _workloads.Values.Where(w => w.Spec.Tenant == spec.Tenant && w.Spec.Name != spec.Name && w.Spec.Volumes.Any(v => v.Volume == mount.Volume)).ToArray();
            var manyReplicas = ReplicasOf(spec) > 1;
            if (volume.Spec.AccessMode == VolumeAccessMode.ReadWriteOnce && (others.Length > 0 || manyReplicas))
            {
                throw new ResourceConflictException($"volume '{key}' is ReadWriteOnce and {(others.Length > 0 ? $"attached to workload '{others[0].Key}'" : "the workload has several replicas")}");
            }

            if (volume.Spec.AccessMode == VolumeAccessMode.ReadOnlyMany && !mount.ReadOnly)
            {
                throw new ResourceValidationException("volumes[].readOnly", $"volume '{mount.Volume}' is ReadOnlyMany: mount it read-only");
            }
        }
    }

    private Dictionary<string, IReadOnlyList<string>> AssignAddresses(WorkloadSpec spec, Workload? existing)
    {
        var replicas = ReplicasOf(spec);
        var assigned = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var claimed = new List<(string Network, string Address)>();
        try
        {
            foreach (var attachment in spec.Networks)
            {
                var pool = _addresses[$"{spec.Tenant}/{attachment.Network}"];
                var kept = existing?.Status.Addresses.GetValueOrDefault(attachment.Network) ?? [];
                var list = new List<string>(replicas);
                for (var replica = 0; replica < replicas; replica++)
                {
                    if (attachment.FixedAddress is { } fixedAddress)
                    {
                        if (!kept.Contains(fixedAddress))
                        {
                            pool.Claim(fixedAddress);
                            claimed.Add((attachment.Network, fixedAddress));
                        }

                        list.Add(fixedAddress);
                    }
                    else if (replica < kept.Count && existing!.Spec.Networks.FirstOrDefault(n => n.Network == attachment.Network)?.FixedAddress is null)
                    {
                        list.Add(kept[replica]);
                    }
                    else
                    {
                        var address = pool.Allocate() ?? throw new ResourceConflictException($"network '{attachment.Network}' has no free address left");
                        claimed.Add((attachment.Network, address));
                        list.Add(address);
                    }
                }

                assigned[attachment.Network] = list;
            }

            return assigned;
        }
        catch
        {
            foreach (var (network, address) in claimed)
            {
                _addresses[$"{spec.Tenant}/{network}"].Release(address);
            }

            throw;
        }
    }

    private void ReleaseAddresses(string tenant, IReadOnlyDictionary<string, IReadOnlyList<string>> addresses)
    {
        foreach (var (network, list) in addresses)
        {
            if (_addresses.GetValueOrDefault($"{tenant}/{network}") is { } pool)
            {
                foreach (var address in list)
                {
                    pool.Release(address);
                }
            }
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> Removed(IReadOnlyDictionary<string, IReadOnlyList<string>> before, IReadOnlyDictionary<string, IReadOnlyList<string>> after) =>
        before.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<string>)[.. pair.Value.Except(after.GetValueOrDefault(pair.Key) ?? [])],
            StringComparer.Ordinal);

    private void RehashWorkloads(Func<Workload, bool> affected, string why)
    {
        foreach (var workload in _workloads.Values.Where(affected).ToArray())
        {
            var hash = HashOf(workload);
            if (hash != workload.DesiredHash)
            {
                UpdateWorkload(workload, w => w with { DesiredHash = hash, Status = w.Status with { Events = AddEvent(w.Status.Events, "Updated", why) } }, "Updated");
            }
        }
    }

    private string HashOf(Workload workload) => Hash(
        new HashInput(workload.Spec, workload.Status.Kind, workload.Status.Node ?? string.Empty, workload.Status.Addresses, PoliciesOf(workload.Spec),
            [.. workload.Spec.Volumes.Select(v => _volumes.GetValueOrDefault($"{workload.Spec.Tenant}/{v.Volume}")?.Uid ?? string.Empty)]),
        ResourcesJsonContext.Default.HashInput);

    private List<SecurityPolicySpec> PoliciesOf(WorkloadSpec spec) =>
        [.. spec.SecurityPolicies.Select(p => _policies.GetValueOrDefault($"{spec.Tenant}/{p}")?.Spec).OfType<SecurityPolicySpec>()];

    private bool NeedsRemoteGroups(WorkloadSpec spec) => PoliciesOf(spec).Any(p => p.Rules.Any(r => r.RemoteGroup is not null));

    private string? VolumeProvider(WorkloadSpec spec) =>
        spec.Volumes.Select(v => _volumes.GetValueOrDefault($"{spec.Tenant}/{v.Volume}")?.Status.Provider).FirstOrDefault(p => p is not null);

    private static PlacementTarget? TargetOf(Workload workload) =>
        workload.Status.Provider is { } provider && workload.Status.Node is { } node ? new PlacementTarget(provider, node, workload.Status.Kind) : null;

    /// <summary>The largest memory, disk or hugepage size (MiB or GiB) a spec may ask for: 2^30.</summary>
    internal const long MaxQuantity = 1L << 30;

    private static T Copy<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(value);
        return System.Text.Json.JsonSerializer.Deserialize(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, type), type)!;
    }

    private static int ReplicasOf(WorkloadSpec spec) => spec.Kind is WorkloadKind.Container or WorkloadKind.Auto ? Math.Max(1, spec.Replicas) : 1;

    private static void ValidateWorkload(WorkloadSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ResourceNames.Validate("tenant", spec.Tenant);
        ResourceNames.Validate("name", spec.Name);
        if (string.IsNullOrWhiteSpace(spec.Image?.Reference))
        {
            throw new ResourceValidationException("image.reference", "an image is required");
        }

        var resources = spec.Resources ?? throw new ResourceValidationException("resources", "required");
        if (!(resources.VCpus > 0) || resources.VCpus > 4096 || double.IsInfinity(resources.VCpus))
        {
            throw new ResourceValidationException("resources.vCpus", $"{resources.VCpus}: more than 0, at most 4096");
        }

        // Bounds keep every product with replicas far from overflowing a quantity.
        if (resources.MemoryMiB is < 4 or > MaxQuantity || resources.DiskGiB is < 0 or > MaxQuantity || resources.HugePagesMiB is < 0 or > MaxQuantity
            || !(resources.NicThroughputGbps >= 0 && resources.NicThroughputGbps <= 100_000))
        {
            throw new ResourceValidationException("resources", $"memoryMiB 4 to {MaxQuantity}; diskGiB and hugePagesMiB 0 to {MaxQuantity}; nicThroughputGbps 0 to 100000");
        }

        if (resources.Accelerators.Any(a => a is null || a.Count is < 0 or > 1024 || !Enum.IsDefined(a.Kind)))
        {
            throw new ResourceValidationException("resources.accelerators[]", $"each a kind of {string.Join(", ", Enum.GetNames<Hardware.Inventory.AcceleratorKind>())} with a count of 0 to 1024");
        }

        if (!Enum.IsDefined(spec.Kind) || !Enum.IsDefined(spec.Image.Format) || !Enum.IsDefined(spec.RestartPolicy) || !Enum.IsDefined(spec.Placement.LatencyClass))
        {
            throw new ResourceValidationException("kind", "kind, image.format, restartPolicy and placement.latencyClass take their named values only");
        }

        if (spec.Networks.Any(n => n is null) || spec.Volumes.Any(v => v is null) || spec.SecurityPolicies.Any(p => p is null) || spec.Command.Any(c => c is null))
        {
            throw new ResourceValidationException("networks", "networks, volumes, securityPolicies and command hold no null entries");
        }

        if (spec.Placement.AntiAffinityGroup is { } antiAffinity)
        {
            ResourceNames.Validate("placement.antiAffinityGroup", antiAffinity);
        }

        if (spec.Replicas is < 1 or > 10_000)
        {
            throw new ResourceValidationException("replicas", $"{spec.Replicas}: 1 to 10000");
        }

        if (spec.Replicas > 1 && spec.Kind is WorkloadKind.VirtualMachine or WorkloadKind.BareMetal)
        {
            throw new ResourceValidationException("replicas", $"a {spec.Kind} runs one replica; make one workload per machine");
        }

        if (spec.Image.Format == ImageFormat.Oci && (resources.OwnKernel || spec.Kind is WorkloadKind.VirtualMachine or WorkloadKind.BareMetal))
        {
            throw new ResourceValidationException("image.format", "an OCI image runs on the node's kernel as a container; a VM or bare metal (or an own kernel) needs a disk image");
        }

        if (spec.Image.Format == ImageFormat.Disk && spec.Kind == WorkloadKind.Container)
        {
            throw new ResourceValidationException("image.format", "a container runs an OCI image, not a disk image");
        }

        if (spec.Networks.Select(n => n.Network).Distinct(StringComparer.Ordinal).Count() != spec.Networks.Count)
        {
            throw new ResourceValidationException("networks", "each network attaches once");
        }

        if (spec.Networks.Any(n => n.FixedAddress is not null) && ReplicasOf(spec) > 1)
        {
            throw new ResourceValidationException("networks[].fixedAddress", "a fixed address needs a single replica");
        }

        foreach (var mount in spec.Volumes)
        {
            if (!mount.MountPath.StartsWith('/') || mount.MountPath.Contains("..", StringComparison.Ordinal))
            {
                throw new ResourceValidationException("volumes[].mountPath", $"'{mount.MountPath}' must be an absolute path without '..'");
            }
        }

        if (spec.Volumes.Select(v => v.Volume).Distinct(StringComparer.Ordinal).Count() != spec.Volumes.Count)
        {
            throw new ResourceValidationException("volumes", "each volume attaches once");
        }

        foreach (var (name, _) in spec.Environment)
        {
            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
            {
                throw new ResourceValidationException("environment", $"'{name}' is not an environment variable name");
            }
        }
    }
}
