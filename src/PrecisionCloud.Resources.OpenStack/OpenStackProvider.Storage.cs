using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Models;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;

namespace PrecisionCloud.Resources.OpenStack;

public sealed partial class OpenStackProvider
{
    /// <inheritdoc/>
    /// <remarks>A Cinder volume in the tenant's project: the class is its volume type; it grows, never shrinks.</remarks>
    public async Task<ObservedResource> ApplyVolumeAsync(ResourceDeployment<VolumeSpec> deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var spec = deployment.Spec;
        if (spec.Kind != VolumeKind.Block)
        {
            throw new InvalidOperationException($"provider '{Name}' holds Block volumes (Cinder), not {spec.Kind}");
        }

        var scope = await ScopeAsync(spec.Tenant, cancellationToken).ConfigureAwait(false);
        var volumes = await ToListAsync(scope.BlockStorage.ListVolumesAsync($"name={Uri.EscapeDataString(spec.Name)}", cancellationToken)).ConfigureAwait(false);
        var volume = volumes.FirstOrDefault(v => v.Name == spec.Name);
        if (volume is null)
        {
            volume = await scope.BlockStorage.CreateVolumeAsync(spec.Name, spec.SizeGiB, spec.Class, OwnershipMarker.Metadata(Name, deployment.Uid, deployment.SpecHash), cancellationToken).ConfigureAwait(false);
            LogCreated(_logger, "volume", spec.Name, volume.Id);
            volume = await scope.BlockStorage.WaitForVolumeAsync(volume.Id, "available", _options.StateTimeout, cancellationToken).ConfigureAwait(false) ?? volume;
        }
        else
        {
            if (!Owned(volume.Metadata) || volume.Metadata.GetValueOrDefault(OwnershipMarker.UidKey) != deployment.Uid)
            {
                throw new OpenStackConflictException("block-storage", $"apply volume {spec.Name}", 409, $"volume {spec.Name} ({volume.Id}) exists and is not this provider's; rename or remove it", null, null);
            }

            if (spec.SizeGiB > volume.SizeGiB)
            {
                await scope.BlockStorage.ExtendVolumeAsync(volume.Id, spec.SizeGiB, cancellationToken).ConfigureAwait(false);
            }

            if (volume.Metadata.GetValueOrDefault(OwnershipMarker.SpecKey) != deployment.SpecHash)
            {
                await scope.BlockStorage.SetMetadataAsync(volume.Id, new Dictionary<string, string> { [OwnershipMarker.SpecKey] = deployment.SpecHash }, cancellationToken).ConfigureAwait(false);
            }
        }

        return Observe(volume) with { SpecHash = deployment.SpecHash };
    }

    /// <inheritdoc/>
    /// <remarks>Detaches the volume from any server first, then deletes it.</remarks>
    public async Task DeleteVolumeAsync(string uid, CancellationToken cancellationToken)
    {
        foreach (var volume in (await ListOwnVolumesAsync(cancellationToken).ConfigureAwait(false)).Where(v => v.Metadata.GetValueOrDefault(OwnershipMarker.UidKey) == uid))
        {
            foreach (var server in volume.AttachedServers)
            {
                await _client.Compute.DetachVolumeAsync(server, volume.Id, cancellationToken).ConfigureAwait(false);
            }

            if (volume.AttachedServers.Count > 0)
            {
                await _client.BlockStorage.WaitForVolumeAsync(volume.Id, "available", _options.StateTimeout, cancellationToken).ConfigureAwait(false);
            }

            await _client.BlockStorage.DeleteVolumeAsync(volume.Id, cancellationToken).ConfigureAwait(false);
            await _client.BlockStorage.WaitForVolumeAsync(volume.Id, null, _options.StateTimeout, cancellationToken).ConfigureAwait(false);
            LogDeleted(_logger, "volume", volume.Id);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ObservedResource>> ListVolumesAsync(CancellationToken cancellationToken) =>
        [.. (await ListOwnVolumesAsync(cancellationToken).ConfigureAwait(false)).Select(Observe)];

    private async Task<List<CinderVolume>> ListOwnVolumesAsync(CancellationToken cancellationToken)
    {
        // The mark is metadata a tenant member can write too: the volume must also be in one of the provider's projects.
        var projects = await OwnProjectIdsAsync(cancellationToken).ConfigureAwait(false);
        return [.. (await ToListAsync(_client.BlockStorage.ListVolumesAsync(_options.ProjectPerTenant ? "all_tenants=1" : string.Empty, cancellationToken)).ConfigureAwait(false))
            .Where(v => Owned(v.Metadata) && (v.ProjectId is null ? !_options.ProjectPerTenant : projects.Contains(v.ProjectId)))];
    }

    private static ObservedResource Observe(CinderVolume volume) => new(
        volume.Metadata.GetValueOrDefault(OwnershipMarker.UidKey) ?? string.Empty,
        volume.Id,
        volume.Metadata.GetValueOrDefault(OwnershipMarker.SpecKey) ?? string.Empty,
        volume.Status is "available" or "in-use",
        volume.Status is "available" or "in-use" ? null : $"the volume is {volume.Status}");
}
