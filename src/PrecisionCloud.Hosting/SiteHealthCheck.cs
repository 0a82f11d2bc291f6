using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PrecisionCloud.Hosting;

/// <summary>
/// Healthy once the site has started on hardware that suits its profile; degraded on hardware that does not;
/// unhealthy before start and after stop.
/// </summary>
internal sealed class SiteHealthCheck(SiteState state) : IHealthCheck
{
    public const string Name = "precisioncloud-site";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.Current is not { } site)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The site has not started."));
        }

        var data = new Dictionary<string, object>
        {
            ["site"] = site.SiteName,
            ["profile"] = site.Profile.ToString(),
            ["node"] = site.Inventory.NodeName,
            ["formFactor"] = site.Inventory.FormFactor.ToString(),
            ["inventoryWarnings"] = site.Inventory.Warnings.Count,
        };
        return Task.FromResult(site.FormFactorSuits
            ? HealthCheckResult.Healthy($"Site {site.SiteName} runs.", data)
            : HealthCheckResult.Degraded($"Site {site.SiteName} runs profile {site.Profile} on a {site.Inventory.FormFactor} node.", data: data));
    }
}
