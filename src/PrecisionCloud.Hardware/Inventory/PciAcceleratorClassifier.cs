namespace PrecisionCloud.Hardware.Inventory;

/// <summary>
/// Tells accelerators from other PCI devices by class code (PCI Code and ID Assignment Specification),
/// vendor and device id. Configured rules win over the built-in ones.
/// </summary>
internal sealed class PciAcceleratorClassifier
{
    private const int VendorIntel = 0x8086;
    private const int VendorXilinx = 0x10ee;
    private const int VendorAltera = 0x1172;
    private const int VendorMellanox = 0x15b3;
    private const int VendorPensando = 0x1dd8;
    private const int VendorBroadcom = 0x14e4;
    private const int VendorNetronome = 0x19ee;

    private static readonly Dictionary<int, string> VendorNames = new()
    {
        [0x10de] = "NVIDIA",
        [0x1002] = "AMD",
        [VendorIntel] = "Intel",
        [VendorXilinx] = "Xilinx",
        [VendorAltera] = "Altera",
        [VendorMellanox] = "Mellanox",
        [VendorPensando] = "Pensando",
        [VendorBroadcom] = "Broadcom",
        [VendorNetronome] = "Netronome",
        [0x1da3] = "Habana Labs",
        [0x1c2c] = "Silicom",
        [0x177d] = "Cavium",
        [0x19e5] = "Huawei",
    };

    // Display controllers that only drive a console (BMC and virtual VGA), never compute.
    private static readonly HashSet<int> ConsoleOnlyDisplayVendors = [0x1a03, 0x102b, 0x1013, 0x1234, 0x1af4, 0x15ad, 0x1b36];

    // Intel FPGA programmable acceleration cards (Linux drivers/fpga/dfl-pci.c).
    private static readonly HashSet<int> IntelFpgaDevices = [0x09c4, 0x09c5, 0x0b2b, 0x0b2c, 0x0b30, 0x0b31, 0xbcbd, 0xbcbe, 0xbcc0, 0xbcc1, 0xbcce];

    // DPUs and SmartNICs with their own cores, by vendor and device.
    private static readonly HashSet<(int Vendor, int Device)> SmartNicDevices =
    [
        (VendorMellanox, 0xa2d2), (VendorMellanox, 0xa2d3), (VendorMellanox, 0xa2d6), (VendorMellanox, 0xa2dc),
        (VendorMellanox, 0xc2d2), (VendorMellanox, 0xc2d3), (VendorMellanox, 0xc2d5),
        (VendorIntel, 0x1452), (VendorIntel, 0x1453),
        (VendorBroadcom, 0xd802), (VendorBroadcom, 0xd804),
        (VendorNetronome, 0x4000), (VendorNetronome, 0x6000),
    ];

    private readonly IReadOnlyList<AcceleratorRule> _rules;

    public PciAcceleratorClassifier(IReadOnlyList<AcceleratorRule> rules)
    {
        _rules = rules;
    }

    public static string? VendorName(int vendorId) => VendorNames.GetValueOrDefault(vendorId);

    /// <summary>The accelerator kind of a device, or <see langword="null"/> when it is no accelerator.</summary>
    public AcceleratorKind? Classify(int vendorId, int deviceId, int classCode)
    {
        foreach (var rule in _rules)
        {
            if (rule.VendorId == vendorId && (rule.DeviceId is null || rule.DeviceId == deviceId))
            {
                return rule.Kind;
            }
        }

        var baseClass = (classCode >> 16) & 0xff;
        var subClass = (classCode >> 8) & 0xff;

        // Bridges (06h) are plumbing, whoever makes them.
        if (baseClass == 0x06)
        {
            return null;
        }

        if (vendorId is VendorXilinx or VendorAltera || (vendorId == VendorIntel && IntelFpgaDevices.Contains(deviceId)))
        {
            return AcceleratorKind.Fpga;
        }

        if (vendorId == VendorPensando || SmartNicDevices.Contains((vendorId, deviceId)))
        {
            return AcceleratorKind.SmartNic;
        }

        return (baseClass, subClass) switch
        {
            (0x03, _) when !ConsoleOnlyDisplayVendors.Contains(vendorId) => AcceleratorKind.Gpu,
            (0x0b, 0x40) => AcceleratorKind.CryptoOffload, // co-processor: QAT and its kin
            (0x10, _) => AcceleratorKind.CryptoOffload, // encryption/decryption controller
            (0x12, _) => AcceleratorKind.ProcessingAccelerator,
            _ => null,
        };
    }
}
