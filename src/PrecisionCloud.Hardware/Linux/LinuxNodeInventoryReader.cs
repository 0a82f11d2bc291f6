using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware.Linux;

/// <summary>
/// Reads a Linux node's inventory from <c>/proc</c> and <c>/sys</c> under <see cref="HardwareOptions.Root"/>.
/// Bad or missing files never throw: the field is unknown, a warning is logged and listed in the inventory.
/// </summary>
public sealed partial class LinuxNodeInventoryReader : INodeInventorySource
{
    private const string CpuRoot = "sys/devices/system/cpu";
    private const string NodeRoot = "sys/devices/system/node";
    private const string HugePagesRoot = "sys/kernel/mm/hugepages";
    private const string NetRoot = "sys/class/net";
    private const string PciRoot = "sys/bus/pci/devices";

    private readonly HardwareOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly PciAcceleratorClassifier _classifier;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">Where to read and how to classify.</param>
    /// <param name="logger">Receives a warning for every field that cannot be read.</param>
    /// <param name="timeProvider">Stamps <see cref="NodeInventory.TakenAt"/>; the system clock by default.</param>
    public LinuxNodeInventoryReader(HardwareOptions options, ILogger<LinuxNodeInventoryReader>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger<LinuxNodeInventoryReader>.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _classifier = new PciAcceleratorClassifier([.. options.AcceleratorRules]);
    }

    /// <inheritdoc />
    public ValueTask<NodeInventory> GetInventoryAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read());
    }

    /// <summary>Reads the inventory now.</summary>
    /// <returns>The inventory; unreadable fields are unknown and named in <see cref="NodeInventory.Warnings"/>.</returns>
    public NodeInventory Read()
    {
        var tree = new SysfsTree(_options.Root, _logger);
        var isLocalHost = tree.Root == "/";
        var cpu = ReadCpu(tree, isLocalHost);
        var memory = ReadMemory(tree);
        var formFactor = _options.FormFactor is { } forced
            ? new FormFactorDecision(forced, $"configured as {forced}")
            : _options.FormFactorRules.Classify(cpu, memory);

        return new NodeInventory
        {
            NodeName = _options.NodeName ?? tree.ReadText("proc/sys/kernel/hostname", required: false) ?? (isLocalHost ? Environment.MachineName : "unknown"),
            TakenAt = _timeProvider.GetUtcNow(),
            Cpu = cpu,
            Memory = memory,
            HugePages = ReadHugePages(tree, HugePagesRoot, required: true),
            NumaNodes = ReadNumaNodes(tree),
            Nics = ReadNics(tree),
            Accelerators = ReadAccelerators(tree),
            FormFactor = formFactor.FormFactor,
            FormFactorReason = formFactor.Reason,
            Warnings = [.. tree.Warnings],
        };
    }

    private static CpuInventory ReadCpu(SysfsTree tree, bool isLocalHost)
    {
        var cpuInfoText = tree.ReadText("proc/cpuinfo");
        var cpuInfo = cpuInfoText is null ? null : ProcCpuInfo.Parse(cpuInfoText);
        if (cpuInfo is { ProcessorCount: 0 })
        {
            tree.Warn("proc/cpuinfo: no processor entries");
        }

        List<int>? online = null;
        var onlineText = tree.ReadText($"{CpuRoot}/online", required: cpuInfo is null or { ProcessorCount: 0 });
        if (onlineText is not null)
        {
            if (CpuList.TryParse(onlineText, out var parsed) && parsed.Count > 0)
            {
                online = parsed;
            }
            else
            {
                tree.Warn($"{CpuRoot}/online: '{onlineText}' is not a CPU list");
            }
        }

        int? logical = online?.Count ?? (cpuInfo is { ProcessorCount: > 0 } ? cpuInfo.ProcessorCount : null);

        // Topology from sysfs first (every architecture has it), then from cpuinfo (x86 only).
        IReadOnlyList<(int Package, int Core)>? topology = null;
        if (online is not null)
        {
            var fromSysfs = new List<(int, int)>(online.Count);
            foreach (var id in online)
            {
                var package = tree.ReadInt32($"{CpuRoot}/cpu{id}/topology/physical_package_id", required: false);
                var core = tree.ReadInt32($"{CpuRoot}/cpu{id}/topology/core_id", required: false);
                if (package is null || core is null)
                {
                    fromSysfs = null;
                    break;
                }

                fromSysfs.Add((package.Value, core.Value));
            }

            topology = fromSysfs;
        }

        topology ??= cpuInfo?.Topology;
        int? sockets = null, cores = null;
        if (topology is not null)
        {
            sockets = topology.Select(t => t.Package).Distinct().Count();
            cores = topology.Distinct().Count();
        }
        else
        {
            tree.Warn("CPU topology: neither sysfs topology nor cpuinfo physical/core ids; sockets and cores unknown");
        }

        return new CpuInventory
        {
            ModelName = cpuInfo?.ModelName,
            Architecture = cpuInfo?.Architecture,
            Sockets = sockets,
            Cores = cores,
            LogicalCpus = logical,
            IsaFeatures = cpuInfo?.IsaFeatures ?? IsaFeatures.None,
            ProcessIsaFeatures = isLocalHost ? IsaFeatureDetector.DetectForCurrentProcess() : null,
        };
    }

    private static MemoryInventory ReadMemory(SysfsTree tree)
    {
        var text = tree.ReadText("proc/meminfo");
        if (text is null)
        {
            return new MemoryInventory();
        }

        var total = MemInfo.ReadBytes(text, "MemTotal");
        var available = MemInfo.ReadBytes(text, "MemAvailable");
        if (total is null)
        {
            tree.Warn("proc/meminfo: no readable MemTotal");
        }

        if (available is null)
        {
            tree.Warn("proc/meminfo: no readable MemAvailable");
        }

        return new MemoryInventory { TotalBytes = total, AvailableBytes = available };
    }

    private static HugePageInventory ReadHugePages(SysfsTree tree, string directory, bool required)
    {
        if (!tree.DirectoryExists(directory))
        {
            if (required)
            {
                tree.Warn($"{directory}: missing (kernel without hugetlbfs?)");
            }

            return HugePageInventory.Empty;
        }

        var pools = new List<HugePagePool>();
        foreach (var name in tree.ListDirectories(directory, "hugepages-*"))
        {
            var match = HugePageDirectoryName().Match(name);
            if (!match.Success || !long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes))
            {
                tree.Warn($"{directory}/{name}: not a hugepage pool name");
                continue;
            }

            var total = tree.ReadInt64($"{directory}/{name}/nr_hugepages");
            var free = tree.ReadInt64($"{directory}/{name}/free_hugepages");
            if (total is null || free is null || total < 0 || free < 0 || free > total)
            {
                tree.Warn($"{directory}/{name}: pool sizes unreadable or inconsistent");
                continue;
            }

            pools.Add(new HugePagePool(kilobytes * 1024, total.Value, free.Value));
        }

        pools.Sort((left, right) => left.PageSizeBytes.CompareTo(right.PageSizeBytes));
        return new HugePageInventory { Pools = pools };
    }

    private static List<NumaNodeInventory> ReadNumaNodes(SysfsTree tree)
    {
        var nodes = new List<NumaNodeInventory>();

        // A kernel without NUMA support has no node directory: the node is uniform, nothing is missing.
        foreach (var name in tree.ListDirectories(NodeRoot, "node*"))
        {
            if (!int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            var directory = $"{NodeRoot}/{name}";
            IReadOnlyList<int> cpus = [];
            var cpuListText = tree.ReadText($"{directory}/cpulist");
            if (cpuListText is not null)
            {
                if (CpuList.TryParse(cpuListText, out var parsed))
                {
                    cpus = parsed;
                }
                else
                {
                    tree.Warn($"{directory}/cpulist: '{cpuListText}' is not a CPU list");
                }
            }

            long? total = null, free = null;
            var memInfo = tree.ReadText($"{directory}/meminfo");
            if (memInfo is not null)
            {
                total = MemInfo.ReadBytes(memInfo, "MemTotal");
                free = MemInfo.ReadBytes(memInfo, "MemFree");
                if (total is null)
                {
                    tree.Warn($"{directory}/meminfo: no readable MemTotal");
                }
            }

            nodes.Add(new NumaNodeInventory
            {
                Id = id,
                Cpus = cpus,
                MemoryTotalBytes = total,
                MemoryFreeBytes = free,
                HugePages = ReadHugePages(tree, $"{directory}/hugepages", required: false),
            });
        }

        return nodes;
    }

    private static List<NicInventory> ReadNics(SysfsTree tree)
    {
        var nics = new List<NicInventory>();
        if (!tree.DirectoryExists(NetRoot))
        {
            tree.Warn($"{NetRoot}: missing; no network interfaces known");
            return nics;
        }

        foreach (var name in tree.ListDirectories(NetRoot))
        {
            var directory = $"{NetRoot}/{name}";
            var device = $"{directory}/device";
            var isVirtual = !tree.DirectoryExists(device);
            var speed = tree.ReadInt32($"{directory}/speed", required: false);

            var pciAddress = isVirtual ? null : FindPciAddress(tree, name, device);
            var numaNode = isVirtual ? null : ReadNumaNode(tree, device) ?? (pciAddress is null ? null : ReadNumaNode(tree, $"{PciRoot}/{pciAddress}"));

            nics.Add(new NicInventory
            {
                Name = name,
                MacAddress = tree.ReadText($"{directory}/address", required: false),
                SpeedMbps = speed is > 0 ? speed : null, // sysfs says -1 when the driver does not know
                Mtu = tree.ReadInt32($"{directory}/mtu"),
                Driver = isVirtual ? null : tree.ReadUeventValue($"{device}/uevent", "DRIVER") ?? tree.LinkTargetName($"{device}/driver"),
                PciAddress = pciAddress,
                NumaNode = numaNode,
                SriovTotalVfs = isVirtual ? null : tree.ReadInt32($"{device}/sriov_totalvfs", required: false) ?? 0,
                SriovEnabledVfs = isVirtual ? null : tree.ReadInt32($"{device}/sriov_numvfs", required: false) ?? 0,
                OperationalState = ParseOperState(tree.ReadText($"{directory}/operstate")),
                IsVirtual = isVirtual,
            });
        }

        return nics;
    }

    private static string? FindPciAddress(SysfsTree tree, string nic, string device)
    {
        var fromUevent = tree.ReadUeventValue($"{device}/uevent", "PCI_SLOT_NAME");
        if (fromUevent is not null)
        {
            return fromUevent;
        }

        // virtio and other bus devices sit below their PCI function (0000:00:03.0/virtio2/net/eth0).
        foreach (var address in tree.ListDirectories(PciRoot))
        {
            var function = $"{PciRoot}/{address}";
            if (tree.DirectoryExists($"{function}/net/{nic}")
                || tree.ListDirectories(function, "virtio*").Any(child => tree.DirectoryExists($"{function}/{child}/net/{nic}")))
            {
                return address;
            }
        }

        return null;
    }

    private static int? ReadNumaNode(SysfsTree tree, string device)
    {
        var node = tree.ReadInt32($"{device}/numa_node", required: false);
        return node is >= 0 ? node : null; // -1: the platform does not tie the device to a node
    }

    private List<AcceleratorInventory> ReadAccelerators(SysfsTree tree)
    {
        var accelerators = new List<AcceleratorInventory>();

        // Many embedded SoCs have no PCI bus at all; that is not a fault.
        foreach (var address in tree.ListDirectories(PciRoot))
        {
            var directory = $"{PciRoot}/{address}";
            var vendor = tree.ReadHex($"{directory}/vendor");
            var deviceId = tree.ReadHex($"{directory}/device");
            var classCode = tree.ReadHex($"{directory}/class");
            if (vendor is null || deviceId is null || classCode is null)
            {
                continue;
            }

            if (_classifier.Classify(vendor.Value, deviceId.Value, classCode.Value) is not { } kind)
            {
                continue;
            }

            accelerators.Add(new AcceleratorInventory
            {
                PciAddress = address,
                Kind = kind,
                VendorId = vendor.Value,
                DeviceId = deviceId.Value,
                ClassCode = classCode.Value,
                VendorName = PciAcceleratorClassifier.VendorName(vendor.Value),
                Driver = tree.ReadUeventValue($"{directory}/uevent", "DRIVER") ?? tree.LinkTargetName($"{directory}/driver"),
                NumaNode = ReadNumaNode(tree, directory),
            });
        }

        return accelerators;
    }

    private static NicOperationalState ParseOperState(string? text) => text switch
    {
        "up" => NicOperationalState.Up,
        "down" => NicOperationalState.Down,
        "dormant" => NicOperationalState.Dormant,
        "lowerlayerdown" => NicOperationalState.LowerLayerDown,
        "notpresent" => NicOperationalState.NotPresent,
        "testing" => NicOperationalState.Testing,
        _ => NicOperationalState.Unknown,
    };

    [GeneratedRegex("^hugepages-([0-9]{1,12})kB$")]
    private static partial Regex HugePageDirectoryName();
}
