using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Hardware.Inventory;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;

namespace PrecisionCloud.Resources.Kubernetes;

/// <summary>
/// A Kubernetes cluster as a backend of the unified model: tenants are namespaces with a ResourceQuota and
/// RoleBindings; containers are Deployments pinned to the node placement chose; VMs are KubeVirt VirtualMachines
/// where the cluster serves <c>kubevirt.io</c>; volumes are PersistentVolumeClaims; security policies are
/// NetworkPolicies over the pods that carry them. Workload status comes from a watch of Deployments that resumes
/// from its resourceVersion and lists again on 410 Gone; updates retry on 409 Conflict with the object read again.
/// </summary>
public sealed partial class KubernetesProvider : IComputeProvider, IStorageProvider, INetworkProvider, ITenancyProvider, IAsyncDisposable
{
    private const string KubeVirtGroup = "kubevirt.io";
    private const string MultusGroup = "k8s.cni.cncf.io";
    private const string MultusNetworksAnnotation = "k8s.v1.cni.cncf.io/networks";
    private readonly KubernetesProviderOptions _options;
    private readonly ILogger _logger;
    private readonly IKubernetes _client;
    private readonly bool _ownsClient;
    private readonly DeploymentWatch _deployments;
    private readonly string _owner;
    private readonly string _selector;
    private ProviderCapabilities? _capabilities;

    /// <summary>Creates the provider over a client built from the options (host, kubeconfig or in-cluster).</summary>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger.</param>
    public KubernetesProvider(IOptions<KubernetesProviderOptions> options, ILogger<KubernetesProvider> logger)
        : this(options, logger, null)
    {
    }

    /// <summary>Creates the provider over a given client (or one built from the options when <see langword="null"/>).</summary>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="client">The client; the provider does not dispose it.</param>
    public KubernetesProvider(IOptions<KubernetesProviderOptions> options, ILogger<KubernetesProvider> logger, IKubernetes? client)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _logger = logger;
        _ownsClient = client is null;
        _client = client ?? new k8s.Kubernetes(BuildConfiguration(_options));
        _owner = KubernetesLabels.OwnerOf(_options.Name, _options.NamespacePrefix);
        _selector = KubernetesLabels.Selector(_owner);
        _deployments = new DeploymentWatch(_client, _selector, logger);
    }

    /// <inheritdoc/>
    public string Name => _options.Name;

    /// <inheritdoc/>
    /// <remarks>Empty until the cluster is discovered (the first call of any operation, or <see cref="DiscoverAsync"/>).</remarks>
    public ProviderCapabilities Capabilities => _capabilities ?? new ProviderCapabilities();

    /// <summary>How many times the Deployment watch had to list again (its resourceVersion had expired: 410 Gone).</summary>
    public int WatchRelists => _deployments.Relists;

    /// <summary>Reads what the cluster serves (KubeVirt or not) and sets the capabilities.</summary>
    /// <param name="cancellationToken">Cancels the discovery.</param>
    public async Task<ProviderCapabilities> DiscoverAsync(CancellationToken cancellationToken)
    {
        var groups = await CallAsync("discover API groups", () => _client.Apis.GetAPIVersionsAsync(cancellationToken)).ConfigureAwait(false);
        var kubeVirt = groups.Groups?.Any(g => g.Name == KubeVirtGroup) == true;
        var multus = groups.Groups?.Any(g => g.Name == MultusGroup) == true;
        var missing = new List<MissingCapability>
        {
            new("VolumeKind:ObjectStorage", "no object store API in Kubernetes itself"),
            new("Accelerators", "device plugin resources are not requested by this provider yet"),
        };
        if (!multus)
        {
            missing.Add(new MissingCapability("Networks", "the cluster serves no k8s.cni.cncf.io API group (install Multus): pods have the cluster network only"));
        }

        if (!kubeVirt)
        {
            missing.Add(new MissingCapability("Kind:VirtualMachine", "the cluster serves no kubevirt.io API group (install KubeVirt)"));
        }

        _capabilities = new ProviderCapabilities
        {
            Kinds = kubeVirt ? [WorkloadKind.Container, WorkloadKind.VirtualMachine] : [WorkloadKind.Container],
            CpuLimits = true,
            MemoryLimits = true,
            HugePages = true,
            VolumeKinds = [VolumeKind.Block, VolumeKind.File],
            Networks = multus,
            FixedAddresses = multus,
            MultipleNetworks = multus,
            SecurityPolicies = true,
            RemoteGroups = true,
            TenantIsolation = true,
            LiveMigration = kubeVirt,
            Missing = missing,
        };
        return _capabilities;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ProviderNode>> GetNodesAsync(CancellationToken cancellationToken)
    {
        var capabilities = await CapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        var nodes = await CallAsync("list nodes", () => _client.CoreV1.ListNodeAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. nodes.Items.Select(node =>
        {
            var allocatable = node.Status?.Allocatable ?? new Dictionary<string, ResourceQuantity>();
            var labels = node.Metadata.Labels ?? new Dictionary<string, string>();
            return new ProviderNode
            {
                Name = node.Metadata.Name,
                Site = labels.TryGetValue(KubernetesLabels.Site, out var site) ? site : _options.Site,
                Labels = new Dictionary<string, string>(labels, StringComparer.Ordinal),
                Kinds = capabilities.Kinds,
                LatencyClass = _options.LatencyClass,
                Schedulable = node.Spec?.Unschedulable != true,
                Capacity = new NodeCapacity
                {
                    VCpus = allocatable.TryGetValue("cpu", out var cpu) ? (double)cpu.ToDecimal() : 0,
                    MemoryMiB = allocatable.TryGetValue("memory", out var memory) ? (long)(memory.ToDecimal() / (1024 * 1024)) : 0,
                    DiskGiB = allocatable.TryGetValue("ephemeral-storage", out var disk) ? (long)(disk.ToDecimal() / (1024 * 1024 * 1024)) : 0,
                    HugePagesMiB = allocatable.TryGetValue("hugepages-2Mi", out var huge) ? (long)(huge.ToDecimal() / (1024 * 1024)) : 0,
                    Accelerators = allocatable.TryGetValue("nvidia.com/gpu", out var gpu) && gpu.ToDecimal() > 0
                        ? new Dictionary<AcceleratorKind, int> { [AcceleratorKind.Gpu] = (int)gpu.ToDecimal() }
                        : new Dictionary<AcceleratorKind, int>(),
                },
            };
        })];
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _deployments.DisposeAsync().ConfigureAwait(false);
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    internal string NamespaceOf(string tenant) => _options.NamespacePrefix + tenant;

    private Dictionary<string, string> Managed(string uid) => KubernetesLabels.Managed(_owner, uid);

    /// <summary>Refuses to take over an object that exists but is not this provider's (another owner, or none).</summary>
    private void RequireOwned(V1ObjectMeta metadata, string uid, string what)
    {
        if (KubernetesLabels.Get(metadata.Labels, KubernetesLabels.Owner) != _owner || KubernetesLabels.Get(metadata.Labels, KubernetesLabels.Uid) != uid)
        {
            throw new KubernetesApiException($"apply {what}", 409, $"{what} exists and is not this provider's (labels {KubernetesLabels.Owner}={_owner}, {KubernetesLabels.Uid}={uid} expected); rename or remove it");
        }
    }

    private async Task<ProviderCapabilities> CapabilitiesAsync(CancellationToken cancellationToken) =>
        _capabilities ?? await DiscoverAsync(cancellationToken).ConfigureAwait(false);

    private static KubernetesClientConfiguration BuildConfiguration(KubernetesProviderOptions options)
    {
        if (!string.IsNullOrEmpty(options.Host))
        {
            return new KubernetesClientConfiguration { Host = options.Host, HttpClientTimeout = options.RequestTimeout };
        }

        if (!string.IsNullOrEmpty(options.KubeConfigPath) || KubernetesClientConfiguration.IsInCluster() is false)
        {
            var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(options.KubeConfigPath, options.Context);
            configuration.HttpClientTimeout = options.RequestTimeout;
            return configuration;
        }

        var inCluster = KubernetesClientConfiguration.InClusterConfig();
        inCluster.HttpClientTimeout = options.RequestTimeout;
        return inCluster;
    }

    /// <summary>Runs an API call, turning the client's errors into <see cref="KubernetesApiException"/> with the API's message.</summary>
    private static async Task<T> CallAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HttpOperationException exception)
        {
            throw new KubernetesApiException(operation, (int)exception.Response.StatusCode, Detail(exception), exception);
        }
    }

    /// <summary>Reads an object, or <see langword="null"/> when the API answers 404.</summary>
    private static async Task<T?> ReadOrNullAsync<T>(string operation, Func<Task<T>> read)
        where T : class
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (HttpOperationException exception) when (exception.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (HttpOperationException exception)
        {
            throw new KubernetesApiException(operation, (int)exception.Response.StatusCode, Detail(exception), exception);
        }
    }

    /// <summary>Deletes an object; 404 counts as done.</summary>
    private static async Task DeleteOrGoneAsync(string operation, Func<Task> delete)
    {
        try
        {
            await delete().ConfigureAwait(false);
        }
        catch (HttpOperationException exception) when (exception.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
        catch (HttpOperationException exception)
        {
            throw new KubernetesApiException(operation, (int)exception.Response.StatusCode, Detail(exception), exception);
        }
    }

    /// <summary>
    /// Creates an object, or replaces it with the resourceVersion just read; a 409 (created meanwhile, or changed
    /// since read) reads again and retries.
    /// </summary>
    private async Task<T> UpsertAsync<T>(string operation, Func<Task<T?>> read, Func<Task<T>> create, Func<T, Task<T>> replace)
        where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var current = await read().ConfigureAwait(false);
                return current is null ? await create().ConfigureAwait(false) : await replace(current).ConfigureAwait(false);
            }
            catch (HttpOperationException exception) when (exception.Response.StatusCode == HttpStatusCode.Conflict && attempt < _options.ConflictRetries)
            {
                LogConflict(_logger, operation, attempt + 1);
            }
            catch (HttpOperationException exception)
            {
                throw new KubernetesApiException(operation, (int)exception.Response.StatusCode, Detail(exception), exception);
            }
        }
    }

    /// <summary>Creates or replaces a custom object (group version v1), reading it again and retrying on 409; returns it as the server holds it.</summary>
    private async Task<JsonNode> UpsertCustomAsync(string group, string plural, string ns, string name, JsonObject body, CancellationToken cancellationToken)
    {
        var operation = $"apply {plural} {ns}/{name}";
        for (var attempt = 0; ; attempt++)
        {
            var current = await ReadOrNullAsync($"read {plural} {ns}/{name}",
                async () => (object)await _client.CustomObjects.GetNamespacedCustomObjectAsync<JsonElement>(group, "v1", ns, plural, name, cancellationToken: cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            try
            {
                object written;
                if (current is null)
                {
                    written = await _client.CustomObjects.CreateNamespacedCustomObjectAsync(JsonSerializer.SerializeToElement(body), group, "v1", ns, plural, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var metadata = ((JsonElement)current).GetProperty("metadata");
                    var labels = metadata.TryGetProperty("labels", out var l) ? l : default;
                    string? Label(string key) => labels.ValueKind == JsonValueKind.Object && labels.TryGetProperty(key, out var v) ? v.GetString() : null;
                    var uid = body["metadata"]?["labels"]?[KubernetesLabels.Uid]?.GetValue<string>();
                    if (Label(KubernetesLabels.Owner) != _owner || Label(KubernetesLabels.Uid) != uid)
                    {
                        throw new KubernetesApiException(operation, 409, $"{plural} {ns}/{name} exists and is not this provider's; rename or remove it");
                    }

                    body["metadata"]!["resourceVersion"] = metadata.GetProperty("resourceVersion").GetString();
                    written = await _client.CustomObjects.ReplaceNamespacedCustomObjectAsync(JsonSerializer.SerializeToElement(body), group, "v1", ns, plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                return written is JsonElement element ? JsonNode.Parse(element.GetRawText())! : body;
            }
            catch (HttpOperationException exception) when (exception.Response.StatusCode == HttpStatusCode.Conflict && attempt < _options.ConflictRetries)
            {
                LogConflict(_logger, operation, attempt + 1);
            }
            catch (HttpOperationException exception)
            {
                throw new KubernetesApiException(operation, (int)exception.Response.StatusCode, Detail(exception), exception);
            }
        }
    }

    /// <summary>The provider's custom objects of a kind across namespaces.</summary>
    private async Task<List<JsonNode>> ListCustomAsync(string group, string plural, CancellationToken cancellationToken)
    {
        var list = await CallAsync($"list {plural}",
            () => _client.CustomObjects.ListClusterCustomObjectAsync<JsonElement>(group, "v1", plural, labelSelector: _selector, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return JsonNode.Parse(list.GetRawText())?["items"]?.AsArray().OfType<JsonNode>().ToList() ?? [];
    }

    private static string Detail(HttpOperationException exception) =>
        string.IsNullOrEmpty(exception.Response.Content) ? exception.Message : exception.Response.Content;

    private static string Quantity(double value) => string.Create(CultureInfo.InvariantCulture, $"{(long)Math.Ceiling(value * 1000)}m");

    private static string MiB(long value) => string.Create(CultureInfo.InvariantCulture, $"{value}Mi");

    private static string GiB(long value) => string.Create(CultureInfo.InvariantCulture, $"{value}Gi");

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "{Operation} met a conflict; read again and retried ({Attempt})")]
    private static partial void LogConflict(ILogger logger, string operation, int attempt);
}
