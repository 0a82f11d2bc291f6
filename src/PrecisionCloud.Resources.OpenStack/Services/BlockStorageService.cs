using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Models;

namespace PrecisionCloud.Resources.OpenStack.Services;

/// <summary>Cinder (API v3): volumes, volume types and quotas. Attaching goes through Nova (<see cref="ComputeService.AttachVolumeAsync"/>).</summary>
public sealed class BlockStorageService
{
    private const string Service = "block-storage";

    /// <summary>Extending a volume that is attached needs 3.42.</summary>
    private const string ExtendInUseVersion = "volume 3.42";
    private readonly OpenStackTransport _transport;

    internal BlockStorageService(OpenStackTransport transport) => _transport = transport;

    /// <summary>Creates a volume; it is <c>creating</c> until <see cref="WaitForVolumeAsync"/> sees it <c>available</c>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="sizeGiB">The size in GiB.</param>
    /// <param name="volumeType">The volume type, or <see langword="null"/> for the default.</param>
    /// <param name="metadata">Metadata.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<CinderVolume> CreateVolumeAsync(string name, long sizeGiB, string? volumeType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var volume = new JsonObject { ["name"] = name, ["size"] = sizeGiB, ["metadata"] = Metadata(metadata) };
        if (volumeType is not null)
        {
            volume["volume_type"] = volumeType;
        }

        var created = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, "volumes") { Body = new JsonObject { ["volume"] = volume } }, cancellationToken).ConfigureAwait(false);
        return ParseVolume(JsonRead.Required(created.Body, "volume", Service, "POST /volumes"));
    }

    /// <summary>A volume, or <see langword="null"/> when it does not exist.</summary>
    /// <param name="id">The volume.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<CinderVolume?> GetVolumeAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _transport.SendUnlessGoneAsync(new OpenStackRequest(Service, HttpMethod.Get, $"volumes/{Uri.EscapeDataString(id)}"), cancellationToken).ConfigureAwait(false);
        return response is null ? null : ParseVolume(JsonRead.Required(response.Body, "volume", Service, "GET /volumes/{id}"));
    }

    /// <summary>The project's volumes with details, page by page.</summary>
    /// <param name="query">Filters as a query string without <c>?</c>, or empty.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<CinderVolume> ListVolumesAsync(string query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var volume in _transport.ListAsync(Service, "volumes/detail" + (string.IsNullOrEmpty(query) ? string.Empty : "?" + query), "volumes", null, cancellationToken).ConfigureAwait(false))
        {
            yield return ParseVolume(volume);
        }
    }

    /// <summary>Grows a volume (Cinder never shrinks one), attached or not (microversion 3.42).</summary>
    /// <param name="id">The volume.</param>
    /// <param name="sizeGiB">The new size.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task ExtendVolumeAsync(string id, long sizeGiB, CancellationToken cancellationToken) =>
        _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, $"volumes/{Uri.EscapeDataString(id)}/action") { Body = new JsonObject { ["os-extend"] = new JsonObject { ["new_size"] = sizeGiB } }, RetryOnConflict = true, Microversion = ExtendInUseVersion }, cancellationToken);

    /// <summary>Replaces the metadata keys given (others stay).</summary>
    /// <param name="id">The volume.</param>
    /// <param name="metadata">The keys and values.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task SetMetadataAsync(string id, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, $"volumes/{Uri.EscapeDataString(id)}/metadata") { Body = new JsonObject { ["metadata"] = Metadata(metadata) }, Idempotent = true }, cancellationToken);
    }

    /// <summary>Deletes a volume (retried while it is still detaching); one already gone counts as deleted.</summary>
    /// <param name="id">The volume.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteVolumeAsync(string id, CancellationToken cancellationToken) =>
        _transport.SendUnlessGoneAsync(new OpenStackRequest(Service, HttpMethod.Delete, $"volumes/{Uri.EscapeDataString(id)}") { RetryOnConflict = true }, cancellationToken);

    /// <summary>Polls a volume until it has a status, within a bounded time.</summary>
    /// <param name="id">The volume.</param>
    /// <param name="status">The status to wait for (<c>available</c>, <c>in-use</c>), or <see langword="null"/> to wait until it is gone.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="OpenStackApiException">The volume went to an error status.</exception>
    /// <exception cref="TimeoutException">The volume did not get there in time.</exception>
    public Task<CinderVolume?> WaitForVolumeAsync(string id, string? status, TimeSpan timeout, CancellationToken cancellationToken) =>
        _transport.PollAsync(timeout, async () =>
        {
            var volume = await GetVolumeAsync(id, cancellationToken).ConfigureAwait(false);
            if (volume?.Status == status || (volume is null && status is null))
            {
                return (true, volume, string.Empty);
            }

            return volume is null ? throw new OpenStackNotFoundException(Service, $"GET /volumes/{id}", 404, "the volume vanished while it was awaited", null, null)
                : volume.Status.StartsWith("error", StringComparison.Ordinal) ? throw new OpenStackApiException(Service, $"GET /volumes/{id}", 200, $"volume {id} is {volume.Status}", volume.Status, null)
                : (false, volume, $"volume {id} is {volume.Status}, not {status ?? "deleted"},");
        }, cancellationToken);

    /// <summary>The names of the volume types.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<string>> ListVolumeTypesAsync(CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Get, "types"), cancellationToken).ConfigureAwait(false);
        return [.. (response.Body?["volume_types"] as JsonArray ?? []).Select(t => JsonRead.String(t, "name")).OfType<string>()];
    }

    /// <summary>Sets a project's quotas (administrators only); values left <see langword="null"/> stay as they are.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="quota">The quotas.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task SetQuotaAsync(string projectId, VolumeQuotaSet quota, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quota);
        var set = new JsonObject();
        ComputeService.Put(set, "volumes", quota.Volumes);
        ComputeService.Put(set, "gigabytes", quota.Gigabytes);
        ComputeService.Put(set, "snapshots", quota.Snapshots);
        return _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Put, $"os-quota-sets/{Uri.EscapeDataString(projectId)}") { Body = new JsonObject { ["quota_set"] = set } }, cancellationToken);
    }

    /// <summary>Resets a project's quotas to the defaults (administrators only).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task ResetQuotaAsync(string projectId, CancellationToken cancellationToken) =>
        _transport.SendUnlessGoneAsync(new OpenStackRequest(Service, HttpMethod.Delete, $"os-quota-sets/{Uri.EscapeDataString(projectId)}"), cancellationToken);

    /// <summary>A project's quotas.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<VolumeQuotaSet> GetQuotaAsync(string projectId, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Get, $"os-quota-sets/{Uri.EscapeDataString(projectId)}"), cancellationToken).ConfigureAwait(false);
        var set = response.Body?["quota_set"];
        return new VolumeQuotaSet(JsonRead.Long(set, "volumes"), JsonRead.Long(set, "gigabytes"), JsonRead.Long(set, "snapshots"));
    }

    internal static JsonObject Metadata(IReadOnlyDictionary<string, string> metadata)
    {
        var node = new JsonObject();
        foreach (var (key, value) in metadata)
        {
            node[key] = value;
        }

        return node;
    }

    private static CinderVolume ParseVolume(JsonObject volume) => new(
        JsonRead.String(volume, "id") ?? string.Empty,
        JsonRead.String(volume, "name") ?? string.Empty,
        JsonRead.String(volume, "status") ?? string.Empty,
        JsonRead.Long(volume, "size") ?? 0,
        JsonRead.String(volume, "volume_type"),
        JsonRead.String(volume, "os-vol-tenant-attr:tenant_id"),
        JsonRead.Map(volume, "metadata"),
        [.. (volume["attachments"] as JsonArray ?? []).Select(a => JsonRead.String(a, "server_id")).OfType<string>()]);
}
