using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PrecisionCloud.Resources.Kubernetes.Tests.Fake;

/// <summary>
/// An in-process Kubernetes API server that behaves like the real one where the provider depends on it: one
/// resourceVersion counter over all objects, optimistic concurrency (409 Conflict on a stale resourceVersion, 409
/// AlreadyExists), 404 NotFound (also for a missing namespace), 422 Invalid for names that are not DNS-1123 labels,
/// list with label selectors, watch streams from a resourceVersion (history replayed, then live), 410 Gone once
/// history is compacted past the requested version, namespace deletion cascading, API group discovery (with or
/// without kubevirt.io), and small controllers: a Deployment becomes ready, a claim becomes Bound, a VM ready.
/// </summary>
public sealed partial class FakeKubernetesApiServer : IAsyncDisposable
{
    private static readonly string[] ClusterScoped = ["namespaces", "nodes"];
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly List<Event> _history = [];
    private readonly List<Channel<Event>> _watchers = [];
    private readonly List<string> _requests = [];
    private readonly WebApplication _app;
    private long _version = 100;
    private long _compactedThrough;

    private FakeKubernetesApiServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The server's address.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Whether the cluster serves kubevirt.io (VirtualMachines).</summary>
    public bool KubeVirt { get; set; }

    /// <summary>Whether the cluster serves k8s.cni.cncf.io (Multus NetworkAttachmentDefinitions).</summary>
    public bool Multus { get; set; }

    /// <summary>Whether new and changed Deployments report all their replicas ready (a scheduler and kubelets that keep up).</summary>
    public bool DeploymentsBecomeReady { get; set; } = true;

    /// <summary>How many of the next replacements meet a concurrent writer: the object changes first, so the request gets 409 Conflict.</summary>
    public int ConflictsToInject { get; set; }

    /// <summary>Every request as "METHOD path -> status", in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>How many times a request met a 409 Conflict.</summary>
    public int Conflicts => Requests.Count(r => r.EndsWith("-> 409", StringComparison.Ordinal));

    public static async Task<FakeKubernetesApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeKubernetesApiServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Adds a node with allocatable CPU (cores), memory (MiB) and labels.</summary>
    public void AddNode(string name, int cpu, long memoryMiB, IReadOnlyDictionary<string, string>? labels = null)
    {
        var labelObject = new JsonObject { ["kubernetes.io/hostname"] = name };
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            labelObject[key] = value;
        }

        Store("/v1/nodes", null, name, "ADDED", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labelObject },
            ["status"] = new JsonObject
            {
                ["allocatable"] = new JsonObject { ["cpu"] = cpu.ToString(CultureInfo.InvariantCulture), ["memory"] = $"{memoryMiB}Mi", ["ephemeral-storage"] = "100Gi", ["pods"] = "110" },
            },
        });
    }

    /// <summary>An object as the server holds it, or <see langword="null"/>.</summary>
    /// <param name="resource">The resource path: <c>/v1/namespaces</c>, <c>apps/v1/deployments</c>.</param>
    /// <param name="ns">The namespace, or <see langword="null"/> for cluster-scoped objects.</param>
    /// <param name="name">The object's name.</param>
    public JsonObject? Get(string resource, string? ns, string name)
    {
        lock (_gate)
        {
            return _objects.GetValueOrDefault(Key(resource, ns, name))?.DeepClone().AsObject();
        }
    }

    /// <summary>All objects of a resource.</summary>
    public IReadOnlyList<JsonObject> List(string resource)
    {
        lock (_gate)
        {
            return [.. _objects.Where(o => o.Key.StartsWith(resource + "|", StringComparison.Ordinal)).Select(o => o.Value.DeepClone().AsObject())];
        }
    }

    /// <summary>Deletes an object as someone else would (kubectl delete), with its watch event.</summary>
    public void DeleteBehindBack(string resource, string? ns, string name)
    {
        lock (_gate)
        {
            var key = Key(resource, ns, name);
            if (_objects.Remove(key, out var removed))
            {
                Emit(resource, ns, "DELETED", removed);
            }
        }
    }

    /// <summary>Changes an object as someone else would (kubectl edit): the change is applied and announced.</summary>
    public void ChangeBehindBack(string resource, string? ns, string name, Action<JsonObject> change)
    {
        lock (_gate)
        {
            var current = _objects[Key(resource, ns, name)];
            change(current);
            current["metadata"]!["resourceVersion"] = Next();
            Emit(resource, ns, "MODIFIED", current);
        }
    }

    /// <summary>Forgets all watch history and ends every open watch: clients resuming from an old version get 410 Gone.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            // Like an etcd compaction followed by writes: no version a client holds can be resumed from.
            _compactedThrough = _version + 1;
            _history.Clear();
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryComplete();
            }

            _watchers.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryComplete();
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var (status, body) = await DispatchAsync(context).ConfigureAwait(false);
        lock (_gate)
        {
            _requests.Add($"{request.Method} {request.Path}{request.QueryString} -> {status}");
        }

        if (body is null)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString()).ConfigureAwait(false);
    }

    private async Task<(int Status, JsonNode? Body)> DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path is "/apis" or "/apis/")
        {
            return (200, Discovery());
        }

        if (path is "/api" or "/api/")
        {
            return (200, new JsonObject { ["kind"] = "APIVersions", ["versions"] = new JsonArray("v1") });
        }

        var match = ResourcePath().Match(path);
        if (!match.Success)
        {
            return (404, Failure(404, "NotFound", $"the server could not find the requested resource ({path})"));
        }

        var group = match.Groups["group"].Success ? match.Groups["group"].Value : string.Empty;
        var version = match.Groups["version"].Value;
        var ns = match.Groups["ns"].Success ? match.Groups["ns"].Value : null;
        var resource = match.Groups["resource"].Value;
        var name = match.Groups["name"].Success ? match.Groups["name"].Value : null;

        // /api/v1/namespaces/{name} names a namespace itself, not a collection inside it.
        if (group.Length == 0 && ns is not null && resource.Length == 0)
        {
            (resource, name, ns) = ("namespaces", ns, null);
        }

        var gvr = $"{group}/{version}/{resource}";
        if ((group == "kubevirt.io" && !KubeVirt) || (group == "k8s.cni.cncf.io" && !Multus))
        {
            return (404, Failure(404, "NotFound", "the server could not find the requested resource"));
        }

        switch (request.Method)
        {
            case "GET" when name is null && request.Query["watch"] is { Count: > 0 } watch && watch[0] is "true" or "1":
                await WatchAsync(context, gvr, ns).ConfigureAwait(false);
                return (200, null);
            case "GET" when name is null:
                return (200, ListOf(gvr, ns, request.Query["labelSelector"].ToString()));
            case "GET":
                lock (_gate)
                {
                    return _objects.TryGetValue(Key(gvr, ns, name), out var found) ? (200, found.DeepClone()) : (404, NotFound(resource, name));
                }

            case "POST" when name is null:
                return Create(gvr, ns, resource, await ReadAsync(request).ConfigureAwait(false));
            case "PUT" when name is not null:
                return Replace(gvr, ns, resource, name, await ReadAsync(request).ConfigureAwait(false));
            case "DELETE" when name is not null:
                return Delete(gvr, ns, resource, name);
            default:
                return (405, Failure(405, "MethodNotAllowed", $"{request.Method} is not allowed on {path}"));
        }
    }

    private (int, JsonNode) Create(string gvr, string? ns, string resource, JsonObject body)
    {
        var name = body["metadata"]?["name"]?.GetValue<string>();
        if (name is null || !DnsLabel().IsMatch(name))
        {
            return (422, Failure(422, "Invalid", $"{Kind(resource)} \"{name}\" is invalid: metadata.name: Invalid value: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'"));
        }

        lock (_gate)
        {
            if (ns is not null && !_objects.ContainsKey(Key("/v1/namespaces", null, ns)))
            {
                return (404, NotFound("namespaces", ns));
            }

            var key = Key(gvr, ns, name);
            if (_objects.ContainsKey(key))
            {
                return (409, Failure(409, "AlreadyExists", $"{resource} \"{name}\" already exists"));
            }

            var metadata = body["metadata"]!.AsObject();
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            metadata["generation"] = 1L;
            if (ns is not null)
            {
                metadata["namespace"] = ns;
            }

            Store(gvr, ns, name, "ADDED", body);
            Control(gvr, ns, name, resource);
            return (201, _objects[key].DeepClone());
        }
    }

    private (int, JsonNode) Replace(string gvr, string? ns, string resource, string name, JsonObject body)
    {
        lock (_gate)
        {
            var key = Key(gvr, ns, name);
            if (!_objects.TryGetValue(key, out var current))
            {
                return (404, NotFound(resource, name));
            }

            if (ConflictsToInject > 0)
            {
                ConflictsToInject--;
                current["metadata"]!["resourceVersion"] = Next();
                Emit(gvr, ns, "MODIFIED", current);
            }

            var sent = body["metadata"]?["resourceVersion"]?.GetValue<string>();
            var have = current["metadata"]!["resourceVersion"]!.GetValue<string>();
            if (sent is not null && sent != have)
            {
                return (409, Failure(409, "Conflict", $"Operation cannot be fulfilled on {resource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again"));
            }

            var metadata = body["metadata"]!.AsObject();
            metadata["uid"] = current["metadata"]!["uid"]!.DeepClone();
            metadata["creationTimestamp"] = current["metadata"]!["creationTimestamp"]!.DeepClone();
            var generation = long.Parse(current["metadata"]!["generation"]?.ToJsonString() ?? "1", CultureInfo.InvariantCulture);
            var specChanged = !JsonNode.DeepEquals(current["spec"], body["spec"]);
            metadata["generation"] = specChanged ? generation + 1 : generation;
            if (ns is not null)
            {
                metadata["namespace"] = ns;
            }

            if (body["status"] is null && current["status"] is { } status)
            {
                body["status"] = status.DeepClone();
            }

            Store(gvr, ns, name, "MODIFIED", body);
            Control(gvr, ns, name, resource);
            return (200, _objects[key].DeepClone());
        }
    }

    private (int, JsonNode) Delete(string gvr, string? ns, string resource, string name)
    {
        lock (_gate)
        {
            var key = Key(gvr, ns, name);
            if (!_objects.Remove(key, out var removed))
            {
                return (404, NotFound(resource, name));
            }

            Emit(gvr, ns, "DELETED", removed);
            if (resource == "namespaces")
            {
                foreach (var (childKey, child) in _objects.Where(o => o.Key.Split('|')[1] == name).ToArray())
                {
                    _objects.Remove(childKey);
                    Emit(childKey.Split('|')[0], name, "DELETED", child);
                }
            }

            return (200, new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Success", ["details"] = new JsonObject { ["name"] = name, ["kind"] = resource } });
        }
    }

    // What the cluster's controllers would do next: namespaces are Active, claims Bound, Deployments ready, VMs ready.
    private void Control(string gvr, string? ns, string name, string resource)
    {
        var current = _objects[Key(gvr, ns, name)];
        JsonObject? status = resource switch
        {
            "namespaces" => new JsonObject { ["phase"] = "Active" },
            "persistentvolumeclaims" => new JsonObject { ["phase"] = "Bound" },
            "deployments" when DeploymentsBecomeReady => new JsonObject
            {
                ["observedGeneration"] = current["metadata"]!["generation"]!.DeepClone(),
                ["replicas"] = current["spec"]?["replicas"]?.DeepClone() ?? 1,
                ["readyReplicas"] = current["spec"]?["replicas"]?.DeepClone() ?? 1,
                ["availableReplicas"] = current["spec"]?["replicas"]?.DeepClone() ?? 1,
                ["updatedReplicas"] = current["spec"]?["replicas"]?.DeepClone() ?? 1,
            },
            "virtualmachines" => new JsonObject { ["ready"] = true, ["printableStatus"] = "Running" },
            _ => null,
        };
        if (status is not null && !JsonNode.DeepEquals(current["status"], status))
        {
            current["status"] = status;
            current["metadata"]!["resourceVersion"] = Next();
            Emit(gvr, ns, "MODIFIED", current);
        }
    }

    private JsonObject ListOf(string gvr, string? ns, string selector)
    {
        lock (_gate)
        {
            var resource = gvr.Split('/')[^1];
            var items = new JsonArray();
            foreach (var (key, value) in _objects.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                var parts = key.Split('|');
                if (parts[0] == gvr && (ns is null || parts[1] == ns) && Matches(value, selector))
                {
                    items.Add(value.DeepClone());
                }
            }

            return new JsonObject
            {
                ["apiVersion"] = ApiVersion(gvr),
                ["kind"] = Kind(resource) + "List",
                ["metadata"] = new JsonObject { ["resourceVersion"] = _version.ToString(CultureInfo.InvariantCulture) },
                ["items"] = items,
            };
        }
    }

    private async Task WatchAsync(HttpContext context, string gvr, string? ns)
    {
        var selector = context.Request.Query["labelSelector"].ToString();
        var from = long.TryParse(context.Request.Query["resourceVersion"], CultureInfo.InvariantCulture, out var v) ? v : (long?)null;
        var channel = Channel.CreateUnbounded<Event>();
        var backlog = new List<Event>();
        var gone = false;
        lock (_gate)
        {
            if (from is { } version && version < _compactedThrough)
            {
                gone = true;
            }
            else if (from is { } since)
            {
                backlog.AddRange(_history.Where(e => e.Version > since));
            }
            else
            {
                backlog.AddRange(_objects.Where(o => o.Key.StartsWith(gvr + "|", StringComparison.Ordinal)).Select(o => new Event(0, gvr, o.Key.Split('|')[1], "ADDED", o.Value.DeepClone().AsObject())));
            }

            if (!gone)
            {
                _watchers.Add(channel);
            }
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        if (gone)
        {
            // As the real server does: 200, then an ERROR event carrying a 410 Status, then the end of the stream.
            await WriteEventAsync(context, "ERROR", Failure(410, "Expired", $"too old resource version: {from} ({_compactedThrough})")).ConfigureAwait(false);
            return;
        }

        try
        {
            foreach (var item in backlog.Where(e => e.Resource == gvr && (ns is null || e.Namespace == ns) && Matches(e.Object, selector)))
            {
                await WriteEventAsync(context, item.Type, item.Object).ConfigureAwait(false);
            }

            await foreach (var item in channel.Reader.ReadAllAsync(context.RequestAborted).ConfigureAwait(false))
            {
                if (item.Resource == gvr && (ns is null || item.Namespace == ns) && Matches(item.Object, selector) && !backlog.Any(b => b.Version == item.Version && b.Version != 0))
                {
                    await WriteEventAsync(context, item.Type, item.Object).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }

    private static async Task WriteEventAsync(HttpContext context, string type, JsonNode body)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = body.DeepClone() }.ToJsonString() + "\n";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private void Store(string gvr, string? ns, string name, string type, JsonObject body)
    {
        lock (_gate)
        {
            body["metadata"]!["resourceVersion"] = Next();
            _objects[Key(gvr, ns, name)] = body;
            Emit(gvr, ns, type, body);
        }
    }

    private void Emit(string gvr, string? ns, string type, JsonObject body)
    {
        var version = long.Parse(body["metadata"]!["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var item = new Event(type == "DELETED" ? long.Parse(Next(), CultureInfo.InvariantCulture) : version, gvr, ns ?? string.Empty, type, body.DeepClone().AsObject());
        if (type == "DELETED")
        {
            item.Object["metadata"]!["resourceVersion"] = item.Version.ToString(CultureInfo.InvariantCulture);
        }

        _history.Add(item);
        foreach (var watcher in _watchers)
        {
            watcher.Writer.TryWrite(item);
        }
    }

    private string Next() => (++_version).ToString(CultureInfo.InvariantCulture);

    private JsonObject Discovery()
    {
        var groups = new JsonArray();
        foreach (var (group, version) in new[] { ("apps", "v1"), ("networking.k8s.io", "v1"), ("rbac.authorization.k8s.io", "v1") }.Concat(KubeVirt ? [("kubevirt.io", "v1")] : []).Concat(Multus ? [("k8s.cni.cncf.io", "v1")] : []))
        {
            var gv = new JsonObject { ["groupVersion"] = $"{group}/{version}", ["version"] = version };
            groups.Add(new JsonObject { ["name"] = group, ["versions"] = new JsonArray(gv), ["preferredVersion"] = gv.DeepClone() });
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    private static bool Matches(JsonObject item, string selector)
    {
        if (string.IsNullOrEmpty(selector))
        {
            return true;
        }

        var labels = item["metadata"]?["labels"]?.AsObject();
        return selector.Split(',').All(term =>
        {
            var pair = term.Split('=', 2);
            return labels is not null && labels.TryGetPropertyValue(pair[0], out var value) && value?.GetValue<string>() == pair[1];
        });
    }

    private static async Task<JsonObject> ReadAsync(HttpRequest request) =>
        (await JsonNode.ParseAsync(request.Body).ConfigureAwait(false))!.AsObject();

    private static string Key(string gvr, string? ns, string name) => $"{gvr}|{ns ?? string.Empty}|{name}";

    private static string ApiVersion(string gvr) => gvr.StartsWith('/') ? gvr.Split('/')[1] : string.Join('/', gvr.Split('/')[..2]);

    private static string Kind(string resource) => resource switch
    {
        "namespaces" => "Namespace",
        "nodes" => "Node",
        "resourcequotas" => "ResourceQuota",
        "persistentvolumeclaims" => "PersistentVolumeClaim",
        "deployments" => "Deployment",
        "networkpolicies" => "NetworkPolicy",
        "rolebindings" => "RoleBinding",
        "virtualmachines" => "VirtualMachine",
        "network-attachment-definitions" => "NetworkAttachmentDefinition",
        _ => resource,
    };

    private static JsonObject NotFound(string resource, string name) => Failure(404, "NotFound", $"{resource} \"{name}\" not found");

    private static JsonObject Failure(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };

    [GeneratedRegex(@"^/(?:api/(?<version>v1)|apis/(?<group>[^/]+)/(?<version>[^/]+))(?:/namespaces/(?<ns>[^/]+))?(?:/(?<resource>[^/]+)(?:/(?<name>[^/]+))?)?/?$")]
    private static partial Regex ResourcePath();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    private sealed record Event(long Version, string Resource, string Namespace, string Type, JsonObject Object);
}
