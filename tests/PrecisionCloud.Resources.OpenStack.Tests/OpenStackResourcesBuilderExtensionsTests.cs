using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Resources.OpenStack.Tests;

public sealed class OpenStackResourcesBuilderExtensionsTests
{
    [Fact]
    public void The_provider_binds_its_section_and_the_lambda_adjusts_it()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["PrecisionCloud:Resources:OpenStack:Name"] = "core-pool",
            ["PrecisionCloud:Resources:OpenStack:Auth:AuthUrl"] = "http://keystone.test:5000/v3",
            ["PrecisionCloud:Resources:OpenStack:Auth:Username"] = "precisioncloud",
            ["PrecisionCloud:Resources:OpenStack:Auth:Password"] = "secret",
            ["PrecisionCloud:Resources:OpenStack:Client:PageSize"] = "50",
        }, o => o.Site = "region-west");

        var options = services.GetRequiredService<IOptions<OpenStackProviderOptions>>().Value;
        var provider = Assert.IsType<OpenStackProvider>(Assert.Single(services.GetServices<IResourceProvider>()));

        Assert.Equal(("core-pool", "region-west", 50, "precisioncloud"), (options.Name, options.Site, options.Client.PageSize, options.Auth.Username));
        Assert.Equal("core-pool", provider.Name);
    }

    [Fact]
    public void Options_out_of_range_fail_validation_with_every_reason()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["PrecisionCloud:Resources:OpenStack:Auth:AuthUrl"] = "http://keystone.test:5000/v3",
            ["PrecisionCloud:Resources:OpenStack:Auth:ApplicationCredentialId"] = "ac",
            ["PrecisionCloud:Resources:OpenStack:Auth:ApplicationCredentialSecret"] = "s",
            ["PrecisionCloud:Resources:OpenStack:AntiAffinityPolicy"] = "affinity",
            ["PrecisionCloud:Resources:OpenStack:Client:MaxRetries"] = "50",
        }, null);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<OpenStackProviderOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("ProjectPerTenant", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("AntiAffinityPolicy", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxRetries", StringComparison.Ordinal));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, Action<OpenStackProviderOptions>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddPrecisionCloudResources().AddOpenStackProvider(configure);
        return services.BuildServiceProvider();
    }
}
