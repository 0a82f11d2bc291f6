namespace PrecisionCloud.Hardware.Inventory;

/// <summary>One network interface, from <c>/sys/class/net/&lt;name&gt;/</c>. <see langword="null"/> fields are unknown.</summary>
public sealed record NicInventory
{
    /// <summary>The kernel's interface name, for example <c>ens1f0</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The hardware address, for example <c>3c:fd:fe:a1:b2:c4</c>.</summary>
    public string? MacAddress { get; init; }

    /// <summary>Link speed in Mbit/s; <see langword="null"/> when the driver does not report it (virtio, link down).</summary>
    public int? SpeedMbps { get; init; }

    /// <summary>The MTU in bytes.</summary>
    public int? Mtu { get; init; }

    /// <summary>The kernel driver bound to the device, for example <c>ice</c> or <c>mlx5_core</c>.</summary>
    public string? Driver { get; init; }

    /// <summary>The PCI address of the device (<c>0000:3b:00.0</c>), when it is a PCI device.</summary>
    public string? PciAddress { get; init; }

    /// <summary>The NUMA node the device is attached to; <see langword="null"/> when the platform does not say.</summary>
    public int? NumaNode { get; init; }

    /// <summary>Virtual functions the device supports (<c>sriov_totalvfs</c>); 0 without SR-IOV.</summary>
    public int? SriovTotalVfs { get; init; }

    /// <summary>Virtual functions currently enabled (<c>sriov_numvfs</c>); 0 without SR-IOV.</summary>
    public int? SriovEnabledVfs { get; init; }

    /// <summary>The operational state.</summary>
    public NicOperationalState OperationalState { get; init; }

    /// <summary>Whether the interface is software only (loopback, bridge, veth, tun), with no device behind it.</summary>
    public bool IsVirtual { get; init; }
}
