using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrecisionCloud.Security.Audit;
using PrecisionCloud.Security.Sealing;

namespace PrecisionCloud.Security.Tests.Hosting;

public sealed class SecurityServiceCollectionExtensionsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_host_seals_with_the_configured_root_key_and_writes_its_audit_log()
    {
        var rootKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPrecisionCloudSealing(o => (o.RootKey, o.KeyDirectory) = (rootKey, _directory.Combine("keys")));
        builder.Services.AddPrecisionCloudAuditLog(o => (o.Directory, o.FlushToDisk) = (_directory.Combine("audit"), false));
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var sealer = host.Services.GetRequiredService<ISecretSealer>();
            Assert.Equal("x"u8.ToArray(), sealer.Unseal("p", await sealer.SealAsync("p", "x"u8.ToArray())));
            var log = host.Services.GetRequiredService<AuditLog>();
            await log.AppendAsync(new AuditEvent { Subject = "s", Action = "a", Resource = "r", Decision = AuditDecision.Allow });
            await host.StopAsync();
        }

        var result = await AuditLogVerifier.VerifyAsync(_directory.Combine("audit"));
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(1, result.Records);
    }

    [Fact]
    public async Task Bad_options_stop_the_host_at_start_naming_each_setting_and_never_a_key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPrecisionCloudSealing(o => (o.RootKey, o.KeyDirectory) = ("c2hvcnQ=", " "));
        builder.Services.AddPrecisionCloudAuditLog(o => (o.MaxFileBytes, o.QueueCapacity) = (10, 0));
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync());
        var all = string.Join('\n', refused.InnerExceptions.OfType<OptionsValidationException>().SelectMany(FailuresOf));
        Assert.Contains("PrecisionCloud:Security:Sealing:RootKey must be 32 bytes in base64", all, StringComparison.Ordinal);
        Assert.Contains("PrecisionCloud:Security:Sealing:KeyDirectory must name a directory", all, StringComparison.Ordinal);
        Assert.Contains("PrecisionCloud:Security:Audit:MaxFileBytes must be at least 65536", all, StringComparison.Ordinal);
        Assert.Contains("PrecisionCloud:Security:Audit:QueueCapacity must be from 1", all, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQ=", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_root_key_sources_at_once_are_refused()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPrecisionCloudSealing(o => (o.RootKey, o.RootKeyFile) = (Convert.ToBase64String(new byte[32]), "/etc/hostname"));
        using var host = builder.Build();

        var refused = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("RootKey or PrecisionCloud:Security:Sealing:RootKeyFile must be set, and not both", string.Join('\n', FailuresOf(refused)), StringComparison.Ordinal);
    }

    private static IEnumerable<string> FailuresOf(OptionsValidationException exception) => exception.Failures;
}
