namespace PrecisionCloud.Hardware.Inventory;

/// <summary>
/// Declares a PCI device to be an accelerator of a kind, ahead of the built-in rules. Use it for cards
/// that the built-in table does not know, or to reclassify one.
/// </summary>
public sealed class AcceleratorRule
{
    /// <summary>The PCI vendor id to match, for example <c>0x1dd8</c>.</summary>
    public int VendorId { get; set; }

    /// <summary>The PCI device id to match; <see langword="null"/> matches every device of the vendor.</summary>
    public int? DeviceId { get; set; }

    /// <summary>The kind to report for matching devices.</summary>
    public AcceleratorKind Kind { get; set; }
}
