using PrecisionCloud.Resources.Oci.Runtime;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;

namespace PrecisionCloud.Resources.Oci;

public sealed partial class OciProvider
{
    private string VolumesDirectory => Path.Combine(_options.RootDirectory, "volumes");

    /// <inheritdoc/>
    /// <remarks>A File volume is a directory under the provider's root, bound into the containers that mount it.</remarks>
    public async Task<ObservedResource> ApplyVolumeAsync(ResourceDeployment<VolumeSpec> deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var host = await HostAsync(cancellationToken).ConfigureAwait(false);
        if (!host.Capabilities.VolumeKinds.Contains(deployment.Spec.Kind))
        {
            throw new InvalidOperationException($"provider '{Name}' holds {string.Join(", ", host.Capabilities.VolumeKinds)} volumes, not {deployment.Spec.Kind}");
        }

        if (!IsUid(deployment.Uid))
        {
            throw new ArgumentException($"'{deployment.Uid}' is not a uid", nameof(deployment));
        }

        var directory = Path.Combine(VolumesDirectory, deployment.Uid);
        var data = Directory.CreateDirectory(Path.Combine(directory, "data")).FullName;
        var record = new ResourceRecord(deployment.Uid, deployment.SpecHash, data);
        await WriteRecordAsync(Path.Combine(directory, "volume.json"), record, OciJsonContext.Default.ResourceRecord, cancellationToken).ConfigureAwait(false);
        return new ObservedResource(record.Uid, record.BackendId, record.SpecHash, true);
    }

    /// <inheritdoc/>
    public Task DeleteVolumeAsync(string uid, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(VolumesDirectory, uid);
        if (IsUid(uid) && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ObservedResource>> ListVolumesAsync(CancellationToken cancellationToken)
    {
        var result = new List<ObservedResource>();
        if (Directory.Exists(VolumesDirectory))
        {
            foreach (var directory in Directory.GetDirectories(VolumesDirectory))
            {
                // A volume whose data directory is gone is reported missing, and the reconciler makes it again.
                if (ReadRecord(Path.Combine(directory, "volume.json"), OciJsonContext.Default.ResourceRecord) is { } record && Directory.Exists(record.BackendId))
                {
                    result.Add(new ObservedResource(record.Uid, record.BackendId, record.SpecHash, true));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<ObservedResource>>(result);
    }
}
