using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.Kubernetes;

public sealed partial class KubernetesProvider
{
    private const string QuotaName = "precisioncloud-quota";

    /// <inheritdoc/>
    /// <remarks>The namespace, its ResourceQuota (CPU and memory requests, pods, claims, storage) and one RoleBinding per member to the ClusterRole named by the member's role.</remarks>
    public async Task<ObservedResource> ApplyTenantAsync(ResourceDeployment<TenantSpec> deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        await CapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        var name = NamespaceOf(deployment.Spec.Name);
        var metadata = new V1ObjectMeta
        {
            Name = name,
            Labels = Managed(deployment.Uid),
            Annotations = new Dictionary<string, string> { [KubernetesLabels.SpecHash] = deployment.SpecHash },
        };
        var applied = await UpsertAsync($"apply Namespace {name}",
            () => ReadOrNullAsync($"read Namespace {name}", () => _client.CoreV1.ReadNamespaceAsync(name, cancellationToken: cancellationToken)),
            () => _client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = metadata }, cancellationToken: cancellationToken),
            current =>
            {
                RequireOwned(current.Metadata, deployment.Uid, $"Namespace {name}");
                current.Metadata.Labels = metadata.Labels;
                current.Metadata.Annotations = metadata.Annotations;
                return _client.CoreV1.ReplaceNamespaceAsync(current, name, cancellationToken: cancellationToken);
            }).ConfigureAwait(false);

        var quota = new V1ResourceQuota
        {
            Metadata = new V1ObjectMeta { Name = QuotaName, NamespaceProperty = name, Labels = Managed(deployment.Uid) },
            Spec = new V1ResourceQuotaSpec { Hard = Hard(deployment.Spec.Quota) },
        };
        await UpsertAsync($"apply ResourceQuota {name}/{QuotaName}",
            () => ReadOrNullAsync($"read ResourceQuota {name}/{QuotaName}", () => _client.CoreV1.ReadNamespacedResourceQuotaAsync(QuotaName, name, cancellationToken: cancellationToken)),
            () => _client.CoreV1.CreateNamespacedResourceQuotaAsync(quota, name, cancellationToken: cancellationToken),
            current =>
            {
                quota.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
                return _client.CoreV1.ReplaceNamespacedResourceQuotaAsync(quota, QuotaName, name, cancellationToken: cancellationToken);
            }).ConfigureAwait(false);

        var wanted = deployment.Spec.Members.ToDictionary(m => BindingName(m), m => m, StringComparer.Ordinal);
        var existing = await CallAsync($"list RoleBindings in {name}", () => _client.RbacAuthorizationV1.ListNamespacedRoleBindingAsync(name, labelSelector: _selector, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var stale in existing.Items.Where(b => !wanted.ContainsKey(b.Metadata.Name)))
        {
            await DeleteOrGoneAsync($"delete RoleBinding {name}/{stale.Metadata.Name}", () => _client.RbacAuthorizationV1.DeleteNamespacedRoleBindingAsync(stale.Metadata.Name, name, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        foreach (var (bindingName, member) in wanted.Where(w => existing.Items.All(b => b.Metadata.Name != w.Key)))
        {
            var binding = new V1RoleBinding
            {
                Metadata = new V1ObjectMeta { Name = bindingName, NamespaceProperty = name, Labels = Managed(deployment.Uid) },
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = member.Role },
                Subjects = [new Rbacv1Subject { Kind = "User", Name = member.Subject, ApiGroup = "rbac.authorization.k8s.io" }],
            };
            await CallAsync($"create RoleBinding {name}/{bindingName}", () => _client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(binding, name, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return Observe(applied);
    }

    /// <inheritdoc/>
    public async Task DeleteTenantAsync(string uid, CancellationToken cancellationToken)
    {
        foreach (var ns in (await ListNamespacesAsync(cancellationToken).ConfigureAwait(false)).Where(n => KubernetesLabels.Get(n.Metadata.Labels, KubernetesLabels.Uid) == uid))
        {
            await DeleteOrGoneAsync($"delete Namespace {ns.Metadata.Name}", () => _client.CoreV1.DeleteNamespaceAsync(ns.Metadata.Name, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ObservedResource>> ListTenantsAsync(CancellationToken cancellationToken) =>
        [.. (await ListNamespacesAsync(cancellationToken).ConfigureAwait(false)).Where(n => n.Status?.Phase != "Terminating").Select(Observe)];

    private async Task<IList<V1Namespace>> ListNamespacesAsync(CancellationToken cancellationToken) =>
        (await CallAsync("list Namespaces", () => _client.CoreV1.ListNamespaceAsync(labelSelector: _selector, cancellationToken: cancellationToken)).ConfigureAwait(false)).Items;

    private static ObservedResource Observe(V1Namespace ns) => new(
        KubernetesLabels.Get(ns.Metadata.Labels, KubernetesLabels.Uid) ?? string.Empty,
        ns.Metadata.Name,
        KubernetesLabels.Get(ns.Metadata.Annotations, KubernetesLabels.SpecHash) ?? string.Empty,
        ns.Status?.Phase is null or "Active");

    private static Dictionary<string, ResourceQuantity> Hard(TenantQuota quota)
    {
        var hard = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal);
        if (quota.VCpus is { } cpu)
        {
            hard["requests.cpu"] = new ResourceQuantity(Quantity(cpu));
            hard["limits.cpu"] = new ResourceQuantity(Quantity(cpu));
        }

        if (quota.MemoryMiB is { } memory)
        {
            hard["requests.memory"] = new ResourceQuantity(MiB(memory));
            hard["limits.memory"] = new ResourceQuantity(MiB(memory));
        }

        if (quota.Instances is { } pods)
        {
            hard["pods"] = new ResourceQuantity(pods.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (quota.Volumes is { } claims)
        {
            hard["persistentvolumeclaims"] = new ResourceQuantity(claims.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (quota.StorageGiB is { } storage)
        {
            hard["requests.storage"] = new ResourceQuantity(GiB(storage));
        }

        return hard;
    }

    private static string BindingName(TenantMember member) =>
        "pc-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{member.Subject}\n{member.Role}")))[..16];
}
