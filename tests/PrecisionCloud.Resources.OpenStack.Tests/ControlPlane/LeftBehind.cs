using PrecisionCloud.Resources.OpenStack.Client;

namespace PrecisionCloud.Resources.OpenStack.Tests.ControlPlane;

/// <summary>Looks through the whole cloud for anything of a provider or a project that should be gone.</summary>
internal static class LeftBehind
{
    public static async Task AssertNothingAsync(OpenStackClient admin, OpenStackProvider provider, string projectId)
    {
        var left = new List<string>();
        left.AddRange((await OpenStackProvider.ToListAsync(admin.Compute.ListServersAsync("all_tenants=1", CancellationToken.None)))
            .Where(s => s.Metadata.GetValueOrDefault("pc-owner") == provider.Name || s.ProjectId == projectId).Select(s => $"server {s.Id} {s.Name}"));
        left.AddRange((await OpenStackProvider.ToListAsync(admin.BlockStorage.ListVolumesAsync("all_tenants=1", CancellationToken.None)))
            .Where(v => v.Metadata.GetValueOrDefault("pc-owner") == provider.Name || v.ProjectId == projectId).Select(v => $"volume {v.Id} ({v.Status})"));
        left.AddRange((await OpenStackProvider.ToListAsync(admin.Network.ListNetworksAsync($"project_id={projectId}", CancellationToken.None))).Select(n => $"network {n.Id}"));
        left.AddRange((await OpenStackProvider.ToListAsync(admin.Network.ListPortsAsync($"project_id={projectId}", CancellationToken.None))).Select(p => $"port {p.Id}"));
        left.AddRange((await OpenStackProvider.ToListAsync(admin.Network.ListSecurityGroupsAsync(string.Empty, CancellationToken.None))).Where(g => g.ProjectId == projectId).Select(g => $"security group {g.Name} {g.Id}"));
        left.AddRange((await OpenStackProvider.ToListAsync(admin.Identity.ListProjectsAsync(string.Empty, CancellationToken.None)))
            .Where(p => p.Id == projectId || p.Description.Contains($"owner={provider.Name} ", StringComparison.Ordinal)).Select(p => $"project {p.Name}"));
        left.AddRange((await OpenStackProvider.ToListAsync(admin.Compute.ListServerGroupsAsync("all_projects=True", CancellationToken.None))).Where(g => g.Name.StartsWith(provider.Name + ".", StringComparison.Ordinal)).Select(g => $"server group {g.Name}"));
        Assert.True(left.Count == 0, "left behind: " + string.Join(", ", left));
    }
}
