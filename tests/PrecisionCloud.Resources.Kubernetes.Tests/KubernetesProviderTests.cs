using k8s;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Kubernetes.Tests.Fake;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.Kubernetes.Tests;

/// <summary>
/// The provider against a cluster: the in-process fake API server by default, a real one (kind, k3s) when
/// PRECISIONCLOUD_KUBERNETES_KUBECONFIG is set (see the package README).
/// </summary>
public sealed class KubernetesProviderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_tenant_is_a_namespace_with_its_quota_and_role_bindings()
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        var spec = new TenantSpec
        {
            Name = "acme",
            Quota = new TenantQuota { VCpus = 4, MemoryMiB = 8192, Instances = 10, Volumes = 3, StorageGiB = 50 },
            Members = [new TenantMember("alice", "admin"), new TenantMember("bob", "view")],
        };

        var observed = await cluster.Provider.ApplyTenantAsync(new ResourceDeployment<TenantSpec>("t-uid", spec, "h1"), None);
        await cluster.Provider.ApplyTenantAsync(new ResourceDeployment<TenantSpec>("t-uid", spec with { Members = [new TenantMember("alice", "admin")] }, "h2"), None);

        var ns = cluster.NamespacePrefix + "acme";
        Assert.Equal(("t-uid", ns, "h1", true), (observed.Uid, observed.BackendId, observed.SpecHash, observed.Ready));
        var quota = await cluster.Client.CoreV1.ReadNamespacedResourceQuotaAsync("precisioncloud-quota", ns);
        Assert.Equal(["4", "8Gi", "10", "3", "50Gi"], new[] { "requests.cpu", "requests.memory", "pods", "persistentvolumeclaims", "requests.storage" }.Select(k => quota.Spec.Hard[k].ToString()));
        var bindings = await cluster.Client.RbacAuthorizationV1.ListNamespacedRoleBindingAsync(ns);
        var binding = Assert.Single(bindings.Items);
        Assert.Equal(("admin", "alice"), (binding.RoleRef.Name, binding.Subjects.Single().Name));
        Assert.Equal("h2", (await cluster.Provider.ListTenantsAsync(None)).Single().SpecHash);
    }

    [Fact]
    public async Task A_container_workload_is_a_pinned_deployment_with_its_limits_policies_and_claims_and_becomes_running()
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        await TenantAsync(cluster);
        var volume = new VolumeSpec { Tenant = "acme", Name = "data", Kind = VolumeKind.Block, SizeGiB = 5, Class = "fast" };
        await cluster.Provider.ApplyVolumeAsync(new ResourceDeployment<VolumeSpec>("v-uid", volume, "vh"), None);
        var web = new SecurityPolicySpec
        {
            Tenant = "acme",
            Name = "web",
            Rules = [new SecurityRule { Protocol = SecurityRuleProtocol.Tcp, PortFrom = 8080, PortTo = 8081, RemoteCidr = "10.0.0.0/8" }, new SecurityRule { Direction = TrafficDirection.Egress, RemoteGroup = "db" }],
        };
        await cluster.Provider.ApplySecurityPolicyAsync(new ResourceDeployment<SecurityPolicySpec>("p-uid", web, "ph"), None);

        var deployment = Deployment(cluster, "w-uid", "web") with
        {
            Volumes = [new AttachedVolume(new VolumeMount("data", "/data"), volume, "v-uid", "ns/data")],
            SecurityPolicies = [web],
        };
        var applied = await cluster.Provider.ApplyWorkloadAsync(deployment, None);
        var running = await WaitForAsync(cluster.Provider, "w-uid", w => w.Replicas.Count == 2 && w.Replicas.All(r => r.State == ReplicaState.Running));

        Assert.Equal("sh", applied.SpecHash);
        Assert.Equal(cluster.NodeName, running.Replicas[0].Node);
        var ns = cluster.NamespacePrefix + "acme";
        var stored = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
        var pod = stored.Spec.Template.Spec;
        Assert.Equal(cluster.NodeName, pod.NodeSelector["kubernetes.io/hostname"]);
        Assert.Equal("a", pod.NodeSelector["zone"]);
        Assert.Equal(("500m", "256Mi"), (pod.Containers[0].Resources.Limits["cpu"].ToString(), pod.Containers[0].Resources.Limits["memory"].ToString()));
        Assert.Equal(["/bin/sh", "-c", "sleep 3600"], pod.Containers[0].Command);
        Assert.Equal("on", pod.Containers[0].Env.Single(e => e.Name == "MODE").Value);
        Assert.Equal("data", pod.Volumes.Single().PersistentVolumeClaim.ClaimName);
        Assert.Equal("true", stored.Spec.Template.Metadata.Labels["policy.precisioncloud.io/web"]);
        Assert.Equal("g1", pod.Affinity.PodAntiAffinity.RequiredDuringSchedulingIgnoredDuringExecution.Single().LabelSelector.MatchLabels["precisioncloud.io/anti-affinity"]);
        var claim = await cluster.Client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("data", ns);
        Assert.Equal(("Block", "fast", "5Gi"), (claim.Spec.VolumeMode, claim.Spec.StorageClassName, claim.Spec.Resources.Requests["storage"].ToString()));
        var policy = await cluster.Client.NetworkingV1.ReadNamespacedNetworkPolicyAsync("pc-web", ns);
        Assert.Equal(["Ingress", "Egress"], policy.Spec.PolicyTypes);
        Assert.Equal(("10.0.0.0/8", 8080, 8081), (policy.Spec.Ingress[0].FromProperty[0].IpBlock.Cidr, int.Parse(policy.Spec.Ingress[0].Ports[0].Port.Value, System.Globalization.CultureInfo.InvariantCulture), policy.Spec.Ingress[0].Ports[0].EndPort));
        Assert.Equal("true", policy.Spec.Egress[0].To[0].PodSelector.MatchLabels["policy.precisioncloud.io/db"]);
    }

    [Fact]
    public async Task The_api_errors_come_back_typed_with_the_servers_message()
    {
        await using var cluster = await ClusterUnderTest.StartAsync();

        var noNamespace = await Assert.ThrowsAsync<KubernetesApiException>(() => cluster.Provider.ApplyWorkloadAsync(Deployment(cluster, "x-uid", "web"), None));
        await TenantAsync(cluster);
        var badName = await Assert.ThrowsAsync<KubernetesApiException>(() => cluster.Provider.ApplyWorkloadAsync(Deployment(cluster, "y-uid", "Bad_Name"), None));

        Assert.Equal(404, noNamespace.StatusCode);
        Assert.Contains("not found", noNamespace.Message, StringComparison.Ordinal);
        Assert.Equal(422, badName.StatusCode);
        Assert.Contains("Bad_Name", badName.Message, StringComparison.Ordinal);
        await cluster.Provider.DeleteWorkloadAsync("never-created", None);
    }

    [Fact]
    public async Task Without_kubevirt_a_vm_is_refused_by_capability_and_with_it_becomes_a_virtual_machine()
    {
        await using var plain = await ClusterUnderTest.StartAsync();
        var capabilities = await plain.Provider.DiscoverAsync(None);
        Assert.Equal([WorkloadKind.Container], capabilities.Kinds);
        Assert.Contains(capabilities.Missing, m => m.Feature == "Kind:VirtualMachine" && m.Reason.Contains("KubeVirt", StringComparison.Ordinal));
        if (plain.Fake is null)
        {
            return;
        }

        await using var cluster = await ClusterUnderTest.StartAsync(kubeVirt: true);
        await TenantAsync(cluster);
        var vm = Deployment(cluster, "vm-uid", "router") with
        {
            Kind = WorkloadKind.VirtualMachine,
            Spec = Deployment(cluster, "vm-uid", "router").Spec with { Image = new WorkloadImage("quay.io/containerdisks/debian:12", ImageFormat.Disk), Replicas = 1, UserData = "#cloud-config\n" },
        };

        await cluster.Provider.ApplyWorkloadAsync(vm, None);
        var running = await WaitForAsync(cluster.Provider, "vm-uid", w => w.Replicas.Single().State == ReplicaState.Running);

        Assert.Equal("sh", running.SpecHash);
        var stored = cluster.Fake!.Get("kubevirt.io/v1/virtualmachines", cluster.NamespacePrefix + "acme", "router")!;
        Assert.Equal("quay.io/containerdisks/debian:12", stored["spec"]!["template"]!["spec"]!["volumes"]![0]!["containerDisk"]!["image"]!.GetValue<string>());
        await cluster.Provider.DeleteWorkloadAsync("vm-uid", None);
        Assert.Empty(await cluster.Provider.ListWorkloadsAsync(None));
    }

    internal static async Task TenantAsync(ClusterUnderTest cluster) =>
        await cluster.Provider.ApplyTenantAsync(new ResourceDeployment<TenantSpec>("t-uid", new TenantSpec { Name = "acme" }, "th"), None);

    internal static WorkloadDeployment Deployment(ClusterUnderTest cluster, string uid, string name) => new()
    {
        Uid = uid,
        Spec = new WorkloadSpec
        {
            Tenant = "acme",
            Name = name,
            Image = new WorkloadImage("busybox:1.36"),
            Replicas = 2,
            Command = ["/bin/sh", "-c", "sleep 3600"],
            Environment = new Dictionary<string, string> { ["MODE"] = "on" },
            Resources = new WorkloadResources { VCpus = 0.5, MemoryMiB = 256 },
            Placement = new PlacementConstraints { NodeLabels = new Dictionary<string, string> { ["zone"] = "a" }, AntiAffinityGroup = "g1" },
        },
        Kind = WorkloadKind.Container,
        Node = cluster.NodeName,
        SpecHash = "sh",
    };

    internal static async Task<ObservedWorkload> WaitForAsync(IComputeProvider provider, string uid, Func<ObservedWorkload, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var found = (await provider.ListWorkloadsAsync(None)).FirstOrDefault(w => w.Uid == uid);
            if (found is not null && condition(found))
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"workload {uid} never reached the state: {found}");
            }

            await Task.Delay(50);
        }
    }
}
