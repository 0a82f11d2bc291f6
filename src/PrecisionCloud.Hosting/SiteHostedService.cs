using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Hardware;
using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hosting;

/// <summary>Starts the site: takes the node's inventory, checks it against the profile and says what it found.</summary>
internal sealed partial class SiteHostedService : IHostedService
{
    private readonly PrecisionCloudOptions _options;
    private readonly INodeInventorySource _inventory;
    private readonly SiteState _state;
    private readonly ILogger<SiteHostedService> _logger;

    public SiteHostedService(IOptions<PrecisionCloudOptions> options, INodeInventorySource inventory, SiteState state, ILogger<SiteHostedService> logger)
    {
        _options = options.Value;
        _inventory = inventory;
        _state = state;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var inventory = await _inventory.GetInventoryAsync(cancellationToken);
        var defaults = SiteProfileDefaults.For(_options.Profile);
        var suits = defaults.SuitableFormFactors.Contains(inventory.FormFactor);

        LogStarted(_logger, _options.SiteName, _options.Profile, inventory.NodeName, inventory.FormFactor, inventory.FormFactorReason,
            inventory.Cpu.LogicalCpus, inventory.Memory.TotalBytes);
        if (!suits)
        {
            LogUnsuitable(_logger, _options.Profile, inventory.FormFactor, string.Join(", ", defaults.SuitableFormFactors));
        }

        if (inventory.Warnings.Count > 0)
        {
            LogInventoryGaps(_logger, inventory.Warnings.Count);
        }

        _state.Started(new SiteState.Snapshot(_options.SiteName, _options.Profile, inventory, suits));
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _state.Stopped();
        LogStopped(_logger, _options.SiteName);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Site {SiteName} started with profile {Profile} on node {NodeName}: {FormFactor} ({FormFactorReason}); {LogicalCpus} logical CPUs, {MemoryBytes} bytes of memory")]
    private static partial void LogStarted(ILogger logger, string siteName, SiteProfile profile, string nodeName, FormFactor formFactor, string formFactorReason, int? logicalCpus, long? memoryBytes);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Profile {Profile} is meant for {Suitable} nodes but this node is {FormFactor}; the site runs, with defaults that may not suit the hardware (set PrecisionCloud:Profile)")]
    private static partial void LogUnsuitable(ILogger logger, SiteProfile profile, FormFactor formFactor, string suitable);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The node inventory has {Count} unknown fields; see the earlier warnings")]
    private static partial void LogInventoryGaps(ILogger logger, int count);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Site {SiteName} stopped")]
    private static partial void LogStopped(ILogger logger, string siteName);
}
