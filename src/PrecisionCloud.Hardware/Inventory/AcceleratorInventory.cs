namespace PrecisionCloud.Hardware.Inventory;

/// <summary>One PCI accelerator, from <c>/sys/bus/pci/devices/&lt;address&gt;/</c>.</summary>
public sealed record AcceleratorInventory
{
    /// <summary>The PCI address, for example <c>0000:af:00.0</c>.</summary>
    public required string PciAddress { get; init; }

    /// <summary>What the device is for.</summary>
    public AcceleratorKind Kind { get; init; }

    /// <summary>The PCI vendor id (for example <c>0x10de</c> for NVIDIA).</summary>
    public int VendorId { get; init; }

    /// <summary>The PCI device id.</summary>
    public int DeviceId { get; init; }

    /// <summary>The 24-bit PCI class code (base class, sub-class, programming interface).</summary>
    public int ClassCode { get; init; }

    /// <summary>The vendor's name, when the vendor is one PrecisionCloud knows.</summary>
    public string? VendorName { get; init; }

    /// <summary>The kernel driver bound to the device, if any.</summary>
    public string? Driver { get; init; }

    /// <summary>The NUMA node the device is attached to; <see langword="null"/> when the platform does not say.</summary>
    public int? NumaNode { get; init; }
}
