using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware.Tests.Inventory;

public sealed class PciAcceleratorClassifierTests
{
    private readonly PciAcceleratorClassifier _classifier = new([]);

    [Theory]
    [InlineData(0x10de, 0x1eb8, 0x030200, AcceleratorKind.Gpu)] // NVIDIA T4 (3D controller)
    [InlineData(0x1002, 0x740f, 0x038000, AcceleratorKind.Gpu)] // AMD Instinct
    [InlineData(0x8086, 0x56c0, 0x030000, AcceleratorKind.Gpu)] // Intel Flex (VGA class)
    [InlineData(0x10ee, 0x5004, 0x058000, AcceleratorKind.Fpga)] // Xilinx Alveo
    [InlineData(0x1172, 0x5052, 0x120000, AcceleratorKind.Fpga)] // Altera
    [InlineData(0x8086, 0x0b30, 0x120000, AcceleratorKind.Fpga)] // Intel PAC N3000
    [InlineData(0x15b3, 0xa2d6, 0x020000, AcceleratorKind.SmartNic)] // BlueField-2
    [InlineData(0x1dd8, 0x1002, 0x020000, AcceleratorKind.SmartNic)] // Pensando
    [InlineData(0x8086, 0x4940, 0x0b4000, AcceleratorKind.CryptoOffload)] // QAT 4xxx
    [InlineData(0x8086, 0x37c8, 0x0b4000, AcceleratorKind.CryptoOffload)] // QAT C62x
    [InlineData(0x1d0f, 0x1234, 0x108000, AcceleratorKind.CryptoOffload)] // encryption controller
    [InlineData(0x1da3, 0x1020, 0x120000, AcceleratorKind.ProcessingAccelerator)] // Habana Gaudi
    public void Accelerators_are_recognised(int vendor, int device, int classCode, AcceleratorKind expected) =>
        Assert.Equal(expected, _classifier.Classify(vendor, device, classCode));

    [Theory]
    [InlineData(0x1a03, 0x2000, 0x030000)] // ASPEED BMC VGA
    [InlineData(0x102b, 0x0536, 0x030000)] // Matrox BMC VGA
    [InlineData(0x1234, 0x1111, 0x030000)] // QEMU stdvga
    [InlineData(0x8086, 0x159b, 0x020000)] // E810 NIC
    [InlineData(0x15b3, 0x101b, 0x020000)] // ConnectX-6 (a NIC, not a DPU)
    [InlineData(0x10ee, 0x9038, 0x060400)] // a Xilinx PCI bridge
    [InlineData(0x8086, 0x09a2, 0x060000)] // host bridge
    public void Other_devices_are_not_accelerators(int vendor, int device, int classCode) =>
        Assert.Null(_classifier.Classify(vendor, device, classCode));

    [Fact]
    public void A_rule_without_device_matches_the_whole_vendor()
    {
        var classifier = new PciAcceleratorClassifier([new AcceleratorRule { VendorId = 0x1e52, Kind = AcceleratorKind.ProcessingAccelerator }]);

        Assert.Equal(AcceleratorKind.ProcessingAccelerator, classifier.Classify(0x1e52, 0x0001, 0x020000));
    }
}
