using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PrecisionCloud.Mec.Platform.DomainNames;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;

namespace PrecisionCloud.Mec.Platform.Tests.DomainNames;

/// <summary>DNS rules from provisioning and Mp1 answered by the platform's own responder, asked with dig.</summary>
public sealed class PlatformDnsTests : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private PlatformHost _platform = null!;

    public async Task InitializeAsync() => _platform = await PlatformHost.StartAsync(_directory.Path, dns: true);

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_dns_rule_resolves_while_active_and_not_after()
    {
        var responder = _platform.Services.GetRequiredService<MecDnsResponder>().UdpEndPoint!;
        var provisioned = await _platform.SendAsync(HttpMethod.Put, "/mec_platform_mgmt/v1/app_instances/app-1",
            Bodies.Provisioning("app", dnsRules: $"[{Bodies.DnsRule("dr-1", "cache.edge.example", "ACTIVE")}]"));
        Assert.Equal(HttpStatusCode.Created, provisioned.Status);
        Assert.Null(provisioned.Json!["refusedRules"]);

        Assert.Equal(["30 A 192.0.2.10"], (await Dig.QueryAsync(responder, "cache.edge.example")).Answers);

        var inactive = await _platform.SendAsync(HttpMethod.Put, "/mec_app_support/v2/applications/app-1/dns_rules/dr-1", Bodies.DnsRule("dr-1", "cache.edge.example", "INACTIVE"));
        Assert.Equal(HttpStatusCode.OK, inactive.Status);
        Assert.Equal("NXDOMAIN", (await Dig.QueryAsync(responder, "cache.edge.example")).Status);

        await _platform.SendAsync(HttpMethod.Put, "/mec_app_support/v2/applications/app-1/dns_rules/dr-1", Bodies.DnsRule("dr-1", "cache.edge.example", "ACTIVE"));
        Assert.Equal("NOERROR", (await Dig.QueryAsync(responder, "cache.edge.example", tcp: true)).Status);

        await _platform.SendAsync(HttpMethod.Post, "/mec_platform_mgmt/v1/app_instances/app-1/terminate", "{}");
        Assert.Equal("NXDOMAIN", (await Dig.QueryAsync(responder, "cache.edge.example")).Status);
    }
}
