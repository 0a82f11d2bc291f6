using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;

namespace PrecisionCloud.Resources.OpenStack;

/// <summary>
/// An OpenStack cloud as a backend of the unified model: tenants are Keystone projects with Nova, Cinder and
/// Neutron quotas and role assignments; networks are Neutron networks with subnets; security policies are security
/// groups; volumes are Cinder volumes attached through Nova; virtual machines are Nova servers (one per replica) on
/// ports holding the addresses the model assigned, booted on the compute host placement chose, with flavors chosen or
/// created from the demand and server groups for anti-affinity; bare metal goes through Nova with bare-metal flavors.
/// Nodes are Nova's hypervisors with their Placement inventories. What the provider owns carries its name, so
/// providers sharing a cloud never touch each other's objects.
/// </summary>
public sealed partial class OpenStackProvider : IComputeProvider, IStorageProvider, INetworkProvider, ITenancyProvider, IDisposable
{
    private readonly OpenStackProviderOptions _options;
    private readonly ILogger _logger;
    private readonly OpenStackClient _client;
    private readonly bool _ownsClient;
    private readonly ConcurrentDictionary<string, string> _projects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _hostsByNode = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _flavorGate = new(1, 1);
    private readonly SemaphoreSlim _groupGate = new(1, 1);
    private ProviderCapabilities? _capabilities;
    private string? _domainId;
    private Dictionary<string, string>? _roleIds;

    /// <summary>Creates the provider over a client built from the options (the cloud given, a clouds.yaml entry, or OS_* variables).</summary>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="metrics">Client metrics, or <see langword="null"/>.</param>
    public OpenStackProvider(IOptions<OpenStackProviderOptions> options, ILogger<OpenStackProvider> logger, OpenStackMetrics? metrics)
        : this(options, logger, null, metrics)
    {
    }

    /// <summary>Creates the provider over a given client (or one built from the options when <see langword="null"/>).</summary>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="client">The client; the provider does not dispose it.</param>
    /// <param name="metrics">Client metrics for a client built here, or <see langword="null"/>.</param>
    public OpenStackProvider(IOptions<OpenStackProviderOptions> options, ILogger<OpenStackProvider> logger, OpenStackClient? client, OpenStackMetrics? metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _logger = logger;
        _ownsClient = client is null;
        _client = client ?? new OpenStackClient(CloudOf(_options), _options.Client, logger, metrics);
    }

    /// <inheritdoc/>
    public string Name => _options.Name;

    /// <inheritdoc/>
    /// <remarks>Empty until the cloud is discovered (<see cref="GetNodesAsync"/> or <see cref="DiscoverAsync"/>).</remarks>
    public ProviderCapabilities Capabilities => _capabilities ?? new ProviderCapabilities();

    /// <summary>The client the provider speaks through.</summary>
    public OpenStackClient Client => _client;

    /// <summary>The cloud's options as the provider reads them: <see cref="OpenStackProviderOptions.Auth"/> when it has an address, else the clouds.yaml entry or OS_* variables.</summary>
    /// <param name="options">The provider's options.</param>
    public static OpenStackCloudOptions CloudOf(OpenStackProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !string.IsNullOrEmpty(options.Auth.AuthUrl) ? options.Auth : OpenStackCloudConfig.Load(options.Cloud, options.CloudsFile);
    }

    /// <summary>
    /// Reads what the cloud offers and sets the capabilities: its volume types, whether bare-metal flavors exist,
    /// and the compute microversion (for placement on a chosen host).
    /// </summary>
    /// <param name="cancellationToken">Cancels the discovery.</param>
    public async Task<ProviderCapabilities> DiscoverAsync(CancellationToken cancellationToken)
    {
        var version = await _client.Compute.NegotiateAsync(cancellationToken).ConfigureAwait(false);
        var volumeTypes = await _client.BlockStorage.ListVolumeTypesAsync(cancellationToken).ConfigureAwait(false);
        var bareMetal = false;
        await foreach (var flavor in _client.Compute.ListFlavorsAsync(cancellationToken).ConfigureAwait(false))
        {
            bareMetal |= flavor.IsBareMetal;
        }

        var missing = new List<MissingCapability>
        {
            new("Kind:Container", "containers on OpenStack (Zun) are not spoken by this provider; run them on the OCI or Kubernetes provider"),
            new("VolumeKind:File", "shared file systems (Manila) are not spoken by this provider"),
            new("VolumeKind:ObjectStorage", "object storage (Swift) is not spoken by this provider"),
            new("Accelerators", "PCI passthrough and vGPU flavors are not requested by this provider yet"),
        };
        if (!bareMetal)
        {
            missing.Add(new MissingCapability("Kind:BareMetal", "the cloud has no bare-metal flavor (resources:CUSTOM_<class>=1 with resources:VCPU=0)"));
        }

        if (version < new Microversion(2, 74))
        {
            missing.Add(new MissingCapability("PinToNode", $"compute serves microversion {version}; booting on a chosen host needs 2.74"));
        }

        if (!_options.ProjectPerTenant)
        {
            missing.Add(new MissingCapability("TenantIsolation", "every tenant shares the credential's project (ProjectPerTenant is off)"));
        }

        _capabilities = new ProviderCapabilities
        {
            Kinds = bareMetal ? [WorkloadKind.VirtualMachine, WorkloadKind.BareMetal] : [WorkloadKind.VirtualMachine],
            CpuLimits = true,
            MemoryLimits = true,
            HugePages = true,
            DedicatedCpus = true,
            LiveMigration = true,
            VolumeKinds = [VolumeKind.Block],
            VolumeClasses = volumeTypes,
            Networks = true,
            FixedAddresses = true,
            SecurityPolicies = true,
            RemoteGroups = true,
            MultipleNetworks = true,
            TenantIsolation = _options.ProjectPerTenant,
            Missing = missing,
        };
        return _capabilities;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Compute nodes are Nova's hypervisors, sized by their Placement inventories ((total − reserved) × allocation
    /// ratio); a node is schedulable when its service is up and enabled. Placement providers with a custom resource
    /// class that a bare-metal flavor asks for are bare-metal nodes, sized by that flavor.
    /// </remarks>
    public async Task<IReadOnlyList<ProviderNode>> GetNodesAsync(CancellationToken cancellationToken)
    {
        var capabilities = await CapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        var providers = await _client.Placement.ListResourceProvidersAsync(cancellationToken).ConfigureAwait(false);
        var nodes = new List<ProviderNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var hypervisor in _client.Compute.ListHypervisorsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(hypervisor.Type, "ironic", StringComparison.OrdinalIgnoreCase))
            {
                // Ironic's nodes are hypervisors too; they are bare-metal nodes, below.
                continue;
            }

            var provider = providers.FirstOrDefault(p => p.Id == hypervisor.Id) ?? providers.FirstOrDefault(p => p.Name == hypervisor.HostName);
            var inventories = provider is null ? [] : await _client.Placement.GetInventoriesAsync(provider.Id, cancellationToken).ConfigureAwait(false);
            var traits = provider is null ? [] : await _client.Placement.GetTraitsAsync(provider.Id, cancellationToken).ConfigureAwait(false);
            if (provider is not null)
            {
                seen.Add(provider.Id);
            }

            _hostsByNode[hypervisor.HostName] = hypervisor.ServiceHost ?? hypervisor.HostName;
            double Capacity(string resourceClass) => inventories.FirstOrDefault(i => i.ResourceClass == resourceClass)?.Capacity ?? 0;
            nodes.Add(new ProviderNode
            {
                Name = hypervisor.HostName,
                Site = _options.Site,
                Labels = Labels(traits, hypervisor.Type),
                Kinds = [WorkloadKind.VirtualMachine],
                LatencyClass = _options.LatencyClass,
                Schedulable = hypervisor.State == "up" && hypervisor.Status == "enabled",
                Capacity = new NodeCapacity { VCpus = Capacity("VCPU"), MemoryMiB = (long)Capacity("MEMORY_MB"), DiskGiB = (long)Capacity("DISK_GB") },
            });
        }

        if (capabilities.Kinds.Contains(WorkloadKind.BareMetal))
        {
            // Bare-metal nodes are sized by the flavor that asks for their resource class.
            var flavors = await ToListAsync(_client.Compute.ListFlavorsAsync(cancellationToken)).ConfigureAwait(false);
            foreach (var provider in providers.Where(p => !seen.Contains(p.Id)))
            {
                var inventories = await _client.Placement.GetInventoriesAsync(provider.Id, cancellationToken).ConfigureAwait(false);
                var custom = inventories.FirstOrDefault(i => i.ResourceClass.StartsWith("CUSTOM_", StringComparison.Ordinal) && i.Total == 1);
                var flavor = custom is null ? null : flavors.Where(f => f.IsBareMetal && f.ExtraSpecs.GetValueOrDefault("resources:" + custom.ResourceClass) == "1").MinBy(f => f.VCpus);
                if (custom is null)
                {
                    continue;
                }

                var traits = await _client.Placement.GetTraitsAsync(provider.Id, cancellationToken).ConfigureAwait(false);
                var labels = Labels(traits, "ironic");
                labels["openstack.org/resource-class"] = custom.ResourceClass;
                nodes.Add(new ProviderNode
                {
                    Name = provider.Name,
                    Site = _options.Site,
                    Labels = labels,
                    Kinds = [WorkloadKind.BareMetal],
                    LatencyClass = _options.LatencyClass,
                    Schedulable = flavor is not null && custom.Reserved == 0,
                    Capacity = flavor is null ? new NodeCapacity() : new NodeCapacity { VCpus = flavor.VCpus, MemoryMiB = flavor.RamMiB, DiskGiB = flavor.DiskGiB },
                });
            }
        }

        return nodes;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _flavorGate.Dispose();
        _groupGate.Dispose();
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private async Task<ProviderCapabilities> CapabilitiesAsync(CancellationToken cancellationToken) =>
        _capabilities ?? await DiscoverAsync(cancellationToken).ConfigureAwait(false);

    private static Dictionary<string, string> Labels(IReadOnlyList<string> traits, string? hypervisorType)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var trait in traits)
        {
            labels["trait/" + trait] = "true";
        }

        if (hypervisorType is not null)
        {
            labels["openstack.org/hypervisor-type"] = hypervisorType;
        }

        return labels;
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }

    private bool Owned(IReadOnlyDictionary<string, string> metadata) => metadata.GetValueOrDefault(OwnershipMarker.OwnerKey) == Name;

    private (string Owner, string Uid, string SpecHash, int? Replica)? Marker(string? description) =>
        OwnershipMarker.Read(description) is { } marker && marker.Owner == Name ? marker : null;

    /// <summary>Refuses to take over an object of the same name that is not this provider's, or another resource's.</summary>
    private void RequireOwned(string what, string? description, string uid)
    {
        if (Marker(description)?.Uid != uid)
        {
            throw new OpenStackConflictException(what.Split(' ')[0], $"apply {what}", 409,
                $"{what} exists and is not this provider's (its description lacks 'precisioncloud owner={Name} uid={uid}'); rename or remove it", null, null);
        }
    }

    /// <summary>The projects this provider's objects may be in: its tenants' projects, or its own when tenants share it.</summary>
    private async Task<HashSet<string>> OwnProjectIdsAsync(CancellationToken cancellationToken)
    {
        if (!_options.ProjectPerTenant)
        {
            return [(await _client.Session.GetAccessAsync(cancellationToken).ConfigureAwait(false)).ProjectId ?? string.Empty];
        }

        return [.. (await ListOwnProjectsAsync(cancellationToken).ConfigureAwait(false)).Select(p => p.Id)];
    }

    [LoggerMessage(EventId = 322, Level = LogLevel.Warning, Message = "Removing {What} {Id} after a failure failed too: {Reason}")]
    private static partial void LogCleanupFailed(ILogger logger, string what, string id, string reason);

    [LoggerMessage(EventId = 320, Level = LogLevel.Information, Message = "{What} {Name} created ({Id})")]
    private static partial void LogCreated(ILogger logger, string what, string name, string id);

    [LoggerMessage(EventId = 321, Level = LogLevel.Information, Message = "{What} {Id} deleted")]
    private static partial void LogDeleted(ILogger logger, string what, string id);
}
