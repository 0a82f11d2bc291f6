using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Tests.ControlPlane;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.OpenStack.Tests;

/// <summary>The provider against the real control plane: members, drift repair and ownership.</summary>
public sealed class ProviderReconcileTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Members_get_roles_and_a_server_deleted_or_stopped_behind_our_back_is_repaired()
    {
        using var provider = await OpenStackControlPlane.ProviderAsync();
        using var admin = await OpenStackControlPlane.ClientAsync();
        await provider.DiscoverAsync(None);
        var image = await admin.Image.CreateImageAsync($"{provider.Name}-image", "raw", () => new MemoryStream(new byte[512]), true, None);
        var directory = Directory.CreateTempSubdirectory("pc-openstack-");
        try
        {
            using var manager = new ResourceManager([provider], Options.Create(new ResourceOptions { DatabasePath = Path.Combine(directory.FullName, "r.db") }), NullLogger<ResourceManager>.Instance);
            await manager.StartAsync(None);
            await manager.ApplyTenantAsync(new TenantSpec { Name = "beta", Members = [new TenantMember("demo", "member"), new TenantMember("nobody-here", "viewer")] }, None);
            await Reconciling.UntilAsync(manager, () => manager.GetTenant("beta")!.Status.Ready);
            var tenant = manager.GetTenant("beta")!;
            var projectId = tenant.Status.BackendIds[provider.Name];
            Assert.Contains("nobody-here", tenant.Status.Message, StringComparison.Ordinal);
            var roles = (await admin.Identity.ListRolesAsync(None)).ToDictionary(r => r.Id, r => r.Name);
            var assignments = await admin.Identity.ListProjectRoleAssignmentsAsync(projectId, None);
            var demo = (await admin.Identity.FindUserAsync("demo", (await admin.Identity.FindDomainIdAsync("Default", None))!, None))!;
            Assert.Contains(assignments, a => a.UserId == demo.Id && roles[a.RoleId] == "member");

            // Taking a member out takes the role back.
            await manager.ApplyTenantAsync(new TenantSpec { Name = "beta" }, None);
            await Reconciling.UntilAsync(manager, () => admin.Identity.ListProjectRoleAssignmentsAsync(projectId, None).Result.All(a => a.UserId != demo.Id));

            var spec = new WorkloadSpec
            {
                Tenant = "beta",
                Name = "mec",
                Kind = WorkloadKind.VirtualMachine,
                Image = new WorkloadImage(image.Id, ImageFormat.Disk),
                Resources = new WorkloadResources { VCpus = 1, MemoryMiB = 256 },
                UserData = "#cloud-config\nhostname: mec\n",
            };
            await manager.ApplyWorkloadAsync(spec, None);
            await Reconciling.UntilAsync(manager, () => manager.GetWorkload("beta", "mec")!.Status is { Phase: WorkloadPhase.Running, ReadyReplicas: 1 });
            var first = Assert.Single(await ServersAsync(admin, projectId));
            Assert.Equal("mec-0", first.Name);

            // Deleted behind our back: booted again.
            await admin.Compute.DeleteServerAsync(first.Id, None);
            await admin.Compute.WaitForServerGoneAsync(first.Id, TimeSpan.FromMinutes(1), None);
            await Reconciling.UntilAsync(manager, () => ServersAsync(admin, projectId).Result is [{ Status: "ACTIVE" } again] && again.Id != first.Id);

            // Stopped behind our back: seen as exited, and started again by the restart policy (the same machine).
            var second = Assert.Single(await ServersAsync(admin, projectId));
            await admin.Compute.StopServerAsync(second.Id, None);
            await admin.Compute.WaitForServerAsync(second.Id, TimeSpan.FromMinutes(1), "SHUTOFF", None);
            await Reconciling.UntilAsync(manager, () => manager.GetWorkload("beta", "mec")!.Status.Restarts == 1 && ServersAsync(admin, projectId).Result is [{ Status: "ACTIVE" }]);
            Assert.Equal(second.Id, Assert.Single(await ServersAsync(admin, projectId)).Id);

            await manager.DeleteWorkloadAsync("beta", "mec", None);
            await Reconciling.UntilAsync(manager, () => manager.ListWorkloads().Count == 0);
            await manager.DeleteTenantAsync("beta", None);
            await Reconciling.UntilAsync(manager, () => manager.ListTenants().Count == 0);
            await LeftBehind.AssertNothingAsync(admin, provider, projectId);
        }
        finally
        {
            await admin.Image.DeleteImageAsync(image.Id, None);
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_project_of_the_same_name_that_is_not_the_providers_is_never_taken_over()
    {
        using var provider = await OpenStackControlPlane.ProviderAsync();
        using var admin = await OpenStackControlPlane.ClientAsync();
        var domainId = (await admin.Identity.FindDomainIdAsync("Default", None))!;
        var foreign = await admin.Identity.CreateProjectAsync(provider.Name.Replace("pctest-", "pct", StringComparison.Ordinal) + "-gamma", domainId, "someone else's", None);
        try
        {
            var error = await Assert.ThrowsAsync<OpenStackConflictException>(() => provider.ApplyTenantAsync(new ResourceDeployment<TenantSpec>("g-uid", new TenantSpec { Name = "gamma" }, "h"), None));

            Assert.Contains("is not this provider's", error.FaultMessage, StringComparison.Ordinal);
            Assert.DoesNotContain(await provider.ListTenantsAsync(None), t => t.BackendId == foreign.Id);
            await provider.DeleteTenantAsync("g-uid", None);
            Assert.Contains(await OpenStackProvider.ToListAsync(admin.Identity.ListProjectsAsync($"name={foreign.Name}", None)), p => p.Id == foreign.Id);
        }
        finally
        {
            await admin.Identity.DeleteProjectAsync(foreign.Id, None);
        }
    }

    [Fact]
    public async Task A_boot_nova_cannot_place_reports_the_fault_and_leaves_no_port_to_block_the_retry()
    {
        using var provider = await OpenStackControlPlane.ProviderAsync();
        using var admin = await OpenStackControlPlane.ClientAsync();
        var node = (await provider.GetNodesAsync(None)).First(n => n.Kinds.Contains(WorkloadKind.VirtualMachine));
        var image = await admin.Image.CreateImageAsync($"{provider.Name}-image", "raw", () => new MemoryStream(new byte[512]), true, None);
        var tenant = await provider.ApplyTenantAsync(new ResourceDeployment<TenantSpec>("t-uid", new TenantSpec { Name = "delta" }, "th"), None);
        var radio = new PrecisionCloud.Resources.Networking.NetworkSpec { Tenant = "delta", Name = "radio", Subnets = [new PrecisionCloud.Resources.Networking.SubnetSpec("10.62.0.0/24")] };
        await provider.ApplyNetworkAsync(new ResourceDeployment<PrecisionCloud.Resources.Networking.NetworkSpec>("n-uid", radio, "nh"), None);
        var deployment = new WorkloadDeployment
        {
            Uid = "w-uid",
            Kind = WorkloadKind.VirtualMachine,
            Node = node.Name,
            SpecHash = "wh",
            Spec = new WorkloadSpec
            {
                Tenant = "delta",
                Name = "huge",
                Kind = WorkloadKind.VirtualMachine,
                Image = new WorkloadImage(image.Id, ImageFormat.Disk),
                Resources = new WorkloadResources { VCpus = 4096, MemoryMiB = 256 },
            },
            Networks = [new AttachedNetwork(radio, "n-uid", "10.62.0.0/24", "10.62.0.1", 24, ["10.62.0.20"])],
        };
        try
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                // The second attempt meets the same fault, not "address already allocated": the first left no port.
                var fault = await Assert.ThrowsAsync<OpenStackServerFaultException>(() => provider.ApplyWorkloadAsync(deployment, None));
                Assert.Contains("valid host", fault.Fault, StringComparison.OrdinalIgnoreCase);
                Assert.Empty(await ServersAsync(admin, tenant.BackendId));
                Assert.Empty(await OpenStackProvider.ToListAsync(admin.Network.ListPortsAsync($"project_id={tenant.BackendId}&device_owner=", None)));
            }
        }
        finally
        {
            await provider.DeleteWorkloadAsync("w-uid", None);
            await provider.DeleteNetworkAsync("n-uid", None);
            await provider.DeleteTenantAsync("t-uid", None);
            await admin.Image.DeleteImageAsync(image.Id, None);
            foreach (var flavor in (await OpenStackProvider.ToListAsync(admin.Compute.ListFlavorsAsync(None))).Where(f => f.VCpus == 4096))
            {
                await admin.Compute.DeleteFlavorAsync(flavor.Id, None);
            }
        }

        await LeftBehind.AssertNothingAsync(admin, provider, tenant.BackendId);
    }

    private static async Task<List<PrecisionCloud.Resources.OpenStack.Models.NovaServer>> ServersAsync(OpenStackClient admin, string projectId) =>
        await OpenStackProvider.ToListAsync(admin.Compute.ListServersAsync($"all_tenants=1&project_id={projectId}", None));
}
