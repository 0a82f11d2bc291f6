using System.Runtime.Intrinsics;
using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware.Tests.Inventory;

public sealed class IsaFeatureDetectorTests
{
    [Fact]
    public void X86_flags_map_to_features()
    {
        var features = IsaFeatureDetector.FromCpuInfoFlags("fpu sse sse2 sse4_2 aes pclmulqdq avx avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512vbmi");

        Assert.Equal(
            IsaFeatures.Vector128 | IsaFeatures.Vector256 | IsaFeatures.Vector512 | IsaFeatures.Sse42 | IsaFeatures.Avx2
            | IsaFeatures.Avx512F | IsaFeatures.Avx512BW | IsaFeatures.Avx512Vbmi | IsaFeatures.AesNi | IsaFeatures.Pclmulqdq,
            features);
    }

    [Fact]
    public void Vector512_needs_every_avx512_subset_dotnet_requires()
    {
        var features = IsaFeatureDetector.FromCpuInfoFlags("sse2 avx2 avx512f avx512bw");

        Assert.True(features.HasFlag(IsaFeatures.Avx512F));
        Assert.False(features.HasFlag(IsaFeatures.Vector512));
    }

    [Fact]
    public void Arm_features_map_to_features_and_aes_means_the_arm_extension()
    {
        var features = IsaFeatureDetector.FromCpuInfoFlags("fp asimd evtstrm aes pmull sha1 sha2 crc32 cpuid");

        Assert.Equal(IsaFeatures.AdvSimd | IsaFeatures.Vector128 | IsaFeatures.ArmAes | IsaFeatures.Crc32, features);
    }

    [Fact]
    public void Process_features_follow_the_runtime()
    {
        var features = IsaFeatureDetector.DetectForCurrentProcess();

        Assert.Equal(Vector128.IsHardwareAccelerated, features.HasFlag(IsaFeatures.Vector128));
        Assert.Equal(Vector256.IsHardwareAccelerated, features.HasFlag(IsaFeatures.Vector256));
        Assert.Equal(Vector512.IsHardwareAccelerated, features.HasFlag(IsaFeatures.Vector512));
    }

    [Fact]
    public void Names_format_in_display_order()
    {
        Assert.Equal("SSE4.2, AVX2, AVX-512F", IsaFeatureNames.Format(IsaFeatures.Avx512F | IsaFeatures.Sse42 | IsaFeatures.Avx2));
        Assert.Equal("none", IsaFeatureNames.Format(IsaFeatures.None));
        Assert.Equal("AVX-512BW", IsaFeatureNames.NameOf(IsaFeatures.Avx512BW));
    }
}
