using System.Runtime.Intrinsics;
using PrecisionCloud.UserPlane.Classification;

namespace PrecisionCloud.UserPlane.Tests.Classification;

/// <summary>The path chosen at start follows what the runtime enables in this process.</summary>
public sealed class ClassifierPathSelectionTests
{
    [Fact]
    public void Best_path_is_the_one_the_process_can_accelerate()
    {
#if INTRINSICS_DISABLED
        Assert.False(Vector128.IsHardwareAccelerated, "DOTNET_EnableHWIntrinsic=0 did not reach the test process.");
        Assert.Equal(ClassifierPath.Words64, PacketClassifier.BestPath);
#else
        Assert.Equal(PacketClassifier.ChooseBestPath(PrecisionCloud.Hardware.Inventory.IsaFeatureDetector.DetectForCurrentProcess()), PacketClassifier.BestPath);
        Assert.Equal(Vector128.IsHardwareAccelerated, PacketClassifier.BestPath != ClassifierPath.Words64);
#endif
    }
}
