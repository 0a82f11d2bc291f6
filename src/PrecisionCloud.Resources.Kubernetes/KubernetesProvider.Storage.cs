using k8s;
using k8s.Models;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;

namespace PrecisionCloud.Resources.Kubernetes;

public sealed partial class KubernetesProvider
{
    /// <inheritdoc/>
    /// <remarks>A PersistentVolumeClaim in the tenant's namespace: Block or Filesystem mode, the class as storageClassName, the size as its request (it grows, never shrinks).</remarks>
    public async Task<ObservedResource> ApplyVolumeAsync(ResourceDeployment<VolumeSpec> deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var spec = deployment.Spec;
        if (spec.Kind == VolumeKind.ObjectStorage)
        {
            throw new InvalidOperationException($"provider '{Name}' holds Block and File volumes, not ObjectStorage");
        }

        var ns = NamespaceOf(spec.Tenant);
        var claim = new V1PersistentVolumeClaim
        {
            Metadata = new V1ObjectMeta
            {
                Name = spec.Name,
                NamespaceProperty = ns,
                Labels = Managed(deployment.Uid),
                Annotations = new Dictionary<string, string> { [KubernetesLabels.SpecHash] = deployment.SpecHash },
            },
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = [spec.AccessMode switch { VolumeAccessMode.ReadOnlyMany => "ReadOnlyMany", VolumeAccessMode.ReadWriteMany => "ReadWriteMany", _ => "ReadWriteOnce" }],
                VolumeMode = spec.Kind == VolumeKind.Block ? "Block" : "Filesystem",
                StorageClassName = spec.Class,
                Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new ResourceQuantity(GiB(spec.SizeGiB)) } },
            },
        };
        var applied = await UpsertAsync($"apply PersistentVolumeClaim {ns}/{spec.Name}",
            () => ReadOrNullAsync($"read PersistentVolumeClaim {ns}/{spec.Name}", () => _client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync(spec.Name, ns, cancellationToken: cancellationToken)),
            () => _client.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(claim, ns, cancellationToken: cancellationToken),
            current =>
            {
                // Only the request may change on a bound claim: it grows.
                RequireOwned(current.Metadata, deployment.Uid, $"PersistentVolumeClaim {ns}/{spec.Name}");
                current.Metadata.Labels = claim.Metadata.Labels;
                current.Metadata.Annotations = claim.Metadata.Annotations;
                current.Spec.Resources = claim.Spec.Resources;
                return _client.CoreV1.ReplaceNamespacedPersistentVolumeClaimAsync(current, spec.Name, ns, cancellationToken: cancellationToken);
            }).ConfigureAwait(false);
        return Observe(applied);
    }

    /// <inheritdoc/>
    public async Task DeleteVolumeAsync(string uid, CancellationToken cancellationToken)
    {
        foreach (var claim in (await ListClaimsAsync(cancellationToken).ConfigureAwait(false)).Where(c => KubernetesLabels.Get(c.Metadata.Labels, KubernetesLabels.Uid) == uid))
        {
            await DeleteOrGoneAsync($"delete PersistentVolumeClaim {claim.Metadata.NamespaceProperty}/{claim.Metadata.Name}",
                () => _client.CoreV1.DeleteNamespacedPersistentVolumeClaimAsync(claim.Metadata.Name, claim.Metadata.NamespaceProperty, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ObservedResource>> ListVolumesAsync(CancellationToken cancellationToken) =>
        [.. (await ListClaimsAsync(cancellationToken).ConfigureAwait(false)).Select(Observe)];

    private async Task<IList<V1PersistentVolumeClaim>> ListClaimsAsync(CancellationToken cancellationToken) =>
        (await CallAsync("list PersistentVolumeClaims", () => _client.CoreV1.ListPersistentVolumeClaimForAllNamespacesAsync(labelSelector: _selector, cancellationToken: cancellationToken)).ConfigureAwait(false)).Items;

    private static ObservedResource Observe(V1PersistentVolumeClaim claim) => new(
        KubernetesLabels.Get(claim.Metadata.Labels, KubernetesLabels.Uid) ?? string.Empty,
        $"{claim.Metadata.NamespaceProperty}/{claim.Metadata.Name}",
        KubernetesLabels.Get(claim.Metadata.Annotations, KubernetesLabels.SpecHash) ?? string.Empty,
        claim.Status?.Phase == "Bound",
        claim.Status?.Phase is { } phase and not "Bound" ? $"claim is {phase}" : null);
}
