using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources;

public sealed partial class ResourceManager
{
    /// <summary>Creates or grows a volume on the first provider that holds its kind and class (or the one it names).</summary>
    /// <param name="spec">The volume.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <returns>The volume as stored.</returns>
    /// <exception cref="ResourceValidationException">The spec is invalid, or no provider holds its kind and class.</exception>
    /// <exception cref="QuotaExceededException">The tenant may hold no more volumes or storage.</exception>
    /// <exception cref="ResourceConflictException">A change that would shrink it, move it, or change its kind.</exception>
    public Task<Volume> ApplyVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec = Copy(spec, ResourcesJsonContext.Default.VolumeSpec);
        ResourceNames.Validate("name", spec.Name);
        if (spec.SizeGiB is < 1 or > MaxQuantity)
        {
            throw new ResourceValidationException("sizeGiB", $"{spec.SizeGiB}: 1 to {MaxQuantity} GiB");
        }

        if (!Enum.IsDefined(spec.Kind) || !Enum.IsDefined(spec.AccessMode))
        {
            throw new ResourceValidationException("kind", "kind and accessMode take their named values only");
        }

        return WriteAsync(() =>
        {
            RequireTenant(spec.Tenant);
            var key = $"{spec.Tenant}/{spec.Name}";
            if (_volumes.TryGetValue(key, out var existing))
            {
                if (existing.Deleting)
                {
                    throw new ResourceConflictException($"volume '{key}' is being deleted");
                }

                if (SameJson(existing.Spec, spec, ResourcesJsonContext.Default.VolumeSpec))
                {
                    return existing;
                }

                if (spec.SizeGiB < existing.Spec.SizeGiB || spec.Kind != existing.Spec.Kind || spec.Class != existing.Spec.Class
                    || (spec.Provider is not null && spec.Provider != existing.Status.Provider))
                {
                    throw new ResourceConflictException($"volume '{key}' can grow, not shrink, move or change kind or class");
                }
            }

            var provider = existing?.Status.Provider ?? ChooseStorageProvider(spec);
            var delta = VolumeQuota(spec) - (existing is null ? ResourceQuantities.Zero : VolumeQuota(existing.Spec));
            _quotas.Apply(spec.Tenant, delta);
            var volume = existing is null
                ? new Volume { Uid = NewUid(), Spec = spec, Status = new VolumeStatus { Provider = provider, Events = AddEvent([], "Created", $"volume created on provider '{provider}'") } }
                : existing with { Spec = spec, Generation = existing.Generation + 1, Status = existing.Status with { Ready = false, Events = AddEvent(existing.Status.Events, "Updated", $"grown to {spec.SizeGiB} GiB") } };
            try
            {
                Commit(ResourceKind.Volume, key, existing is null ? ResourceChangeType.Added : ResourceChangeType.Modified, existing is null ? "Created" : "Updated", volume);
            }
            catch
            {
                _quotas.Apply(spec.Tenant, Negate(delta));
                throw;
            }

            _volumes[key] = volume;
            Wake();
            return volume;
        }, cancellationToken);
    }

    /// <summary>Deletes a volume and its data; refused while a workload attaches it.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="name">The volume's name.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <exception cref="ResourceNotFoundException">No such volume.</exception>
    /// <exception cref="ResourceConflictException">A workload attaches it.</exception>
    public Task DeleteVolumeAsync(string tenant, string name, CancellationToken cancellationToken) => WriteAsync(() =>
    {
        var key = $"{tenant}/{name}";
        var volume = _volumes.GetValueOrDefault(key) ?? throw new ResourceNotFoundException(ResourceKind.Volume, key);
        var user = _workloads.Values.FirstOrDefault(w => w.Spec.Tenant == tenant && w.Spec.Volumes.Any(v => v.Volume == name));
        if (user is not null)
        {
            throw new ResourceConflictException($"volume '{key}' is attached to workload '{user.Key}'; detach it first");
        }

        if (!volume.Deleting)
        {
            volume = volume with { Deleting = true, Status = volume.Status with { Events = AddEvent(volume.Status.Events, "Deleting", "deletion requested") } };
            Commit(ResourceKind.Volume, key, ResourceChangeType.Modified, "Deleting", volume);
            _volumes[key] = volume;
            Wake();
        }

        return true;
    }, cancellationToken);

    /// <summary>A volume with the workloads attaching it, or <see langword="null"/>.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="name">The volume's name.</param>
    public Volume? GetVolume(string tenant, string name) => Read(() => _volumes.GetValueOrDefault($"{tenant}/{name}") is { } volume ? WithAttachments(volume) : null);

    /// <summary>Every volume, or a tenant's, by key.</summary>
    /// <param name="tenant">The tenant, or <see langword="null"/> for all.</param>
    public IReadOnlyList<Volume> ListVolumes(string? tenant = null) => Read(() => (IReadOnlyList<Volume>)[.. Filter(_volumes.Values, tenant, v => v.Spec.Tenant, v => v.Key).Select(WithAttachments)]);

    internal void ForgetVolume(Volume volume)
    {
        if (_volumes.TryGetValue(volume.Key, out var current) && current.Uid == volume.Uid && current.Deleting)
        {
            Commit(ResourceKind.Volume, volume.Key, ResourceChangeType.Deleted, "Deleted", current);
            _volumes.Remove(volume.Key);
            _quotas.Apply(volume.Spec.Tenant, Negate(VolumeQuota(volume.Spec)));
        }
    }

    private Volume WithAttachments(Volume volume) => volume with
    {
        Status = volume.Status with
        {
            AttachedTo = [.. _workloads.Values.Where(w => w.Spec.Tenant == volume.Spec.Tenant && w.Spec.Volumes.Any(m => m.Volume == volume.Spec.Name)).Select(w => w.Key).Order(StringComparer.Ordinal)],
        },
    };

    private string ChooseStorageProvider(VolumeSpec spec)
    {
        var candidates = _providers.OfType<IStorageProvider>().Where(p => spec.Provider is null || p.Name == spec.Provider).ToArray();
        var provider = candidates.FirstOrDefault(p => p.Capabilities.VolumeKinds.Contains(spec.Kind) && (spec.Class is null || p.Capabilities.VolumeClasses.Contains(spec.Class)));
        if (provider is null)
        {
            var offered = string.Join("; ", candidates.Select(p => $"{p.Name}: {string.Join(", ", p.Capabilities.VolumeKinds)}{(p.Capabilities.VolumeClasses.Count > 0 ? $" classes {string.Join(", ", p.Capabilities.VolumeClasses)}" : string.Empty)}"));
            throw new ResourceValidationException(spec.Class is null ? "kind" : "class",
                $"no provider{(spec.Provider is null ? string.Empty : $" named '{spec.Provider}'")} holds {spec.Kind} volumes{(spec.Class is null ? string.Empty : $" of class '{spec.Class}'")} (offered: {(offered.Length == 0 ? "none" : offered)})");
        }

        return provider.Name;
    }

    private static ResourceQuantities VolumeQuota(VolumeSpec spec) => new(0, 0, 0, 1, spec.SizeGiB, 0, 0);
}
