using System.Runtime.InteropServices;
using PrecisionCloud.Hardware.Inventory;
using PrecisionCloud.Hardware.Linux;

namespace PrecisionCloud.Hardware.Tests.Linux;

public sealed class LinuxNodeInventoryReaderTests
{
    private const long GiB = 1024L * 1024 * 1024;

    [Fact]
    public void Arm_embedded_box_is_read_completely()
    {
        var inventory = FixtureTrees.Read(FixtureTrees.ArmEmbedded, out var logs);

        Assert.Empty(inventory.Warnings);
        Assert.Empty(FixtureTrees.Warnings(logs));
        Assert.Equal("gw-line3", inventory.NodeName);
        Assert.Equal("Cortex-A72", inventory.Cpu.ModelName);
        Assert.Equal(Architecture.Arm64, inventory.Cpu.Architecture);
        Assert.Equal(1, inventory.Cpu.Sockets);
        Assert.Equal(4, inventory.Cpu.Cores);
        Assert.Equal(4, inventory.Cpu.LogicalCpus);
        Assert.Equal(1, inventory.Cpu.ThreadsPerCore);
        Assert.Equal(IsaFeatures.AdvSimd | IsaFeatures.Vector128 | IsaFeatures.Crc32, inventory.Cpu.IsaFeatures);
        Assert.Null(inventory.Cpu.ProcessIsaFeatures);
        Assert.Equal(3_884_476L * 1024, inventory.Memory.TotalBytes);
        Assert.Equal(3_411_200L * 1024, inventory.Memory.AvailableBytes);
        Assert.Empty(inventory.NumaNodes);
        Assert.Empty(inventory.Accelerators);
        Assert.Equal([64 * 1024L, HugePagePool.TwoMiB, 32 * 1024 * 1024L, HugePagePool.OneGiB], inventory.HugePages.Pools.Select(p => p.PageSizeBytes));
        Assert.Equal(new HugePagePool(HugePagePool.TwoMiB, 64, 64), inventory.HugePages.TwoMiB);

        var eth0 = Assert.Single(inventory.Nics, n => n.Name == "eth0");
        Assert.Equal("bcmgenet", eth0.Driver);
        Assert.Equal(1000, eth0.SpeedMbps);
        Assert.Equal(NicOperationalState.Up, eth0.OperationalState);
        Assert.False(eth0.IsVirtual);
        Assert.Null(eth0.PciAddress);
        Assert.Equal(0, eth0.SriovTotalVfs);
        var wlan0 = Assert.Single(inventory.Nics, n => n.Name == "wlan0");
        Assert.Null(wlan0.SpeedMbps);
        Assert.Equal(NicOperationalState.Down, wlan0.OperationalState);
        Assert.True(Assert.Single(inventory.Nics, n => n.Name == "lo").IsVirtual);

        Assert.Equal(FormFactor.Embedded, inventory.FormFactor);
        Assert.Contains("4 logical CPUs", inventory.FormFactorReason, StringComparison.Ordinal);
    }

    [Fact]
    public void All_in_one_edge_server_has_two_numa_nodes_an_sriov_nic_and_one_gpu()
    {
        var inventory = FixtureTrees.Read(FixtureTrees.AllInOneEdge);

        Assert.Empty(inventory.Warnings);
        Assert.Equal("Intel(R) Xeon(R) Gold 6326 CPU @ 2.90GHz", inventory.Cpu.ModelName);
        Assert.Equal(Architecture.X64, inventory.Cpu.Architecture);
        Assert.Equal(1, inventory.Cpu.Sockets);
        Assert.Equal(16, inventory.Cpu.Cores);
        Assert.Equal(32, inventory.Cpu.LogicalCpus);
        Assert.Equal(2, inventory.Cpu.ThreadsPerCore);
        Assert.True(inventory.Cpu.IsaFeatures.HasFlag(IsaFeatures.Avx2 | IsaFeatures.Vector256 | IsaFeatures.Sse42 | IsaFeatures.AesNi | IsaFeatures.Pclmulqdq));
        Assert.False(inventory.Cpu.IsaFeatures.HasFlag(IsaFeatures.Avx512F));
        Assert.False(inventory.Cpu.IsaFeatures.HasFlag(IsaFeatures.Vector512));

        Assert.Equal(2, inventory.NumaNodes.Count);
        Assert.Equal([.. Enumerable.Range(0, 8), .. Enumerable.Range(16, 8)], inventory.NumaNodes[0].Cpus);
        Assert.Equal(65_858_000L * 1024, inventory.NumaNodes[1].MemoryTotalBytes);
        Assert.Equal(new HugePagePool(HugePagePool.OneGiB, 8, 8), inventory.NumaNodes[1].HugePages.OneGiB);
        Assert.Equal(new HugePagePool(HugePagePool.TwoMiB, 2048, 1024), inventory.HugePages.TwoMiB);
        Assert.Equal(new HugePagePool(HugePagePool.OneGiB, 16, 16), inventory.HugePages.OneGiB);

        var sriov = Assert.Single(inventory.Nics, n => n.Name == "ens1f0");
        Assert.Equal(("ice", 25000, 9000, "0000:17:00.0", 0, 64, 8), (sriov.Driver, sriov.SpeedMbps, sriov.Mtu, sriov.PciAddress, sriov.NumaNode, sriov.SriovTotalVfs, sriov.SriovEnabledVfs));
        Assert.Equal("b4:96:91:aa:bb:c0", sriov.MacAddress);
        Assert.Null(Assert.Single(inventory.Nics, n => n.Name == "ens1f1").SpeedMbps);
        Assert.True(Assert.Single(inventory.Nics, n => n.Name == "docker0").IsVirtual);

        var gpu = Assert.Single(inventory.Accelerators);
        Assert.Equal(AcceleratorKind.Gpu, gpu.Kind);
        Assert.Equal(("0000:af:00.0", 0x10de, 0x1eb8, "NVIDIA", "nvidia", 1), (gpu.PciAddress, gpu.VendorId, gpu.DeviceId, gpu.VendorName, gpu.Driver, gpu.NumaNode));

        Assert.Equal(FormFactor.AllInOne, inventory.FormFactor);
    }

    [Fact]
    public void Dual_socket_core_server_has_fpga_smartnic_and_qat()
    {
        var inventory = FixtureTrees.Read(FixtureTrees.CoreServer);

        Assert.Empty(inventory.Warnings);
        Assert.Equal(2, inventory.Cpu.Sockets);
        Assert.Equal(56, inventory.Cpu.Cores);
        Assert.Equal(112, inventory.Cpu.LogicalCpus);
        Assert.True(inventory.Cpu.IsaFeatures.HasFlag(IsaFeatures.Avx512F | IsaFeatures.Avx512BW | IsaFeatures.Avx512Vbmi | IsaFeatures.Vector512));
        Assert.Equal(527_999_000L * 1024, inventory.Memory.TotalBytes);
        Assert.True(inventory.Memory.TotalBytes > 500 * GiB);

        Assert.Equal(
            [("0000:3b:00.0", AcceleratorKind.Fpga, 0), ("0000:6b:00.0", AcceleratorKind.CryptoOffload, 0), ("0000:ca:00.0", AcceleratorKind.SmartNic, 1)],
            inventory.Accelerators.Select(a => (a.PciAddress, a.Kind, a.NumaNode ?? -1)));
        Assert.Equal("mlx5_core", inventory.Accelerators[2].Driver);

        var dpuPort = Assert.Single(inventory.Nics, n => n.Name == "ens5f0np0");
        Assert.Equal((100000, 1, 16, 4), (dpuPort.SpeedMbps, dpuPort.NumaNode, dpuPort.SriovTotalVfs, dpuPort.SriovEnabledVfs));

        Assert.Equal(FormFactor.StandardServer, inventory.FormFactor);
        Assert.Contains("2 sockets", inventory.FormFactorReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_tree_reports_unknown_fields_with_warnings_and_never_throws()
    {
        var inventory = FixtureTrees.Read(FixtureTrees.Malformed, out var logs);

        Assert.Null(inventory.Cpu.LogicalCpus);
        Assert.Null(inventory.Cpu.Sockets);
        Assert.Null(inventory.Cpu.Cores);
        Assert.Null(inventory.Cpu.ModelName);
        Assert.Equal(IsaFeatures.None, inventory.Cpu.IsaFeatures);
        Assert.Null(inventory.Memory.TotalBytes);
        Assert.Null(inventory.Memory.AvailableBytes);
        Assert.Empty(inventory.HugePages.Pools);
        var numa = Assert.Single(inventory.NumaNodes);
        Assert.Empty(numa.Cpus);
        Assert.Null(numa.MemoryTotalBytes);
        var eth0 = Assert.Single(inventory.Nics);
        Assert.Null(eth0.Mtu);
        Assert.Null(eth0.SpeedMbps);
        Assert.Null(eth0.NumaNode);
        Assert.Null(eth0.Driver);
        Assert.Equal(NicOperationalState.Unknown, eth0.OperationalState);
        Assert.Empty(inventory.Accelerators);

        string[] expected =
        [
            "proc/cpuinfo: no processor entries",
            "sys/devices/system/cpu/online: '0-' is not a CPU list",
            "proc/meminfo: no readable MemTotal",
            "proc/meminfo: no readable MemAvailable",
            "sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages: 'abc' is not an integer",
            "sys/kernel/mm/hugepages/hugepages-1048576kB: pool sizes unreadable or inconsistent",
            "sys/kernel/mm/hugepages/hugepages-bogus: not a hugepage pool name",
            "sys/devices/system/node/node0/cpulist: 'x-y' is not a CPU list",
            "sys/class/net/eth0/mtu: 'big' is not an integer",
            "sys/bus/pci/devices/0000:00:01.0/vendor: '0xZZZZ' is not a hexadecimal number",
            "sys/bus/pci/devices/0000:00:02.0/device: missing",
        ];
        foreach (var warning in expected)
        {
            Assert.Contains(warning, inventory.Warnings);
        }

        Assert.Equal(inventory.Warnings.Count, FixtureTrees.Warnings(logs).Count);
    }

    [Fact]
    public void Missing_root_gives_an_inventory_of_unknowns()
    {
        var root = Path.Combine(Path.GetTempPath(), "precisioncloud-empty-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var inventory = new LinuxNodeInventoryReader(new HardwareOptions { Root = root, NodeName = "nothing" }).Read();

            Assert.Equal("nothing", inventory.NodeName);
            Assert.Null(inventory.Cpu.LogicalCpus);
            Assert.Null(inventory.Memory.TotalBytes);
            Assert.Contains("proc/cpuinfo: missing", inventory.Warnings);
            Assert.Contains("proc/meminfo: missing", inventory.Warnings);
            Assert.Equal(FormFactor.AllInOne, inventory.FormFactor);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Form_factor_can_be_forced()
    {
        var options = new HardwareOptions { Root = FixtureTrees.PathOf(FixtureTrees.ArmEmbedded), FormFactor = FormFactor.AllInOne };

        var inventory = new LinuxNodeInventoryReader(options).Read();

        Assert.Equal(FormFactor.AllInOne, inventory.FormFactor);
        Assert.Equal("configured as AllInOne", inventory.FormFactorReason);
    }

    [Fact]
    public void Configured_accelerator_rules_win_over_the_built_in_table()
    {
        var options = new HardwareOptions { Root = FixtureTrees.PathOf(FixtureTrees.AllInOneEdge) };
        options.AcceleratorRules.Add(new AcceleratorRule { VendorId = 0x8086, DeviceId = 0x159b, Kind = AcceleratorKind.SmartNic });

        var inventory = new LinuxNodeInventoryReader(options).Read();

        Assert.Equal(2, inventory.CountAccelerators(AcceleratorKind.SmartNic));
        Assert.Equal(1, inventory.CountAccelerators(AcceleratorKind.Gpu));
    }

    [Fact]
    public async Task This_machine_agrees_with_nproc_and_proc_meminfo()
    {
        var inventory = new LinuxNodeInventoryReader(new HardwareOptions()).Read();
        var nproc = await PrecisionCloud.Tests.ProcessRunner.RunAsync("nproc", [], TimeSpan.FromSeconds(30));

        Assert.Equal(int.Parse(nproc.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture), inventory.Cpu.LogicalCpus);
        var memTotalKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Equal(long.Parse(memTotalKb, System.Globalization.CultureInfo.InvariantCulture) * 1024, inventory.Memory.TotalBytes);
        Assert.Equal(IsaFeatureDetector.DetectForCurrentProcess(), inventory.Cpu.ProcessIsaFeatures);
        Assert.Equal(Environment.MachineName, inventory.NodeName);
    }
}
