using k8s;
using k8s.Models;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Resources.Kubernetes;

public sealed partial class KubernetesProvider
{
    /// <inheritdoc/>
    /// <remarks>Networks are not realised here (see <see cref="ProviderCapabilities.Missing"/>); placement sends no workload with networks to this provider.</remarks>
    public Task<ObservedResource> ApplyNetworkAsync(ResourceDeployment<NetworkSpec> deployment, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"provider '{Name}' does not realise networks: secondary networks (Multus) are not implemented");

    /// <inheritdoc/>
    public Task DeleteNetworkAsync(string uid, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task<IReadOnlyList<ObservedResource>> ListNetworksAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ObservedResource>>([]);

    /// <inheritdoc/>
    /// <remarks>
    /// A NetworkPolicy selecting the tenant's pods that carry the policy (label <c>policy.precisioncloud.io/NAME</c>);
    /// each direction a rule names becomes a policy type; a remote group selects the pods carrying that policy.
    /// </remarks>
    public async Task<ObservedResource> ApplySecurityPolicyAsync(ResourceDeployment<SecurityPolicySpec> deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var spec = deployment.Spec;
        var ns = NamespaceOf(spec.Tenant);
        var name = "pc-" + spec.Name;
        var ingress = spec.Rules.Where(r => r.Direction == TrafficDirection.Ingress).ToArray();
        var egress = spec.Rules.Where(r => r.Direction == TrafficDirection.Egress).ToArray();
        var policy = new V1NetworkPolicy
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ns,
                Labels = KubernetesLabels.Managed(deployment.Uid),
                Annotations = new Dictionary<string, string> { [KubernetesLabels.SpecHash] = deployment.SpecHash },
            },
            Spec = new V1NetworkPolicySpec
            {
                PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [KubernetesLabels.PolicyPrefix + spec.Name] = "true" } },
                PolicyTypes = [.. (ingress.Length > 0 ? new[] { "Ingress" } : []), .. (egress.Length > 0 ? new[] { "Egress" } : [])],
                Ingress = ingress.Length == 0 ? null : [.. ingress.Select(r => new V1NetworkPolicyIngressRule { FromProperty = Peers(r), Ports = Ports(r) })],
                Egress = egress.Length == 0 ? null : [.. egress.Select(r => new V1NetworkPolicyEgressRule { To = Peers(r), Ports = Ports(r) })],
            },
        };
        var applied = await UpsertAsync($"apply NetworkPolicy {ns}/{name}",
            () => ReadOrNullAsync($"read NetworkPolicy {ns}/{name}", () => _client.NetworkingV1.ReadNamespacedNetworkPolicyAsync(name, ns, cancellationToken: cancellationToken)),
            () => _client.NetworkingV1.CreateNamespacedNetworkPolicyAsync(policy, ns, cancellationToken: cancellationToken),
            current =>
            {
                policy.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
                return _client.NetworkingV1.ReplaceNamespacedNetworkPolicyAsync(policy, name, ns, cancellationToken: cancellationToken);
            }).ConfigureAwait(false);
        return Observe(applied);
    }

    /// <inheritdoc/>
    public async Task DeleteSecurityPolicyAsync(string uid, CancellationToken cancellationToken)
    {
        foreach (var policy in (await ListPoliciesAsync(cancellationToken).ConfigureAwait(false)).Where(p => KubernetesLabels.Get(p.Metadata.Labels, KubernetesLabels.Uid) == uid))
        {
            await DeleteOrGoneAsync($"delete NetworkPolicy {policy.Metadata.NamespaceProperty}/{policy.Metadata.Name}",
                () => _client.NetworkingV1.DeleteNamespacedNetworkPolicyAsync(policy.Metadata.Name, policy.Metadata.NamespaceProperty, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ObservedResource>> ListSecurityPoliciesAsync(CancellationToken cancellationToken) =>
        [.. (await ListPoliciesAsync(cancellationToken).ConfigureAwait(false)).Select(Observe)];

    private async Task<IList<V1NetworkPolicy>> ListPoliciesAsync(CancellationToken cancellationToken) =>
        (await CallAsync("list NetworkPolicies", () => _client.NetworkingV1.ListNetworkPolicyForAllNamespacesAsync(labelSelector: KubernetesLabels.Selector, cancellationToken: cancellationToken)).ConfigureAwait(false)).Items;

    private static ObservedResource Observe(V1NetworkPolicy policy) => new(
        KubernetesLabels.Get(policy.Metadata.Labels, KubernetesLabels.Uid) ?? string.Empty,
        $"{policy.Metadata.NamespaceProperty}/{policy.Metadata.Name}",
        KubernetesLabels.Get(policy.Metadata.Annotations, KubernetesLabels.SpecHash) ?? string.Empty,
        true);

    private static List<V1NetworkPolicyPeer>? Peers(SecurityRule rule) =>
        rule.RemoteCidr is { } cidr ? [new V1NetworkPolicyPeer { IpBlock = new V1IPBlock { Cidr = cidr } }]
        : rule.RemoteGroup is { } group ? [new V1NetworkPolicyPeer { PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [KubernetesLabels.PolicyPrefix + group] = "true" } } }]
        : null;

    private static List<V1NetworkPolicyPort>? Ports(SecurityRule rule)
    {
        var protocol = rule.Protocol switch
        {
            SecurityRuleProtocol.Tcp => "TCP",
            SecurityRuleProtocol.Udp => "UDP",
            _ => null,
        };
        if (protocol is null)
        {
            // Kubernetes NetworkPolicy matches TCP, UDP and SCTP ports only: Any and ICMP rules allow every port.
            return null;
        }

        var from = rule.PortFrom ?? rule.PortTo;
        var to = rule.PortTo ?? rule.PortFrom;
        return [new V1NetworkPolicyPort { Protocol = protocol, Port = from is { } f ? (IntOrString)f : null, EndPort = to != from ? to : null }];
    }
}
