using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using PrecisionCloud.Hardware;
using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hosting.Tests;

public sealed class PrecisionCloudServiceCollectionExtensionsTests
{
    private static string Fixture(string tree) => Path.Combine(AppContext.BaseDirectory, "Fixtures", tree);

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings, out FakeLogCollector logs)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        var logger = new FakeLoggerProvider();
        logs = logger.Collector;
        builder.Logging.AddProvider(logger);
        return builder;
    }

    [Fact]
    public async Task Security_services_bind_their_sections_and_the_audit_log_verifies()
    {
        var directory = Directory.CreateTempSubdirectory("precisioncloud-hosting-security-").FullName;
        try
        {
            var builder = Builder(new()
            {
                ["PrecisionCloud:Hardware:Root"] = Fixture("core-server"),
                ["PrecisionCloud:Security:Audit:Directory"] = Path.Combine(directory, "audit"),
                ["PrecisionCloud:Security:Audit:FlushToDisk"] = "false",
                ["PrecisionCloud:Security:Sealing:RootKey"] = Convert.ToBase64String(new byte[32]),
                ["PrecisionCloud:Security:Sealing:KeyDirectory"] = Path.Combine(directory, "keys"),
            }, out _);
            builder.Services.AddPrecisionCloud().AddAuditLog().AddSecretSealing();
            using (var host = builder.Build())
            {
                await host.StartAsync();
                var sealer = host.Services.GetRequiredService<PrecisionCloud.Security.Sealing.ISecretSealer>();
                Assert.Equal("x"u8.ToArray(), sealer.Unseal("p", await sealer.SealAsync("p", "x"u8.ToArray())));
                var log = host.Services.GetRequiredService<PrecisionCloud.Security.Audit.AuditLog>();
                await log.AppendAsync(new() { Subject = "operator", Action = "site.start", Resource = "site", Decision = PrecisionCloud.Security.Audit.AuditDecision.Allow });
                await log.FlushAsync();
                await host.StopAsync();
            }

            var result = await PrecisionCloud.Security.Audit.AuditLogVerifier.VerifyAsync(Path.Combine(directory, "audit"));
            Assert.True(result.IsIntact, result.Problem);
            Assert.Equal(1, result.Records);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Site_binds_the_PrecisionCloud_section_and_starts_healthy()
    {
        var builder = Builder(new()
        {
            ["PrecisionCloud:SiteName"] = "edge-berlin-3",
            ["PrecisionCloud:Profile"] = "CorePool",
            ["PrecisionCloud:Hardware:Root"] = Fixture("core-server"),
        }, out var logs);
        builder.Services.AddPrecisionCloud();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<PrecisionCloudOptions>>().Value;
        Assert.Equal(("edge-berlin-3", SiteProfile.CorePool), (options.SiteName, options.Profile));
        var health = host.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync()).Status);

        await host.StartAsync();
        var report = await health.CheckHealthAsync();
        await host.StopAsync();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        var entry = report.Entries["precisioncloud-site"];
        Assert.Equal("StandardServer", entry.Data["formFactor"]);
        Assert.Equal("pool-a-07", entry.Data["node"]);
        Assert.Contains(logs.GetSnapshot(), r => r.Message.StartsWith("Site edge-berlin-3 started with profile CorePool on node pool-a-07: StandardServer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hardware_that_does_not_suit_the_profile_degrades_health_and_warns()
    {
        var builder = Builder(new() { ["PrecisionCloud:Hardware:Root"] = Fixture("arm-embedded") }, out var logs);
        builder.Services.AddPrecisionCloud(site => site.Profile = SiteProfile.CorePool);
        using var host = builder.Build();

        await host.StartAsync();
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        await host.StopAsync();

        Assert.Equal(HealthStatus.Degraded, report.Status);
        var warnings = logs.GetSnapshot().Where(r => r.Level == LogLevel.Warning).Select(r => r.Message).ToList();
        Assert.True(warnings.Any(w => w.StartsWith("Profile CorePool is meant for StandardServer nodes but this node is Embedded", StringComparison.Ordinal)), string.Join("\n", warnings));
    }

    [Theory]
    [InlineData(SiteProfile.Embedded, 300)]
    [InlineData(SiteProfile.AllInOne, 30)]
    [InlineData(SiteProfile.CorePool, 30)]
    public void Profile_sets_hardware_defaults(SiteProfile profile, int cacheSeconds)
    {
        var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddPrecisionCloud(site => site.Profile = profile);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(TimeSpan.FromSeconds(cacheSeconds), provider.GetRequiredService<IOptions<HardwareOptions>>().Value.CacheDuration);
    }

    [Fact]
    public void Configuration_overrides_profile_defaults_and_code_overrides_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PrecisionCloud:Profile"] = "Embedded",
            ["PrecisionCloud:Hardware:CacheDuration"] = "00:00:10",
            ["PrecisionCloud:Hardware:FormFactor"] = "AllInOne",
            ["PrecisionCloud:Hardware:AcceleratorRules:0:VendorId"] = "7762",
            ["PrecisionCloud:Hardware:AcceleratorRules:0:Kind"] = "SmartNic",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddPrecisionCloud().ConfigureHardware(h => h.NodeName = "from-code");
        using var provider = services.BuildServiceProvider();

        var hardware = provider.GetRequiredService<IOptions<HardwareOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(10), hardware.CacheDuration);
        Assert.Equal(FormFactor.AllInOne, hardware.FormFactor);
        Assert.Equal("from-code", hardware.NodeName);
        var rule = Assert.Single(hardware.AcceleratorRules);
        Assert.Equal((7762, AcceleratorKind.SmartNic), (rule.VendorId, rule.Kind));
    }

    [Fact]
    public async Task Bad_settings_fail_at_start_with_messages_naming_them()
    {
        var builder = Builder(new()
        {
            ["PrecisionCloud:SiteName"] = "Not_A_Label",
            ["PrecisionCloud:Hardware:Root"] = "/nowhere/at/all",
        }, out _);
        builder.Services.AddPrecisionCloud();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("PrecisionCloud:SiteName 'Not_A_Label' must be 1 to 63 lowercase letters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_hardware_settings_fail_at_start_too()
    {
        var builder = Builder(new() { ["PrecisionCloud:Hardware:Root"] = "/nowhere/at/all" }, out _);
        builder.Services.AddPrecisionCloud();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PrecisionCloud:Hardware:Root '/nowhere/at/all' does not exist.", error.Failures);
    }

    [Fact]
    public void Unknown_profile_in_configuration_names_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PrecisionCloud:Profile"] = "Mainframe" }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddPrecisionCloud();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<PrecisionCloudOptions>>().Value);

        Assert.Contains("PrecisionCloud:Profile", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("edge-1", true)]
    [InlineData("1edge", false)]
    [InlineData("edge-", false)]
    [InlineData("Edge", false)]
    [InlineData("", false)]
    public void Site_names_are_dns_labels(string name, bool valid)
    {
        var result = new PrecisionCloudOptionsValidator().Validate(null, new PrecisionCloudOptions { SiteName = name });

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void Undefined_profile_is_rejected_by_validation() =>
        Assert.True(new PrecisionCloudOptionsValidator().Validate(null, new PrecisionCloudOptions { Profile = (SiteProfile)42 }).Failed);

    [Fact]
    public void Profile_defaults_are_defined_for_every_profile()
    {
        foreach (var profile in Enum.GetValues<SiteProfile>())
        {
            var defaults = SiteProfileDefaults.For(profile);
            Assert.Equal(profile, defaults.Profile);
            Assert.NotEmpty(defaults.SuitableFormFactors);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => SiteProfileDefaults.For((SiteProfile)42));
    }
}
