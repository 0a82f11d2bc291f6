using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Resources.Kubernetes;

public sealed partial class KubernetesProvider
{
    /// <inheritdoc/>
    /// <remarks>
    /// A Multus NetworkAttachmentDefinition in the tenant's namespace (<c>pc-net-NAME</c>): a bridge per network with
    /// static addressing, so each replica gets the address the model assigned it. Needs Multus on the cluster.
    /// </remarks>
    public async Task<ObservedResource> ApplyNetworkAsync(ResourceDeployment<NetworkSpec> deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var capabilities = await CapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        if (!capabilities.Networks)
        {
            throw new InvalidOperationException($"provider '{Name}' cannot realise networks: {string.Join("; ", capabilities.Missing.Where(m => m.Feature == "Networks").Select(m => m.Reason))}");
        }

        var spec = deployment.Spec;
        var ns = NamespaceOf(spec.Tenant);
        var name = AttachmentName(spec.Name);
        var config = new JsonObject
        {
            ["cniVersion"] = "0.3.1",
            ["name"] = $"{spec.Tenant}-{spec.Name}",
            ["type"] = "bridge",
            ["bridge"] = "pcbr" + deployment.Uid[..Math.Min(10, deployment.Uid.Length)],
            ["ipam"] = new JsonObject { ["type"] = "static" },

            // Lets Multus hand each pod the addresses its selection names (the "ips" of the annotation).
            ["capabilities"] = new JsonObject { ["ips"] = true },
        };
        var body = new JsonObject
        {
            ["apiVersion"] = "k8s.cni.cncf.io/v1",
            ["kind"] = "NetworkAttachmentDefinition",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = new JsonObject { [KubernetesLabels.ManagedBy] = KubernetesLabels.ManagedByValue, [KubernetesLabels.Owner] = _owner, [KubernetesLabels.Uid] = deployment.Uid },
                ["annotations"] = new JsonObject { [KubernetesLabels.SpecHash] = deployment.SpecHash },
            },
            ["spec"] = new JsonObject { ["config"] = config.ToJsonString() },
        };
        await UpsertCustomAsync(MultusGroup, "network-attachment-definitions", ns, name, body, cancellationToken).ConfigureAwait(false);
        return new ObservedResource(deployment.Uid, $"{ns}/{name}", deployment.SpecHash, true);
    }

    /// <inheritdoc/>
    public async Task DeleteNetworkAsync(string uid, CancellationToken cancellationToken)
    {
        foreach (var item in await ListCustomAsync(MultusGroup, "network-attachment-definitions", cancellationToken).ConfigureAwait(false))
        {
            if (item["metadata"]?["labels"]?[KubernetesLabels.Uid]?.GetValue<string>() == uid)
            {
                var (ns, name) = (item["metadata"]!["namespace"]!.GetValue<string>(), item["metadata"]!["name"]!.GetValue<string>());
                await DeleteOrGoneAsync($"delete NetworkAttachmentDefinition {ns}/{name}",
                    () => _client.CustomObjects.DeleteNamespacedCustomObjectAsync(MultusGroup, "v1", ns, "network-attachment-definitions", name, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ObservedResource>> ListNetworksAsync(CancellationToken cancellationToken)
    {
        if (!(await CapabilitiesAsync(cancellationToken).ConfigureAwait(false)).Networks)
        {
            return [];
        }

        return [.. (await ListCustomAsync(MultusGroup, "network-attachment-definitions", cancellationToken).ConfigureAwait(false)).Select(item => new ObservedResource(
            item["metadata"]?["labels"]?[KubernetesLabels.Uid]?.GetValue<string>() ?? string.Empty,
            $"{item["metadata"]?["namespace"]}/{item["metadata"]?["name"]}",
            item["metadata"]?["annotations"]?[KubernetesLabels.SpecHash]?.GetValue<string>() ?? string.Empty,
            true))];
    }

    private static string AttachmentName(string network) => "pc-net-" + network;

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
                Labels = Managed(deployment.Uid),
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
                RequireOwned(current.Metadata, deployment.Uid, $"NetworkPolicy {ns}/{name}");
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
        (await CallAsync("list NetworkPolicies", () => _client.NetworkingV1.ListNetworkPolicyForAllNamespacesAsync(labelSelector: _selector, cancellationToken: cancellationToken)).ConfigureAwait(false)).Items;

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
