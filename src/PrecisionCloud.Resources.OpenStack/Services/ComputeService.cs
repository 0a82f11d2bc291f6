using System.Text;
using System.Text.Json.Nodes;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Models;

namespace PrecisionCloud.Resources.OpenStack.Services;

/// <summary>
/// Nova: servers, flavors, server groups, volume attachments, hypervisors and quotas. Every request carries the
/// microversion negotiated once with the service: the newest of those this client was written for (up to
/// <see cref="PreferredVersion"/>) that the service serves.
/// </summary>
public sealed class ComputeService
{
    /// <summary>The newest microversion this client reads and writes.</summary>
    public static readonly Microversion PreferredVersion = new(2, 79);

    private const string Service = "compute";
    private static readonly Microversion HostSelection = new(2, 74);
    private static readonly Microversion GroupPolicyField = new(2, 64);
    private readonly OpenStackTransport _transport;
    private Task<Microversion>? _version;

    internal ComputeService(OpenStackTransport transport) => _transport = transport;

    /// <summary>
    /// The microversion in use: <see cref="PreferredVersion"/>, or the service's newest when that is older (from
    /// the version document at the endpoint's root).
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<Microversion> NegotiateAsync(CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref _version);
        if (known is { IsCompletedSuccessfully: true })
        {
            return known.Result;
        }

        var chosen = await NegotiateOnceAsync(cancellationToken).ConfigureAwait(false);
        _ = Interlocked.CompareExchange(ref _version, Task.FromResult(chosen), known);
        return chosen;
    }

    private async Task<Microversion> NegotiateOnceAsync(CancellationToken cancellationToken)
    {
        var document = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Get, string.Empty), cancellationToken).ConfigureAwait(false);
        var version = document.Body?["version"];
        var newest = Microversion.Parse(JsonRead.String(version, "version"));
        var oldest = Microversion.Parse(JsonRead.String(version, "min_version"));
        var chosen = newest is null ? new Microversion(2, 1) : newest.Value < PreferredVersion ? newest.Value : PreferredVersion;
        if (oldest is { } minimum && chosen < minimum)
        {
            throw new OpenStackException($"compute serves microversions {minimum} to {newest}; this client needs one up to {PreferredVersion}");
        }

        return chosen;
    }

    /// <summary>Every flavor, with extra specs (microversion 2.61 and later).</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<NovaFlavor> ListFlavorsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var flavor in _transport.ListAsync(Service, "flavors/detail", "flavors", header, cancellationToken).ConfigureAwait(false))
        {
            yield return ParseFlavor(flavor);
        }
    }

    /// <summary>Creates a public flavor with extra specs (administrators only).</summary>
    /// <param name="name">The name.</param>
    /// <param name="vcpus">Virtual CPUs.</param>
    /// <param name="ramMiB">Memory in MiB.</param>
    /// <param name="diskGiB">Root disk in GiB.</param>
    /// <param name="extraSpecs">Extra specs.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<NovaFlavor> CreateFlavorAsync(string name, int vcpus, long ramMiB, long diskGiB, IReadOnlyDictionary<string, string> extraSpecs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extraSpecs);
        var header = await HeaderAsync(cancellationToken).ConfigureAwait(false);
        var body = new JsonObject { ["flavor"] = new JsonObject { ["name"] = name, ["vcpus"] = vcpus, ["ram"] = ramMiB, ["disk"] = diskGiB, ["os-flavor-access:is_public"] = true } };
        var created = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, "flavors") { Body = body, Microversion = header }, cancellationToken).ConfigureAwait(false);
        var flavor = ParseFlavor(JsonRead.Required(created.Body, "flavor", Service, "POST /flavors"));
        if (extraSpecs.Count > 0)
        {
            var specs = new JsonObject();
            foreach (var (key, value) in extraSpecs)
            {
                specs[key] = value;
            }

            try
            {
                await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, $"flavors/{Escape(flavor.Id)}/os-extra_specs") { Body = new JsonObject { ["extra_specs"] = specs }, Microversion = header, Idempotent = true }, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // A flavor without its specs would be chosen for what it cannot give, and would block its own name.
                await DeleteAsync($"flavors/{Escape(flavor.Id)}", CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            flavor = flavor with { ExtraSpecs = new Dictionary<string, string>(extraSpecs, StringComparer.Ordinal) };
        }

        return flavor;
    }

    /// <summary>Deletes a flavor; one already gone counts as deleted.</summary>
    /// <param name="id">The flavor.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteFlavorAsync(string id, CancellationToken cancellationToken) => DeleteAsync($"flavors/{Escape(id)}", cancellationToken);

    /// <summary>Boots a server; returns its id at once (it is BUILD until <see cref="WaitForServerAsync"/> sees it ACTIVE).</summary>
    /// <param name="request">What to boot.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<string> CreateServerAsync(NovaServerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var version = await NegotiateAsync(cancellationToken).ConfigureAwait(false);
        var server = new JsonObject
        {
            ["name"] = request.Name,
            ["imageRef"] = request.ImageId,
            ["flavorRef"] = request.FlavorId,
        };
        var networks = new JsonArray();
        foreach (var port in request.Ports)
        {
            networks.Add(new JsonObject { ["port"] = port });
        }

        foreach (var network in request.Networks)
        {
            networks.Add(new JsonObject { ["uuid"] = network });
        }

        // From 2.37 the networks are required: "none" boots without a port.
        server["networks"] = networks.Count > 0 ? networks : version >= new Microversion(2, 37) ? "none" : new JsonArray();
        if (request.SecurityGroups.Count > 0)
        {
            server["security_groups"] = new JsonArray([.. request.SecurityGroups.Select(g => (JsonNode)new JsonObject { ["name"] = g })]);
        }

        if (request.UserData is { } userData)
        {
            server["user_data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(userData));
        }

        if (request.Metadata.Count > 0)
        {
            var metadata = new JsonObject();
            foreach (var (key, value) in request.Metadata)
            {
                metadata[key] = value;
            }

            server["metadata"] = metadata;
        }

        if (request.AvailabilityZone is { } zone)
        {
            server["availability_zone"] = zone;
        }

        if (request.Host is { } host && version >= HostSelection)
        {
            server["host"] = host;
        }

        var body = new JsonObject { ["server"] = server };
        if (request.ServerGroupId is { } group)
        {
            body["os:scheduler_hints"] = new JsonObject { ["group"] = group };
        }

        var created = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, "servers") { Body = body, Microversion = Header(version) }, cancellationToken).ConfigureAwait(false);
        return JsonRead.String(JsonRead.Required(created.Body, "server", Service, "POST /servers"), "id")
            ?? throw new OpenStackApiException(Service, "POST /servers", created.Status, "the answer has no server id", null, created.RequestId);
    }

    /// <summary>A server, or <see langword="null"/> when it does not exist.</summary>
    /// <param name="id">The server.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<NovaServer?> GetServerAsync(string id, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(cancellationToken).ConfigureAwait(false);
        var response = await _transport.SendUnlessGoneAsync(new OpenStackRequest(Service, HttpMethod.Get, $"servers/{Escape(id)}") { Microversion = header }, cancellationToken).ConfigureAwait(false);
        return response is null ? null : ParseServer(JsonRead.Required(response.Body, "server", Service, "GET /servers/{id}"));
    }

    /// <summary>Servers with details, page by page.</summary>
    /// <param name="query">Filters as a query string without <c>?</c> (for example <c>name=^web-</c>), or empty.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<NovaServer> ListServersAsync(string query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var server in _transport.ListAsync(Service, "servers/detail" + (string.IsNullOrEmpty(query) ? string.Empty : "?" + query), "servers", header, cancellationToken).ConfigureAwait(false))
        {
            yield return ParseServer(server);
        }
    }

    /// <summary>Deletes a server; one already gone counts as deleted. It is gone once <see cref="WaitForServerGoneAsync"/> returns.</summary>
    /// <param name="id">The server.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteServerAsync(string id, CancellationToken cancellationToken) => DeleteAsync($"servers/{Escape(id)}", cancellationToken);

    /// <summary>Stops a server (it becomes SHUTOFF).</summary>
    /// <param name="id">The server.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task StopServerAsync(string id, CancellationToken cancellationToken) => ActionAsync(id, "os-stop", cancellationToken);

    /// <summary>Starts a stopped server.</summary>
    /// <param name="id">The server.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task StartServerAsync(string id, CancellationToken cancellationToken) => ActionAsync(id, "os-start", cancellationToken);

    /// <summary>Polls a server until it is ACTIVE (or the status asked for), within a bounded time.</summary>
    /// <param name="id">The server.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="status">The status to wait for (<c>ACTIVE</c>, <c>SHUTOFF</c>...).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="OpenStackServerFaultException">The server went to ERROR; Nova's fault says why.</exception>
    /// <exception cref="TimeoutException">The server was not there in time; the message has its last status.</exception>
    public Task<NovaServer> WaitForServerAsync(string id, TimeSpan timeout, string status, CancellationToken cancellationToken) =>
        _transport.PollAsync(timeout, async () =>
        {
            var server = await GetServerAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new OpenStackNotFoundException(Service, $"GET /servers/{id}", 404, "the server vanished while it was awaited", null, null);
            return server.Status == "ERROR"
                ? throw new OpenStackServerFaultException(id, server.Fault)
                : (server.Status == status && server.TaskState is null, server, $"server {id} is {server.Status}{(server.TaskState is null ? string.Empty : $" ({server.TaskState})")}, not {status},");
        }, cancellationToken);

    /// <summary>Polls until a deleted server is gone, within a bounded time.</summary>
    /// <param name="id">The server.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">The server is still there.</exception>
    public Task WaitForServerGoneAsync(string id, TimeSpan timeout, CancellationToken cancellationToken) =>
        _transport.PollAsync(timeout, async () =>
        {
            var server = await GetServerAsync(id, cancellationToken).ConfigureAwait(false);
            return (server is null || server.Status == "DELETED", server, $"server {id} is still {server?.Status} since its deletion,");
        }, cancellationToken);

    /// <summary>Creates a server group.</summary>
    /// <param name="name">The name.</param>
    /// <param name="policy">The policy (<c>anti-affinity</c>, <c>affinity</c>, <c>soft-anti-affinity</c>, <c>soft-affinity</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<NovaServerGroup> CreateServerGroupAsync(string name, string policy, CancellationToken cancellationToken)
    {
        var version = await NegotiateAsync(cancellationToken).ConfigureAwait(false);
        var group = new JsonObject { ["name"] = name };
        if (version >= GroupPolicyField)
        {
            group["policy"] = policy;
        }
        else
        {
            group["policies"] = new JsonArray(policy);
        }

        var created = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, "os-server-groups") { Body = new JsonObject { ["server_group"] = group }, Microversion = Header(version) }, cancellationToken).ConfigureAwait(false);
        return ParseGroup(JsonRead.Required(created.Body, "server_group", Service, "POST /os-server-groups"));
    }

    /// <summary>Server groups: the project's, or every project's with <c>all_projects=True</c> (administrators).</summary>
    /// <param name="query">Filters as a query string without <c>?</c>, or empty.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<NovaServerGroup> ListServerGroupsAsync(string query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var group in _transport.ListAsync(Service, query is { Length: > 0 } ? $"os-server-groups?{query}" : "os-server-groups", "server_groups", header, cancellationToken, PageStyle.Offset).ConfigureAwait(false))
        {
            yield return ParseGroup(group);
        }
    }

    /// <summary>Deletes a server group; one already gone counts as deleted.</summary>
    /// <param name="id">The group.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteServerGroupAsync(string id, CancellationToken cancellationToken) => DeleteAsync($"os-server-groups/{Escape(id)}", cancellationToken);

    /// <summary>Attaches a volume to a server (retried while the server or volume is busy with another task).</summary>
    /// <param name="serverId">The server.</param>
    /// <param name="volumeId">The volume.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<NovaVolumeAttachment> AttachVolumeAsync(string serverId, string volumeId, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(cancellationToken).ConfigureAwait(false);
        var body = new JsonObject { ["volumeAttachment"] = new JsonObject { ["volumeId"] = volumeId } };
        var created = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, $"servers/{Escape(serverId)}/os-volume_attachments") { Body = body, Microversion = header, RetryOnConflict = true }, cancellationToken).ConfigureAwait(false);
        return ParseAttachment(JsonRead.Required(created.Body, "volumeAttachment", Service, "POST /servers/{id}/os-volume_attachments"), serverId);
    }

    /// <summary>Detaches a volume from a server; a volume no longer attached counts as detached.</summary>
    /// <param name="serverId">The server.</param>
    /// <param name="volumeId">The volume.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task DetachVolumeAsync(string serverId, string volumeId, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(cancellationToken).ConfigureAwait(false);
        await _transport.SendUnlessGoneAsync(new OpenStackRequest(Service, HttpMethod.Delete, $"servers/{Escape(serverId)}/os-volume_attachments/{Escape(volumeId)}") { Microversion = header, RetryOnConflict = true }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The volumes attached to a server.</summary>
    /// <param name="serverId">The server.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<NovaVolumeAttachment>> ListVolumeAttachmentsAsync(string serverId, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(cancellationToken).ConfigureAwait(false);
        var response = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Get, $"servers/{Escape(serverId)}/os-volume_attachments") { Microversion = header }, cancellationToken).ConfigureAwait(false);
        return [.. (response.Body?["volumeAttachments"] as JsonArray ?? []).OfType<JsonObject>().Select(a => ParseAttachment(a, serverId))];
    }

    /// <summary>The hypervisors (compute nodes), with their state.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<NovaHypervisor> ListHypervisorsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var hypervisor in _transport.ListAsync(Service, "os-hypervisors/detail", "hypervisors", header, cancellationToken).ConfigureAwait(false))
        {
            yield return new NovaHypervisor(
                JsonRead.String(hypervisor, "id") ?? string.Empty,
                JsonRead.String(hypervisor, "hypervisor_hostname") ?? string.Empty,
                JsonRead.String(hypervisor["service"], "host"),
                JsonRead.String(hypervisor, "state") ?? "unknown",
                JsonRead.String(hypervisor, "status") ?? "unknown",
                JsonRead.String(hypervisor, "hypervisor_type"));
        }
    }

    /// <summary>Sets a project's quotas (administrators only); values left <see langword="null"/> stay as they are.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="quota">The quotas.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task SetQuotaAsync(string projectId, ComputeQuotaSet quota, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quota);
        var set = new JsonObject();
        Put(set, "instances", quota.Instances);
        Put(set, "cores", quota.Cores);
        Put(set, "ram", quota.RamMiB);
        Put(set, "server_groups", quota.ServerGroups);
        var header = await HeaderAsync(cancellationToken).ConfigureAwait(false);
        await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Put, $"os-quota-sets/{Escape(projectId)}") { Body = new JsonObject { ["quota_set"] = set }, Microversion = header }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resets a project's quotas to the defaults (administrators only).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task ResetQuotaAsync(string projectId, CancellationToken cancellationToken) => DeleteAsync($"os-quota-sets/{Escape(projectId)}", cancellationToken);

    /// <summary>Sets one metadata item of a server.</summary>
    /// <param name="serverId">The server.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task SetServerMetadataItemAsync(string serverId, string key, string value, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(cancellationToken).ConfigureAwait(false);
        var body = new JsonObject { ["meta"] = new JsonObject { [key] = value } };
        await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Put, $"servers/{Escape(serverId)}/metadata/{Escape(key)}") { Body = body, Microversion = header }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A project's quotas.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ComputeQuotaSet> GetQuotaAsync(string projectId, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(cancellationToken).ConfigureAwait(false);
        var response = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Get, $"os-quota-sets/{Escape(projectId)}") { Microversion = header }, cancellationToken).ConfigureAwait(false);
        var set = response.Body?["quota_set"];
        return new ComputeQuotaSet(JsonRead.Long(set, "instances"), JsonRead.Long(set, "cores"), JsonRead.Long(set, "ram"), JsonRead.Long(set, "server_groups"));
    }

    internal static void Put(JsonObject set, string key, long? value)
    {
        if (value is { } v)
        {
            set[key] = v;
        }
    }

    internal static string Escape(string segment) => Uri.EscapeDataString(segment);

    private async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(cancellationToken).ConfigureAwait(false);
        await _transport.SendUnlessGoneAsync(new OpenStackRequest(Service, HttpMethod.Delete, path) { Microversion = header }, cancellationToken).ConfigureAwait(false);
    }

    internal async Task ActionAsync(string id, string action, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(cancellationToken).ConfigureAwait(false);
        await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, $"servers/{Escape(id)}/action") { Body = new JsonObject { [action] = null }, Microversion = header, RetryOnConflict = true }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> HeaderAsync(CancellationToken cancellationToken) => Header(await NegotiateAsync(cancellationToken).ConfigureAwait(false));

    private static string Header(Microversion version) => $"compute {version}";

    private static NovaFlavor ParseFlavor(JsonObject flavor) => new(
        JsonRead.String(flavor, "id") ?? string.Empty,
        JsonRead.String(flavor, "name") ?? string.Empty,
        (int)(JsonRead.Long(flavor, "vcpus") ?? 0),
        JsonRead.Long(flavor, "ram") ?? 0,
        JsonRead.Long(flavor, "disk") ?? 0,
        JsonRead.Map(flavor, "extra_specs"));

    private static NovaServerGroup ParseGroup(JsonObject group) => new(
        JsonRead.String(group, "id") ?? string.Empty,
        JsonRead.String(group, "name") ?? string.Empty,
        JsonRead.String(group, "policy") ?? (JsonRead.Strings(group, "policies") is [var first, ..] ? first : string.Empty),
        JsonRead.Strings(group, "members"));

    private static NovaVolumeAttachment ParseAttachment(JsonObject attachment, string serverId) => new(
        JsonRead.String(attachment, "volumeId") ?? string.Empty, JsonRead.String(attachment, "serverId") ?? serverId, JsonRead.String(attachment, "device"));

    internal static NovaServer ParseServer(JsonObject server)
    {
        var addresses = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (server["addresses"] is JsonObject networks)
        {
            foreach (var (network, list) in networks)
            {
                addresses[network] = [.. (list as JsonArray ?? []).Select(a => JsonRead.String(a, "addr")).OfType<string>()];
            }
        }

        var fault = server["fault"] is JsonObject f ? $"{JsonRead.String(f, "message")} (code {JsonRead.Long(f, "code")})" : null;
        return new NovaServer
        {
            Id = JsonRead.String(server, "id") ?? string.Empty,
            Name = JsonRead.String(server, "name") ?? string.Empty,
            ProjectId = JsonRead.String(server, "tenant_id") ?? JsonRead.String(server, "project_id"),
            Status = JsonRead.String(server, "status") ?? string.Empty,
            TaskState = JsonRead.String(server, "OS-EXT-STS:task_state"),
            Host = JsonRead.String(server, "OS-EXT-SRV-ATTR:host"),
            Node = JsonRead.String(server, "OS-EXT-SRV-ATTR:hypervisor_hostname"),
            Metadata = JsonRead.Map(server, "metadata"),
            Addresses = addresses,
            Fault = fault,
            ImageId = server["image"] is JsonObject image ? JsonRead.String(image, "id") : null,
            AttachedVolumes = [.. (server["os-extended-volumes:volumes_attached"] as JsonArray ?? []).Select(v => JsonRead.String(v, "id")).OfType<string>()],
        };
    }
}
