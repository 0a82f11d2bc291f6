using System.Security.Cryptography;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Models;
using PrecisionCloud.Resources.OpenStack.Tests.ControlPlane;
using PrecisionCloud.Resources.OpenStack.Tests.Fakes;

namespace PrecisionCloud.Resources.OpenStack.Tests.Client;

/// <summary>The client against the real control plane: authentication, the catalog, pagination, errors, Placement.</summary>
public sealed class ClientIntegrationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Password_and_application_credentials_authenticate_with_the_catalog_of_every_service()
    {
        using var admin = await OpenStackControlPlane.ClientAsync();
        var access = await admin.Session.GetAccessAsync(None);
        Assert.Contains("admin", access.Roles);
        Assert.All(new[] { "compute", "network", "image", "block-storage", "placement", "identity" }, type => Assert.True(access.Catalog.Has(type), type));
        Assert.True(access.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(30));

        using var demo = await OpenStackControlPlane.ClientAsync("precisioncloud-demo");
        var demoAccess = await demo.Session.GetAccessAsync(None);
        var credential = await demo.Identity.CreateApplicationCredentialAsync(demoAccess.UserId!, "pct-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)), ["member"], None);
        try
        {
            var cloud = await OpenStackControlPlane.CloudAsync("precisioncloud-demo");
            using var byCredential = new OpenStackClient(new OpenStackCloudOptions { AuthUrl = cloud.AuthUrl, ApplicationCredentialId = credential.Id, ApplicationCredentialSecret = credential.Secret });
            var credentialAccess = await byCredential.Session.GetAccessAsync(None);
            Assert.Equal((demoAccess.ProjectId, demoAccess.UserId), (credentialAccess.ProjectId, credentialAccess.UserId));
            await OpenStackProvider.ToListAsync(byCredential.Network.ListNetworksAsync(string.Empty, None));
            Assert.Throws<OpenStackException>(() => byCredential.ForProject("another"));
        }
        finally
        {
            await demo.Identity.DeleteApplicationCredentialAsync(demoAccess.UserId!, credential.Id, None);
        }

        var wrong = await OpenStackControlPlane.CloudAsync("precisioncloud-demo");
        wrong.Password = "not-the-password";
        using var refused = new OpenStackClient(wrong);
        var error = await Assert.ThrowsAsync<OpenStackUnauthorizedException>(() => refused.Session.GetAccessAsync(None).AsTask());
        Assert.Equal((401, "identity"), (error.StatusCode, error.Service));
        Assert.StartsWith("req-", error.RequestId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_is_replaced_by_one_new_authentication_in_the_middle_of_work()
    {
        using var admin = await OpenStackControlPlane.ClientAsync();
        using var client = await OpenStackControlPlane.ClientAsync();
        var before = await client.Session.GetAccessAsync(None);

        await admin.Identity.RevokeTokenAsync(before.Token, None);
        var flavors = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => OpenStackProvider.ToListAsync(client.Compute.ListFlavorsAsync(None))));

        Assert.All(flavors, Assert.NotNull);
        Assert.Equal(2, client.Session.Authentications);
        Assert.NotEqual(before.Token, (await client.Session.GetAccessAsync(None)).Token);
    }

    [Fact]
    public async Task Lists_page_through_nova_and_glance_by_their_links()
    {
        using var admin = await OpenStackControlPlane.ClientAsync();
        using var counting = new CountingHandler();
        using var http = new HttpClient(counting);
        using var paged = new OpenStackClient(await OpenStackControlPlane.CloudAsync(), new OpenStackClientOptions { PageSize = 2 }, http: http);
        var prefix = "pct-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var flavors = new List<NovaFlavor>();
        var images = new List<GlanceImage>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                flavors.Add(await admin.Compute.CreateFlavorAsync($"{prefix}-{i}", 1, 128 + i, 0, new Dictionary<string, string>(), None));
            }

            for (var i = 0; i < 3; i++)
            {
                images.Add(await admin.Image.CreateImageAsync($"{prefix}-{i}", "raw", () => new MemoryStream(new byte[16]), false, None));
            }

            var listed = await OpenStackProvider.ToListAsync(paged.Compute.ListFlavorsAsync(None));
            Assert.Equal(flavors.Select(f => f.Id).Order(), listed.Where(f => f.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(f => f.Id).Order());
            Assert.True(counting.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/flavors/detail", StringComparison.Ordinal)) >= 3);
            Assert.Equal(listed.Count, listed.Select(f => f.Id).Distinct().Count());

            var imagesListed = await OpenStackProvider.ToListAsync(paged.Image.ListImagesAsync(string.Empty, None));
            Assert.Equal(images.Select(i => i.Id).Order(), imagesListed.Where(i => i.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(i => i.Id).Order());
            Assert.True(counting.Requests.Count(r => r.Uri.AbsolutePath == "/v2/images") >= 2);
            var found = await paged.Image.FindImageAsync($"{prefix}-1", None);
            Assert.Equal((images[1].Id, "active", 16L), (found!.Id, found.Status, found.SizeBytes));
            Assert.Equal(found.Id, (await paged.Image.FindImageAsync(found.Id, None))!.Id);
            Assert.Null(await paged.Image.FindImageAsync($"{prefix}-none", None));
        }
        finally
        {
            foreach (var flavor in flavors)
            {
                await admin.Compute.DeleteFlavorAsync(flavor.Id, None);
            }

            foreach (var image in images)
            {
                await admin.Image.DeleteImageAsync(image.Id, None);
            }
        }
    }

    [Fact]
    public async Task Real_refusals_carry_the_services_message_and_request_id()
    {
        using var admin = await OpenStackControlPlane.ClientAsync();

        var server = await Assert.ThrowsAsync<OpenStackNotFoundException>(() => admin.Compute.AttachVolumeAsync(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), None));
        Assert.Contains("could not be found", server.FaultMessage, StringComparison.Ordinal);
        Assert.StartsWith("req-", server.RequestId, StringComparison.Ordinal);

        var network = await Assert.ThrowsAsync<OpenStackNotFoundException>(() => admin.Network.CreateSubnetAsync(Guid.NewGuid().ToString(), "10.99.0.0/24", null, true, string.Empty, None));
        Assert.Equal("network", network.Service);
        Assert.Contains("could not be found", network.FaultMessage, StringComparison.Ordinal);
        Assert.StartsWith("req-", network.RequestId, StringComparison.Ordinal);

        var badCidr = await Assert.ThrowsAsync<OpenStackApiException>(() => admin.Network.CreateSubnetAsync(Guid.NewGuid().ToString(), "not-a-cidr", null, true, string.Empty, None));
        Assert.Equal(400, badCidr.StatusCode);

        Assert.Null(await admin.Compute.GetServerAsync(Guid.NewGuid().ToString(), None));
        Assert.Null(await admin.BlockStorage.GetVolumeAsync(Guid.NewGuid().ToString(), None));
        Assert.Equal(PrecisionCloud.Resources.OpenStack.Services.ComputeService.PreferredVersion, await admin.Compute.NegotiateAsync(None));
    }

    [Fact]
    public async Task Placement_inventories_and_traits_of_a_custom_resource_class_make_a_bare_metal_node_the_provider_offers()
    {
        using var admin = await OpenStackControlPlane.ClientAsync();
        var tag = Convert.ToHexString(RandomNumberGenerator.GetBytes(3));
        var resourceClass = $"CUSTOM_PCT_BAREMETAL_{tag}";
        var trait = $"CUSTOM_PCT_NIC_{tag}";
        await admin.Placement.EnsureResourceClassAsync(resourceClass, None);
        await admin.Placement.EnsureTraitAsync(trait, None);
        var node = await admin.Placement.CreateResourceProviderAsync($"pct-bm-{tag}", null, None);
        NovaFlavor? flavor = null;
        try
        {
            await admin.Placement.SetInventoriesAsync(node.Id, [new PlacementInventory(resourceClass, 1, MaxUnit: 1)], None);
            await admin.Placement.SetTraitsAsync(node.Id, [trait], None);
            Assert.Equal(resourceClass, Assert.Single(await admin.Placement.GetInventoriesAsync(node.Id, None)).ResourceClass);
            Assert.Equal([trait], await admin.Placement.GetTraitsAsync(node.Id, None));
            Assert.DoesNotContain(await admin.Placement.GetUsagesAsync(node.Id, None), u => u.Value > 0);
            flavor = await admin.Compute.CreateFlavorAsync($"pct-bm-{tag}", 16, 65536, 400, new Dictionary<string, string>
            {
                ["resources:" + resourceClass] = "1",
                ["resources:VCPU"] = "0",
                ["resources:MEMORY_MB"] = "0",
                ["resources:DISK_GB"] = "0",
            }, None);

            using var provider = await OpenStackControlPlane.ProviderAsync();
            var capabilities = await provider.DiscoverAsync(None);
            Assert.Contains(WorkloadKind.BareMetal, capabilities.Kinds);
            var bareMetal = Assert.Single(await provider.GetNodesAsync(None), n => n.Name == node.Name);
            Assert.Equal([WorkloadKind.BareMetal], bareMetal.Kinds);
            Assert.Equal((16.0, 65536L, 400L, true), (bareMetal.Capacity.VCpus, bareMetal.Capacity.MemoryMiB, bareMetal.Capacity.DiskGiB, bareMetal.Schedulable));
            Assert.Equal("true", bareMetal.Labels["trait/" + trait]);
            Assert.Equal(resourceClass, bareMetal.Labels["openstack.org/resource-class"]);
            Assert.False(await admin.BareMetal.IsPresentAsync(None));
        }
        finally
        {
            if (flavor is not null)
            {
                await admin.Compute.DeleteFlavorAsync(flavor.Id, None);
            }

            await admin.Placement.DeleteResourceProviderAsync(node.Id, None);
        }
    }
}
