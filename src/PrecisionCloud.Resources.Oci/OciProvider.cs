using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Hardware;
using PrecisionCloud.Resources.Oci.Host;
using PrecisionCloud.Resources.Oci.Images;
using PrecisionCloud.Resources.Oci.Networking;
using PrecisionCloud.Resources.Oci.Runtime;
using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Resources.Oci;

/// <summary>
/// Runs the unified model's containers directly on this device through an OCI runtime (runc or crun), without a
/// daemon; realises its networks as bridges and network namespaces (with nftables for security policies) and its
/// File volumes as directories bound into containers. What the host lacks is probed and reported in
/// <see cref="Capabilities"/>, so placement never sends a workload here that cannot run.
/// </summary>
public sealed partial class OciProvider : IComputeProvider, IStorageProvider, INetworkProvider, IWorkloadLogSource, IDisposable
{
    private readonly OciProviderOptions _options;
    private readonly ILogger _logger;
    private readonly INodeInventorySource? _inventory;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly OciImageStore _images;
    private OciHostReport? _host;
    private OciContainerRuntime? _runtime;
    private OciNetworking? _networking;

    /// <summary>Creates the provider; the host is probed on first use.</summary>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="inventory">This node's hardware inventory, for its capacity; the runtime's view when absent.</param>
    public OciProvider(IOptions<OciProviderOptions> options, ILogger<OciProvider> logger, INodeInventorySource? inventory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _options.RootDirectory = Path.GetFullPath(_options.RootDirectory);
        if (!string.IsNullOrEmpty(_options.ImagesDirectory))
        {
            _options.ImagesDirectory = Path.GetFullPath(_options.ImagesDirectory);
        }

        _logger = logger;
        _inventory = inventory;
        _images = new OciImageStore(_options.EffectiveImagesDirectory, Path.Combine(_options.RootDirectory, "layers"));
    }

    /// <inheritdoc/>
    public string Name => _options.Name;

    /// <inheritdoc/>
    /// <remarks>Empty until the host is probed (the first call of any operation, or <see cref="ProbeAsync"/>).</remarks>
    public ProviderCapabilities Capabilities => _host?.Capabilities ?? new ProviderCapabilities();

    /// <summary>The runtime in use (its path), once probed; <see langword="null"/> when none works here.</summary>
    public string? RuntimePath => _host?.RuntimePath;

    /// <summary>The runtime's version line, once probed.</summary>
    public string RuntimeVersion => _host?.RuntimeVersion ?? string.Empty;

    private string WorkloadsDirectory => Path.Combine(_options.RootDirectory, "workloads");

    /// <summary>Probes the host (again): the runtime, cgroup controllers, networking and nftables.</summary>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>What the provider can do here, with what is missing and why.</returns>
    public async Task<ProviderCapabilities> ProbeAsync(CancellationToken cancellationToken)
    {
        if (Environment.IsPrivilegedProcess)
        {
            Directory.CreateDirectory(_options.StateDirectory);
        }

        var host = await OciHostProbe.ProbeAsync(_options, cancellationToken).ConfigureAwait(false);
        _runtime = host.RuntimePath is { } runtime ? new OciContainerRuntime(runtime, _options.StateDirectory) : null;
        _networking = host.IpPath is { } ip ? new OciNetworking(ip, host.NftPath) : null;
        _host = host;
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var missing = string.Join("; ", host.Capabilities.Missing.Select(m => $"{m.Feature}: {m.Reason}"));
            var cgroups = host.CgroupMode.ToString();
            LogProbed(_logger, host.RuntimePath ?? "none", host.RuntimeVersion, cgroups, missing);
        }
        return host.Capabilities;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ProviderNode>> GetNodesAsync(CancellationToken cancellationToken)
    {
        var host = await HostAsync(cancellationToken).ConfigureAwait(false);
        var inventory = _inventory is null ? null : await _inventory.GetInventoryAsync(cancellationToken).ConfigureAwait(false);
        var cpus = inventory?.Cpu.LogicalCpus ?? Environment.ProcessorCount;
        var memoryBytes = inventory?.Memory.TotalBytes ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        Directory.CreateDirectory(_options.RootDirectory);
        var disk = new DriveInfo(_options.RootDirectory).AvailableFreeSpace;
        return
        [
            new ProviderNode
            {
                Name = NodeName(inventory?.NodeName),
                Site = _options.Site,
                Labels = new Dictionary<string, string>(_options.Labels, StringComparer.Ordinal),
                Kinds = host.Capabilities.Kinds,
                LatencyClass = _options.LatencyClass,
                Capacity = new NodeCapacity
                {
                    VCpus = Math.Max(0, cpus - _options.ReservedVCpus),
                    MemoryMiB = Math.Max(0, (memoryBytes / (1024 * 1024)) - _options.ReservedMemoryMiB),
                    DiskGiB = disk / (1024L * 1024 * 1024),
                },
            },
        ];
    }

    /// <inheritdoc/>
    public async Task<string?> ReadLogAsync(string uid, int replica, int maxBytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(ReplicaDirectory(uid, replica), "log");
        if (!IsUid(uid) || !File.Exists(path))
        {
            return null;
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = (int)Math.Min(file.Length, Math.Max(0, maxBytes));
        file.Seek(-length, SeekOrigin.End);
        var buffer = new byte[length];
        await file.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(buffer);
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private async Task<OciHostReport> HostAsync(CancellationToken cancellationToken)
    {
        if (_host is null)
        {
            await ProbeAsync(cancellationToken).ConfigureAwait(false);
        }

        return _host!;
    }

    private string NodeName(string? inventoryName) => !string.IsNullOrEmpty(_options.NodeName) ? _options.NodeName : inventoryName ?? Environment.MachineName;

    private string ReplicaDirectory(string uid, int replica) => Path.Combine(WorkloadsDirectory, uid, "replicas", replica.ToString(CultureInfo.InvariantCulture));

    private static string ContainerId(string uid, int replica) => string.Create(CultureInfo.InvariantCulture, $"pc-{uid}-{replica}");

    private static bool IsUid(string uid) => uid.Length is > 0 and <= 64 && uid.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static async Task WriteRecordAsync<T>(string path, T record, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(record, type), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private static T? ReadRecord<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), type) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "OCI provider probed: runtime {Runtime} {Version}, cgroups {CgroupMode}; missing: {Missing}")]
    private static partial void LogProbed(ILogger logger, string runtime, string version, string cgroupMode, string missing);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Started container {Id} ({Image})")]
    private static partial void LogStarted(ILogger logger, string id, string image);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Removed container {Id}")]
    private static partial void LogRemoved(ILogger logger, string id);
}
