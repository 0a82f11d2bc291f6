using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Placement;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Reconciliation;
using PrecisionCloud.Resources.State;
using PrecisionCloud.Resources.Storage;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources;

/// <summary>
/// The unified resource API of a site: tenants, networks, security policies, volumes and workloads over whatever
/// providers the site has. A change is validated, counted against the tenant's quota, placed, and committed to the
/// store before it is answered; the reconciler then makes the backends match and reports what it finds
/// (<see cref="WatchAsync"/>). One writer at a time: quotas, capacity and addresses stay exact under concurrency.
/// </summary>
public sealed partial class ResourceManager : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly IResourceProvider[] _providers;
    private readonly ResourceOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ResourceMetrics? _metrics;
    private readonly QuotaLedger _quotas = new();
    private readonly Dictionary<string, Tenant> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Network> _networks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SecurityPolicy> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Volume> _volumes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Workload> _workloads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AddressPool> _addresses = new(StringComparer.Ordinal);
    private readonly List<Channel<ResourceChange>> _watchers = [];
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private SqliteResourceStore? _store;
    private PlacementEngine _placement = new([]);
    private long _revision;
    private ResourceReconciler? _reconciler;

    /// <summary>Creates the manager; call <see cref="StartAsync"/> before use.</summary>
    /// <param name="providers">The site's providers.</param>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    /// <param name="metrics">The metrics, when published.</param>
    public ResourceManager(
        IEnumerable<IResourceProvider> providers, IOptions<ResourceOptions> options, ILogger<ResourceManager> logger,
        TimeProvider? timeProvider = null, ResourceMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _providers = [.. providers];
        var duplicate = _providers.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two providers are named '{duplicate.Key}'", nameof(providers));
        }

        _options = options.Value;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _metrics = metrics;
    }

    /// <summary>The site's providers.</summary>
    public IReadOnlyList<IResourceProvider> Providers => _providers;

    /// <summary>The revision of the last committed change.</summary>
    public long Revision => Volatile.Read(ref _revision);

    internal ResourceOptions Options => _options;

    internal TimeProvider Time => _time;

    internal ILogger Logger => _logger;

    internal ResourceMetrics? Metrics => _metrics;

    /// <summary>Loads the stored state, counts it against quotas and capacity, and reads the providers' nodes.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_store is not null)
            {
                return;
            }

            var store = new SqliteResourceStore(_options.DatabasePath, _options.SynchronousCommits, _options.WatchHistory);
            try
            {
                foreach (var stored in store.Load())
                {
                    Restore(stored);
                }

                _revision = store.LastRevision();
                await RefreshNodesLockedAsync(cancellationToken).ConfigureAwait(false);
                foreach (var workload in _workloads.Values)
                {
                    _quotas.Restore(workload.Spec.Tenant, QuotaDemand(workload.Spec));
                    foreach (var (network, addresses) in workload.Status.Addresses)
                    {
                        foreach (var address in addresses)
                        {
                            Pool($"{workload.Spec.Tenant}/{network}")?.Claim(address);
                        }
                    }
                }

                foreach (var volume in _volumes.Values)
                {
                    _quotas.Restore(volume.Spec.Tenant, VolumeQuota(volume.Spec));
                }

                foreach (var network in _networks.Values)
                {
                    _quotas.Restore(network.Spec.Tenant, NetworkQuota);
                }

                _reconciler = new ResourceReconciler(this);

                // Started only once everything is counted: a failed start leaves nothing half-loaded behind.
                _store = store;
            }
            catch
            {
                store.Dispose();
                ClearLoaded();
                throw;
            }

            LogStarted(_logger, _tenants.Count, _workloads.Count, _volumes.Count, _networks.Count, _placement.NodeCount, _revision);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Runs one reconcile pass: makes every backend match the desired state and reports what it did.</summary>
    /// <param name="cancellationToken">Cancels the pass.</param>
    public Task<ReconcileReport> ReconcileAsync(CancellationToken cancellationToken) =>
        (_reconciler ?? throw new InvalidOperationException("call StartAsync first")).RunPassAsync(cancellationToken);

    /// <summary>Reads the providers' nodes again and recounts what is placed on them.</summary>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    public async Task RefreshNodesAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RefreshNodesLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Every provider with its capabilities and its nodes' free capacity, as placement sees them now.</summary>
    public IReadOnlyList<ProviderDescription> DescribeProviders() => Read(() => (IReadOnlyList<ProviderDescription>)
    [
        .. _providers.Select(provider => new ProviderDescription(
            provider.Name,
            provider.Capabilities,
            [.. (_nodeView.FirstOrDefault(v => v.Name == provider.Name)?.Nodes ?? []).Select(n => new NodeDescription(n, _placement.GetFree(provider.Name, n.Name) ?? new NodeCapacity()))])),
    ]);

    /// <summary>
    /// Watches changes: after the stored changes following <paramref name="afterRevision"/> (none when it is -1), every
    /// change as it is committed, in revision order.
    /// </summary>
    /// <param name="afterRevision">The revision to resume after; -1 for live changes only, 0 for all kept.</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <exception cref="ResourceWatchExpiredException">The revision is no longer kept, or the watcher fell too far behind.</exception>
    public async IAsyncEnumerable<ResourceChange> WatchAsync(long afterRevision = -1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<ResourceChange>(new BoundedChannelOptions(65_536) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        IReadOnlyList<StoredChange> backlog = [];
        long registeredAt;
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var store = _store ?? throw new InvalidOperationException("call StartAsync first");
            registeredAt = _revision;
            if (afterRevision >= 0 && afterRevision < registeredAt)
            {
                var first = store.FirstRevision();
                if (first > afterRevision + 1)
                {
                    throw new ResourceWatchExpiredException($"changes after revision {afterRevision} are no longer kept (the oldest kept is {first}); list again and watch from {registeredAt}");
                }

                backlog = store.ReadChanges(afterRevision, int.MaxValue);
            }

            lock (_watchers)
            {
                _watchers.Add(channel);
            }
        }
        finally
        {
            _writer.Release();
        }

        try
        {
            foreach (var change in backlog)
            {
                yield return new ResourceChange(change.Revision, change.Kind, change.Key, change.Type, change.Reason, Deserialize(change.Kind, change.Document));
            }

            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (change.Revision > registeredAt)
                {
                    yield return change;
                }
            }
        }
        finally
        {
            lock (_watchers)
            {
                _watchers.Remove(channel);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_watchers)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryComplete();
            }
        }

        _store?.Dispose();
        _reconciler?.Dispose();
        _writer.Dispose();
        _wake.Dispose();
    }

    internal DateTimeOffset? NextDue() => _reconciler?.NextDue();

    internal Task<bool> WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    internal async Task<T> WriteAsync<T>(Func<T> change, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return change();
        }
        finally
        {
            _writer.Release();
        }
    }

    internal (Tenant[] Tenants, Network[] Networks, SecurityPolicy[] Policies, Volume[] Volumes, Workload[] Workloads) Snapshot()
    {
        _writer.Wait();
        try
        {
            return ([.. _tenants.Values], [.. _networks.Values], [.. _policies.Values], [.. _volumes.Values], [.. _workloads.Values]);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Commits a record (or its removal) with its change and tells the watchers. Caller holds the writer.</summary>
    internal long Commit(ResourceKind kind, string key, ResourceChangeType type, string reason, object record)
    {
        var store = _store ?? throw new InvalidOperationException("call StartAsync first");
        var document = Serialize(kind, record);
        var revision = store.Commit(kind, key, type, reason, document);
        Volatile.Write(ref _revision, revision);
        var change = new ResourceChange(revision, kind, key, type, reason, record);
        lock (_watchers)
        {
            foreach (var watcher in _watchers)
            {
                if (!watcher.Writer.TryWrite(change))
                {
                    watcher.Writer.TryComplete(new ResourceWatchExpiredException($"the watcher fell more than 65536 changes behind at revision {revision}; list again and watch from there"));
                }
            }
        }

        _metrics?.Changed(kind, type);
        return revision;
    }

    internal void Wake()
    {
        // One pending wake is enough: the next pass sees every change committed before it starts.
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    internal IReadOnlyList<ResourceEvent> AddEvent(IReadOnlyList<ResourceEvent> events, string reason, string message)
    {
        var kept = _options.EventsKept;
        var list = new List<ResourceEvent>(Math.Min(events.Count + 1, kept));
        list.AddRange(events.Count >= kept ? events.Skip(events.Count - kept + 1) : events);
        list.Add(new ResourceEvent(_time.GetUtcNow(), reason, message));
        return list;
    }

    internal static string NewUid() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    internal static string Hash<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, type)).AsSpan(0, 8));

    private static string Serialize(ResourceKind kind, object record) => kind switch
    {
        ResourceKind.Tenant => JsonSerializer.Serialize((Tenant)record, ResourcesJsonContext.Default.Tenant),
        ResourceKind.Network => JsonSerializer.Serialize((Network)record, ResourcesJsonContext.Default.Network),
        ResourceKind.SecurityPolicy => JsonSerializer.Serialize((SecurityPolicy)record, ResourcesJsonContext.Default.SecurityPolicy),
        ResourceKind.Volume => JsonSerializer.Serialize((Volume)record, ResourcesJsonContext.Default.Volume),
        ResourceKind.Workload => JsonSerializer.Serialize((Workload)record, ResourcesJsonContext.Default.Workload),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static object Deserialize(ResourceKind kind, string document) => kind switch
    {
        ResourceKind.Tenant => JsonSerializer.Deserialize(document, ResourcesJsonContext.Default.Tenant)!,
        ResourceKind.Network => JsonSerializer.Deserialize(document, ResourcesJsonContext.Default.Network)!,
        ResourceKind.SecurityPolicy => JsonSerializer.Deserialize(document, ResourcesJsonContext.Default.SecurityPolicy)!,
        ResourceKind.Volume => JsonSerializer.Deserialize(document, ResourcesJsonContext.Default.Volume)!,
        ResourceKind.Workload => JsonSerializer.Deserialize(document, ResourcesJsonContext.Default.Workload)!,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private void Restore(StoredResource stored)
    {
        switch (Deserialize(stored.Kind, stored.Document))
        {
            case Tenant tenant:
                _tenants[tenant.Key] = tenant;
                _quotas.SetLimits(tenant.Key, tenant.Spec.Quota.ToLimits());
                break;
            case Network network:
                _networks[network.Key] = network;
                _addresses[network.Key] = new AddressPool(network.Spec.Subnets);
                break;
            case SecurityPolicy policy:
                _policies[policy.Key] = policy;
                break;
            case Volume volume:
                _volumes[volume.Key] = volume;
                break;
            case Workload workload:
                _workloads[workload.Key] = workload;
                break;
        }
    }

    private IReadOnlyList<PlacementProvider> _nodeView = [];

    private async Task RefreshNodesLockedAsync(CancellationToken cancellationToken)
    {
        var view = new List<PlacementProvider>();
        foreach (var provider in _providers.OfType<IComputeProvider>())
        {
            IReadOnlyList<ProviderNode> nodes;
            try
            {
                nodes = await provider.GetNodesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One unreachable backend must not stop the site: its nodes are left out until the next refresh.
                LogNodesFailed(_logger, provider.Name, exception);
                nodes = _nodeView.FirstOrDefault(v => v.Name == provider.Name)?.Nodes ?? [];
            }

            view.Add(new PlacementProvider(provider.Name, provider.Capabilities, nodes));
        }

        var engine = new PlacementEngine(view);
        foreach (var workload in _workloads.Values)
        {
            if (workload.Status.Provider is { } provider && workload.Status.Node is { } node)
            {
                engine.Reserve(workload.Spec, new PlacementTarget(provider, node, workload.Status.Kind));
            }
        }

        _nodeView = view;
        _placement = engine;
    }

    private void ClearLoaded()
    {
        _tenants.Clear();
        _networks.Clear();
        _policies.Clear();
        _volumes.Clear();
        _workloads.Clear();
        _addresses.Clear();
        _quotas.Clear();
    }

    private AddressPool? Pool(string networkKey) => _addresses.GetValueOrDefault(networkKey);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Reading the nodes of provider {Provider} failed; its last known nodes are used until the next refresh")]
    private static partial void LogNodesFailed(ILogger logger, string provider, Exception exception);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Resources started: {Tenants} tenants, {Workloads} workloads, {Volumes} volumes, {Networks} networks over {Nodes} nodes, revision {Revision}")]
    private static partial void LogStarted(ILogger logger, int tenants, int workloads, int volumes, int networks, int nodes, long revision);
}
