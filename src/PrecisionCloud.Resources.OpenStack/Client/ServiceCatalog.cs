using System.Text.Json.Nodes;

namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>
/// The service catalog a Keystone token carries: endpoints chosen by service type (with the type's historical
/// aliases, so <c>block-storage</c> finds <c>volumev3</c>), region and interface.
/// </summary>
public sealed class ServiceCatalog
{
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["block-storage"] = ["block-storage", "volumev3", "volume", "volumev2"],
        ["volumev3"] = ["block-storage", "volumev3", "volume", "volumev2"],
        ["compute"] = ["compute"],
        ["network"] = ["network"],
        ["image"] = ["image"],
        ["identity"] = ["identity"],
        ["placement"] = ["placement"],
        ["baremetal"] = ["baremetal"],
    };

    /// <summary>Creates a catalog from its endpoints.</summary>
    /// <param name="endpoints">The endpoints.</param>
    public ServiceCatalog(IReadOnlyList<CatalogEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        Endpoints = endpoints;
    }

    /// <summary>Every endpoint.</summary>
    public IReadOnlyList<CatalogEndpoint> Endpoints { get; }

    /// <summary>Whether the catalog has a service of the type (or one of its aliases).</summary>
    /// <param name="serviceType">The service type.</param>
    public bool Has(string serviceType) => Endpoints.Any(e => TypesOf(serviceType).Contains(e.ServiceType, StringComparer.Ordinal));

    /// <summary>
    /// The endpoint of a service type in a region (any region when <see langword="null"/>) on an interface; the first
    /// alias that has one wins.
    /// </summary>
    /// <param name="serviceType">The service type.</param>
    /// <param name="region">The region, or <see langword="null"/> for any.</param>
    /// <param name="endpointInterface">The interface.</param>
    /// <exception cref="OpenStackException">The catalog has no such endpoint; the message lists what it has.</exception>
    public CatalogEndpoint Find(string serviceType, string? region, string endpointInterface)
    {
        foreach (var type in TypesOf(serviceType))
        {
            var match = Endpoints.FirstOrDefault(e => e.ServiceType == type && e.Interface == endpointInterface && (region is null || e.Region == region));
            if (match is not null)
            {
                return match;
            }
        }

        var have = string.Join(", ", Endpoints.Select(e => $"{e.ServiceType}/{e.Interface}/{e.Region ?? "-"}").Distinct());
        throw new OpenStackException($"the service catalog has no {endpointInterface} endpoint of '{serviceType}'{(region is null ? string.Empty : $" in region {region}")}; it has: {have}");
    }

    /// <summary>Reads the <c>catalog</c> array of a Keystone v3 token.</summary>
    /// <param name="catalog">The array, or <see langword="null"/> for an empty catalog.</param>
    public static ServiceCatalog Parse(JsonArray? catalog)
    {
        var endpoints = new List<CatalogEndpoint>();
        foreach (var service in (catalog ?? []).OfType<JsonObject>())
        {
            var type = (string?)service["type"];
            if (type is null)
            {
                continue;
            }

            foreach (var endpoint in (service["endpoints"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if ((string?)endpoint["url"] is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
                {
                    endpoints.Add(new CatalogEndpoint(type, (string?)service["name"], (string?)endpoint["interface"] ?? "public",
                        (string?)endpoint["region_id"] ?? (string?)endpoint["region"], uri));
                }
            }
        }

        return new ServiceCatalog(endpoints);
    }

    private static string[] TypesOf(string serviceType) => Aliases.TryGetValue(serviceType, out var aliases) ? aliases : [serviceType];
}
