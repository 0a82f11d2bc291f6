using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Tests.ControlPlane;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.OpenStack.Tests;

/// <summary>
/// The provider under the resource manager against the real control plane (Keystone, Nova with the fake virt
/// driver, Neutron, Cinder, Glance, Placement): a tenant with quotas, a network with a subnet and a security
/// policy, a volume, a VM that becomes ACTIVE with its address, attach and detach, a quota that refuses, and
/// deletion that leaves nothing behind.
/// </summary>
public sealed class ProviderIntegrationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_tenant_network_policy_volume_and_vm_run_on_openstack_and_leave_nothing_behind()
    {
        using var provider = await OpenStackControlPlane.ProviderAsync();
        using var admin = await OpenStackControlPlane.ClientAsync();
        var capabilities = await provider.DiscoverAsync(None);
        Assert.Contains(WorkloadKind.VirtualMachine, capabilities.Kinds);
        Assert.Contains(capabilities.Missing, m => m.Feature == "Kind:Container");
        var nodes = await provider.GetNodesAsync(None);
        var node = Assert.Single(nodes, n => n.Kinds.Contains(WorkloadKind.VirtualMachine));
        Assert.True(node.Schedulable);
        Assert.True(node.Capacity.VCpus >= 1 && node.Capacity.MemoryMiB > 0, $"capacity {node.Capacity}");

        var image = await admin.Image.CreateImageAsync($"{provider.Name}-image", "raw", () => new MemoryStream(new byte[4096]), true, None);
        var directory = Directory.CreateTempSubdirectory("pc-openstack-");
        try
        {
            using var manager = new ResourceManager([provider], Options.Create(new ResourceOptions { DatabasePath = Path.Combine(directory.FullName, "r.db") }), NullLogger<ResourceManager>.Instance);
            await manager.StartAsync(None);

            await manager.ApplyTenantAsync(new TenantSpec { Name = "acme", Quota = new TenantQuota { VCpus = 4, MemoryMiB = 4096, Instances = 3, Volumes = 2, StorageGiB = 10, Networks = 2 } }, None);
            await manager.ApplyNetworkAsync(new NetworkSpec { Tenant = "acme", Name = "radio", Subnets = [new SubnetSpec("10.61.0.0/24")] }, None);
            await manager.ApplySecurityPolicyAsync(new SecurityPolicySpec
            {
                Tenant = "acme",
                Name = "web",
                Rules = [new SecurityRule { Protocol = SecurityRuleProtocol.Tcp, PortFrom = 443, RemoteCidr = "10.0.0.0/8" }],
            }, None);
            await manager.ApplyVolumeAsync(new VolumeSpec { Tenant = "acme", Name = "data", Kind = VolumeKind.Block, SizeGiB = 1 }, None);
            await Reconciling.UntilAsync(manager, () => manager.GetVolume("acme", "data")!.Status.Ready);

            // The tenant is a project with its quotas; the network, subnet, group and volume are in it.
            var projectId = manager.GetTenant("acme")!.Status.BackendIds[provider.Name];
            var compute = await admin.Compute.GetQuotaAsync(projectId, None);
            Assert.Equal((3L, 4L, 4096L), (compute.Instances, compute.Cores, compute.RamMiB));
            var volumes = await admin.BlockStorage.GetQuotaAsync(projectId, None);
            Assert.Equal((2L, 10L), (volumes.Volumes, volumes.Gigabytes));
            Assert.Equal(2L, (await admin.Network.GetQuotaAsync(projectId, None)).Networks);
            var network = Assert.Single(await OpenStackProvider.ToListAsync(admin.Network.ListNetworksAsync($"project_id={projectId}", None)));
            Assert.Equal("10.61.0.1", Assert.Single(await OpenStackProvider.ToListAsync(admin.Network.ListSubnetsAsync($"network_id={network.Id}", None))).GatewayIp);
            var web = Assert.Single(await OpenStackProvider.ToListAsync(admin.Network.ListSecurityGroupsAsync($"project_id={projectId}&name=web", None)));
            Assert.Contains(web.Rules, r => r is { Direction: "ingress", Protocol: "tcp", PortRangeMin: 443, PortRangeMax: 443, RemoteIpPrefix: "10.0.0.0/8" });

            var vm = new WorkloadSpec
            {
                Tenant = "acme",
                Name = "upf",
                Kind = WorkloadKind.VirtualMachine,
                Image = new WorkloadImage(image.Name, ImageFormat.Disk),
                Resources = new WorkloadResources { VCpus = 1, MemoryMiB = 512, DiskGiB = 1 },
                Networks = [new NetworkAttachment("radio", "10.61.0.10")],
                SecurityPolicies = ["web"],
                Volumes = [new VolumeMount("data", "/data")],
                Placement = new PlacementConstraints { AntiAffinityGroup = "upf" },
            };
            await manager.ApplyWorkloadAsync(vm, None);
            await Reconciling.UntilAsync(manager, () => manager.GetWorkload("acme", "upf")!.Status.Phase == WorkloadPhase.Running);

            // ACTIVE on the chosen node, with the model's address on the port, the group on the port, the volume attached.
            var server = Assert.Single(await OpenStackProvider.ToListAsync(admin.Compute.ListServersAsync($"all_tenants=1&project_id={projectId}", None)));
            Assert.Equal("ACTIVE", server.Status);
            Assert.Equal(node.Name, server.Node);
            Assert.Equal(["10.61.0.10"], server.Addresses["radio"]);
            var port = Assert.Single(await OpenStackProvider.ToListAsync(admin.Network.ListPortsAsync($"device_id={server.Id}", None)));
            Assert.Equal([web.Id], port.SecurityGroups);
            var volumeId = manager.GetVolume("acme", "data")!.Status.BackendId!;
            Assert.Equal([volumeId], server.AttachedVolumes);
            Assert.Equal("in-use", (await admin.BlockStorage.GetVolumeAsync(volumeId, None))!.Status);
            var group = Assert.Single(await OpenStackProvider.ToListAsync(admin.ForProject(projectId).Compute.ListServerGroupsAsync(string.Empty, None)));
            Assert.Equal(("anti-affinity", server.Id), (group.Policy, Assert.Single(group.Members)));

            // Unmounting detaches in place (the server stays).
            await manager.ApplyWorkloadAsync(vm with { Volumes = [] }, None);
            await Reconciling.UntilAsync(manager, () => admin.BlockStorage.GetVolumeAsync(volumeId, None).Result!.Status == "available");
            Assert.Equal(server.Id, Assert.Single(await OpenStackProvider.ToListAsync(admin.Compute.ListServersAsync($"all_tenants=1&project_id={projectId}", None))).Id);

            // Our own quota refuses first; OpenStack's quota, which the provider set, refuses what bypasses it.
            await Assert.ThrowsAsync<QuotaExceededException>(() => manager.ApplyVolumeAsync(new VolumeSpec { Tenant = "acme", Name = "big", Kind = VolumeKind.Block, SizeGiB = 20 }, None));
            var overQuota = await Assert.ThrowsAsync<OpenStackQuotaExceededException>(() => provider.ApplyVolumeAsync(
                new ResourceDeployment<VolumeSpec>("direct-uid", new VolumeSpec { Tenant = "acme", Name = "direct", Kind = VolumeKind.Block, SizeGiB = 20 }, "h"), None));
            Assert.Equal(413, overQuota.StatusCode);
            Assert.False(string.IsNullOrEmpty(overQuota.RequestId));
            Assert.Contains("gigabytes", overQuota.FaultMessage, StringComparison.OrdinalIgnoreCase);

            await manager.DeleteWorkloadAsync("acme", "upf", None);
            await Reconciling.UntilAsync(manager, () => manager.ListWorkloads().Count == 0);
            await manager.DeleteVolumeAsync("acme", "data", None);
            await manager.DeleteSecurityPolicyAsync("acme", "web", None);
            await manager.DeleteNetworkAsync("acme", "radio", None);
            await Reconciling.UntilAsync(manager, () => manager.ListVolumes().Count == 0 && manager.ListNetworks().Count == 0 && manager.ListSecurityPolicies().Count == 0);
            await manager.DeleteTenantAsync("acme", None);
            await Reconciling.UntilAsync(manager, () => manager.ListTenants().Count == 0);

            await LeftBehind.AssertNothingAsync(admin, provider, projectId);
        }
        finally
        {
            await admin.Image.DeleteImageAsync(image.Id, None);
            directory.Delete(recursive: true);
        }
    }
}
