using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.OpenStack.Models;
using PrecisionCloud.Resources.OpenStack.Tests.ControlPlane;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.OpenStack.Tests;

/// <summary>
/// Updates in place against the real control plane: rules, subnets, volumes attached and grown. Cinder's fake driver
/// here cannot extend (its fake LVM has no extend), so a grown volume ends in error_extending, and the test checks
/// that the provider reports that state as it is rather than the size.
/// </summary>
public sealed class ProviderNetworkAndStorageTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Policies_subnets_and_volumes_change_in_place()
    {
        using var provider = await OpenStackControlPlane.ProviderAsync();
        using var admin = await OpenStackControlPlane.ClientAsync();
        var node = (await provider.GetNodesAsync(None)).First(n => n.Kinds.Contains(WorkloadKind.VirtualMachine));
        var tenant = await provider.ApplyTenantAsync(new ResourceDeployment<TenantSpec>("t-uid", new TenantSpec { Name = "eps" }, "th"), None);
        var image = await admin.Image.CreateImageAsync($"{provider.Name}-image", "raw", () => new MemoryStream(new byte[512]), true, None);
        try
        {
            // Two subnets, then one: the dropped one is deleted, the kept one stays the same object.
            var twoSubnets = new NetworkSpec { Tenant = "eps", Name = "core", Subnets = [new SubnetSpec("10.63.0.0/24"), new SubnetSpec("10.64.0.0/24", "10.64.0.254", Dhcp: false)] };
            var network = await provider.ApplyNetworkAsync(new ResourceDeployment<NetworkSpec>("n-uid", twoSubnets, "n1"), None);
            var subnets = await OpenStackProvider.ToListAsync(admin.Network.ListSubnetsAsync($"network_id={network.BackendId}", None));
            Assert.Equal(["10.63.0.0/24", "10.64.0.0/24"], subnets.Select(s => s.Cidr).Order());
            Assert.Contains(subnets, s => s is { Cidr: "10.64.0.0/24", GatewayIp: "10.64.0.254", EnableDhcp: false });
            var kept = subnets.Single(s => s.Cidr == "10.63.0.0/24").Id;
            await provider.ApplyNetworkAsync(new ResourceDeployment<NetworkSpec>("n-uid", twoSubnets with { Subnets = [twoSubnets.Subnets[0]] }, "n2"), None);
            Assert.Equal([kept], (await OpenStackProvider.ToListAsync(admin.Network.ListSubnetsAsync($"network_id={network.BackendId}", None))).Select(s => s.Id));
            Assert.Equal("n2", Assert.Single(await provider.ListNetworksAsync(None)).SpecHash);

            // A remote group and egress rules: only those go out (Neutron's allow-all egress is replaced), IPv4 and IPv6.
            await provider.ApplySecurityPolicyAsync(new ResourceDeployment<SecurityPolicySpec>("db-uid", new SecurityPolicySpec { Tenant = "eps", Name = "db" }, "d1"), None);
            var web = new SecurityPolicySpec
            {
                Tenant = "eps",
                Name = "web",
                Rules =
                [
                    new SecurityRule { Protocol = SecurityRuleProtocol.Tcp, PortFrom = 8080, PortTo = 8081 },
                    new SecurityRule { Direction = TrafficDirection.Egress, Protocol = SecurityRuleProtocol.Tcp, PortFrom = 5432, RemoteGroup = "db" },
                ],
            };
            var applied = await provider.ApplySecurityPolicyAsync(new ResourceDeployment<SecurityPolicySpec>("web-uid", web, "w1"), None);
            var dbId = (await provider.ListSecurityPoliciesAsync(None)).Single(p => p.Uid == "db-uid").BackendId;
            var rules = await RulesAsync(admin, applied.BackendId);
            Assert.Equal(4, rules.Count);
            Assert.Equal(2, rules.Count(r => r is { Direction: "ingress", Protocol: "tcp", PortRangeMin: 8080, PortRangeMax: 8081, RemoteIpPrefix: null }));
            Assert.Equal(["IPv4", "IPv6"], rules.Where(r => r.Direction == "egress").Select(r => r.EtherType).Order());
            Assert.All(rules.Where(r => r.Direction == "egress"), r => Assert.Equal((dbId, 5432), (r.RemoteGroupId, r.PortRangeMin!.Value)));

            // Without egress rules, egress is open again; the kept ingress rules are the same objects.
            var ingressIds = rules.Where(r => r.Direction == "ingress").Select(r => r.Id).Order().ToList();
            await provider.ApplySecurityPolicyAsync(new ResourceDeployment<SecurityPolicySpec>("web-uid", web with { Rules = [web.Rules[0]] }, "w2"), None);
            rules = await RulesAsync(admin, applied.BackendId);
            Assert.Equal(ingressIds, rules.Where(r => r.Direction == "ingress").Select(r => r.Id).Order());
            Assert.All(rules.Where(r => r.Direction == "egress"), r => Assert.Equal((null, null, null), (r.Protocol, r.RemoteGroupId, r.RemoteIpPrefix)));

            // A volume never shrinks; one that grows is asked to extend, and its state is reported as Cinder has it.
            var volumeSpec = new VolumeSpec { Tenant = "eps", Name = "logs", Kind = VolumeKind.Block, SizeGiB = 2 };
            var volume = await provider.ApplyVolumeAsync(new ResourceDeployment<VolumeSpec>("v-uid", volumeSpec, "v1"), None);
            await provider.ApplyVolumeAsync(new ResourceDeployment<VolumeSpec>("v-uid", volumeSpec with { SizeGiB = 1 }, "v2"), None);
            Assert.Equal((2L, "v2"), ((await admin.BlockStorage.GetVolumeAsync(volume.BackendId, None))!.SizeGiB, (await admin.BlockStorage.GetVolumeAsync(volume.BackendId, None))!.Metadata["pc-spec"]));
            var growing = new VolumeSpec { Tenant = "eps", Name = "archive", Kind = VolumeKind.Block, SizeGiB = 1 };
            var archive = await provider.ApplyVolumeAsync(new ResourceDeployment<VolumeSpec>("a-uid", growing, "a1"), None);
            await provider.ApplyVolumeAsync(new ResourceDeployment<VolumeSpec>("a-uid", growing with { SizeGiB = 3 }, "a2"), None);
            var settled = false;
            for (var i = 0; i < 80 && !settled; i++)
            {
                var observed = (await provider.ListVolumesAsync(None)).Single(v => v.Uid == "a-uid");
                var now = (await admin.BlockStorage.GetVolumeAsync(archive.BackendId, None))!;
                if (now.SizeGiB == 3 || now.Status.StartsWith("error", StringComparison.Ordinal))
                {
                    Assert.Equal(now.Status is "available" or "in-use", observed.Ready);
                    Assert.Equal(now.Status is "available" or "in-use" ? null : $"the volume is {now.Status}", observed.Message);
                    settled = true;
                    continue;
                }

                await Task.Delay(250);
            }

            Assert.True(settled, "the volume neither grew nor failed to within 20 s");

            var vm = await provider.ApplyWorkloadAsync(new WorkloadDeployment
            {
                Uid = "w-uid",
                Kind = WorkloadKind.VirtualMachine,
                Node = node.Name,
                SpecHash = "wh",
                Spec = new WorkloadSpec { Tenant = "eps", Name = "collector", Kind = WorkloadKind.VirtualMachine, Image = new WorkloadImage(image.Id, ImageFormat.Disk), Resources = new WorkloadResources { VCpus = 1, MemoryMiB = 128 } },
                Volumes = [new AttachedVolume(new VolumeMount("logs", "/logs"), volumeSpec, "v-uid", volume.BackendId)],
            }, None);
            Assert.Equal(ReplicaState.Running, Assert.Single(vm.Replicas).State);
            Assert.Equal((volume.BackendId, "in-use"), (Assert.Single((await admin.Compute.GetServerAsync(vm.BackendId.Split('/')[1], None))!.AttachedVolumes), (await admin.BlockStorage.GetVolumeAsync(volume.BackendId, None))!.Status));
        }
        finally
        {
            await provider.DeleteWorkloadAsync("w-uid", None);
            await provider.DeleteVolumeAsync("v-uid", None);
            await provider.DeleteVolumeAsync("a-uid", None);
            await provider.DeleteSecurityPolicyAsync("web-uid", None);
            await provider.DeleteSecurityPolicyAsync("db-uid", None);
            await provider.DeleteNetworkAsync("n-uid", None);
            await provider.DeleteTenantAsync("t-uid", None);
            await admin.Image.DeleteImageAsync(image.Id, None);
        }

        await LeftBehind.AssertNothingAsync(admin, provider, tenant.BackendId);
    }

    private static async Task<List<NeutronSecurityGroupRule>> RulesAsync(PrecisionCloud.Resources.OpenStack.Client.OpenStackClient admin, string groupId) =>
        (await OpenStackProvider.ToListAsync(admin.Network.ListSecurityGroupsAsync($"id={groupId}", None))).Single().Rules.ToList();
}
