using PrecisionCloud.Resources.Storage;

namespace PrecisionCloud.Resources.Providers;

/// <summary>A provider that holds volumes.</summary>
public interface IStorageProvider : IResourceProvider
{
    /// <summary>Makes the volume exist as specified (growing it where the backend can). Idempotent.</summary>
    /// <param name="deployment">The volume.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ObservedResource> ApplyVolumeAsync(ResourceDeployment<VolumeSpec> deployment, CancellationToken cancellationToken);

    /// <summary>Deletes the volume with this uid and its data; succeeds when it is already gone.</summary>
    /// <param name="uid">The volume's uid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteVolumeAsync(string uid, CancellationToken cancellationToken);

    /// <summary>Every volume this provider holds for the unified model.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ObservedResource>> ListVolumesAsync(CancellationToken cancellationToken);
}
