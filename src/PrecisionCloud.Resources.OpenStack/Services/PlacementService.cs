using System.Text.Json.Nodes;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Models;

namespace PrecisionCloud.Resources.OpenStack.Services;

/// <summary>
/// Placement: resource providers, their inventories, usages and traits, custom resource classes and traits. Writes
/// carry the provider's generation; a concurrent change (409) reads the generation again and retries.
/// </summary>
public sealed class PlacementService
{
    private const string Service = "placement";
    private const string Version = "placement 1.26";
    private readonly OpenStackTransport _transport;

    internal PlacementService(OpenStackTransport transport) => _transport = transport;

    /// <summary>Every resource provider.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<PlacementResourceProvider>> ListResourceProvidersAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, "resource_providers", null, cancellationToken).ConfigureAwait(false);
        return [.. (response.Body?["resource_providers"] as JsonArray ?? []).OfType<JsonObject>().Select(ParseProvider)];
    }

    /// <summary>Creates a resource provider.</summary>
    /// <param name="name">The name (unique).</param>
    /// <param name="parentId">The parent provider, for a nested one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<PlacementResourceProvider> CreateResourceProviderAsync(string name, string? parentId, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["name"] = name };
        if (parentId is not null)
        {
            body["parent_provider_uuid"] = parentId;
        }

        var created = await SendAsync(HttpMethod.Post, "resource_providers", body, cancellationToken).ConfigureAwait(false);
        return created.Body is JsonObject provider ? ParseProvider(provider) : throw new OpenStackApiException(Service, "POST /resource_providers", created.Status, "the answer has no provider", null, created.RequestId);
    }

    /// <summary>Deletes a resource provider; one already gone counts as deleted.</summary>
    /// <param name="id">The provider.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteResourceProviderAsync(string id, CancellationToken cancellationToken) =>
        _transport.SendUnlessGoneAsync(new OpenStackRequest(Service, HttpMethod.Delete, $"resource_providers/{Uri.EscapeDataString(id)}") { Microversion = Version }, cancellationToken);

    /// <summary>A provider's inventory by resource class.</summary>
    /// <param name="id">The provider.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<PlacementInventory>> GetInventoriesAsync(string id, CancellationToken cancellationToken) =>
        ParseInventories((await SendAsync(HttpMethod.Get, $"resource_providers/{Uri.EscapeDataString(id)}/inventories", null, cancellationToken).ConfigureAwait(false)).Body);

    /// <summary>What consumers use of a provider, by resource class.</summary>
    /// <param name="id">The provider.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyDictionary<string, long>> GetUsagesAsync(string id, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, $"resource_providers/{Uri.EscapeDataString(id)}/usages", null, cancellationToken).ConfigureAwait(false);
        var usages = new Dictionary<string, long>(StringComparer.Ordinal);
        if (response.Body?["usages"] is JsonObject map)
        {
            foreach (var (resourceClass, _) in map)
            {
                usages[resourceClass] = JsonRead.Long(map, resourceClass) ?? 0;
            }
        }

        return usages;
    }

    /// <summary>Replaces a provider's whole inventory, at its current generation (read again on a concurrent change).</summary>
    /// <param name="id">The provider.</param>
    /// <param name="inventories">The inventory.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task SetInventoriesAsync(string id, IReadOnlyList<PlacementInventory> inventories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventories);
        return WithGenerationAsync(id, generation =>
        {
            var map = new JsonObject();
            foreach (var inventory in inventories)
            {
                var entry = new JsonObject { ["total"] = inventory.Total, ["reserved"] = inventory.Reserved, ["allocation_ratio"] = inventory.AllocationRatio };
                if (inventory.MaxUnit is { } maxUnit)
                {
                    entry["max_unit"] = maxUnit;
                }

                map[inventory.ResourceClass] = entry;
            }

            return (HttpMethod.Put, $"resource_providers/{Uri.EscapeDataString(id)}/inventories", new JsonObject { ["resource_provider_generation"] = generation, ["inventories"] = map });
        }, cancellationToken);
    }

    /// <summary>A provider's traits.</summary>
    /// <param name="id">The provider.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<string>> GetTraitsAsync(string id, CancellationToken cancellationToken) =>
        JsonRead.Strings((await SendAsync(HttpMethod.Get, $"resource_providers/{Uri.EscapeDataString(id)}/traits", null, cancellationToken).ConfigureAwait(false)).Body, "traits");

    /// <summary>Replaces a provider's traits, at its current generation (read again on a concurrent change).</summary>
    /// <param name="id">The provider.</param>
    /// <param name="traits">The traits (standard ones, or <c>CUSTOM_*</c> made with <see cref="EnsureTraitAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task SetTraitsAsync(string id, IReadOnlyList<string> traits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(traits);
        return WithGenerationAsync(id, generation => (HttpMethod.Put, $"resource_providers/{Uri.EscapeDataString(id)}/traits",
            new JsonObject { ["resource_provider_generation"] = generation, ["traits"] = new JsonArray([.. traits.Select(t => (JsonNode)JsonValue.Create(t))]) }), cancellationToken);
    }

    /// <summary>Makes a custom resource class (<c>CUSTOM_*</c>) exist.</summary>
    /// <param name="name">The class's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task EnsureResourceClassAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"resource_classes/{Uri.EscapeDataString(CustomName(name))}", null, cancellationToken);

    /// <summary>Makes a custom trait (<c>CUSTOM_*</c>) exist.</summary>
    /// <param name="name">The trait's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task EnsureTraitAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"traits/{Uri.EscapeDataString(CustomName(name))}", null, cancellationToken);

    private static string CustomName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith("CUSTOM_", StringComparison.Ordinal) ? name : throw new ArgumentException($"'{name}' is not a custom name (CUSTOM_...)", nameof(name));
    }

    private async Task WithGenerationAsync(string id, Func<long, (HttpMethod Method, string Path, JsonObject Body)> write, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var provider = await SendAsync(HttpMethod.Get, $"resource_providers/{Uri.EscapeDataString(id)}", null, cancellationToken).ConfigureAwait(false);
            var generation = JsonRead.Long(provider.Body, "generation") ?? 0;
            var (method, path, body) = write(generation);
            try
            {
                await SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (OpenStackConflictException) when (attempt < _transport.Options.MaxRetries)
            {
                // Another writer moved the generation on: read it again.
            }
        }
    }

    private Task<OpenStackResponse> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken) =>
        _transport.SendAsync(new OpenStackRequest(Service, method, path) { Body = body, Microversion = Version }, cancellationToken);

    private static PlacementResourceProvider ParseProvider(JsonObject provider) => new(
        JsonRead.String(provider, "uuid") ?? string.Empty,
        JsonRead.String(provider, "name") ?? string.Empty,
        JsonRead.Long(provider, "generation") ?? 0,
        JsonRead.String(provider, "parent_provider_uuid"));

    private static List<PlacementInventory> ParseInventories(JsonNode? body)
    {
        var list = new List<PlacementInventory>();
        if (body?["inventories"] is JsonObject inventories)
        {
            foreach (var (resourceClass, entry) in inventories)
            {
                list.Add(new PlacementInventory(resourceClass, JsonRead.Long(entry, "total") ?? 0, JsonRead.Long(entry, "reserved") ?? 0,
                    JsonRead.Double(entry, "allocation_ratio") ?? 1.0, JsonRead.Long(entry, "max_unit")));
            }
        }

        return list;
    }
}
