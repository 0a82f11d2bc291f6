namespace PrecisionCloud.Hardware.Inventory;

/// <summary>
/// Instruction-set features that the PrecisionCloud fast path selects code paths by.
/// A node reports the features its CPUs have (from <c>/proc/cpuinfo</c>); the running
/// process reports the subset .NET enables for it (see <see cref="IsaFeatureDetector"/>).
/// </summary>
[Flags]
#pragma warning disable CA1711 // The name is the domain's: a set of ISA features.
public enum IsaFeatures : long
#pragma warning restore CA1711
{
    /// <summary>No feature known.</summary>
    None = 0,

    /// <summary>128-bit vectors are hardware accelerated (SSE2 on x86, AdvSimd on Arm).</summary>
    Vector128 = 1L << 0,

    /// <summary>256-bit vectors are hardware accelerated (AVX2 on x86).</summary>
    Vector256 = 1L << 1,

    /// <summary>512-bit vectors are hardware accelerated (AVX-512 F, BW, CD, DQ and VL on x86).</summary>
    Vector512 = 1L << 2,

    /// <summary>x86 SSE4.2 (string and CRC32C instructions).</summary>
    Sse42 = 1L << 3,

    /// <summary>x86 AVX2.</summary>
    Avx2 = 1L << 4,

    /// <summary>x86 AVX-512 Foundation.</summary>
    Avx512F = 1L << 5,

    /// <summary>x86 AVX-512 Byte and Word.</summary>
    Avx512BW = 1L << 6,

    /// <summary>x86 AVX-512 Vector Byte Manipulation Instructions.</summary>
    Avx512Vbmi = 1L << 7,

    /// <summary>x86 AES-NI.</summary>
    AesNi = 1L << 8,

    /// <summary>x86 carry-less multiplication (PCLMULQDQ).</summary>
    Pclmulqdq = 1L << 9,

    /// <summary>Arm Advanced SIMD (NEON).</summary>
    AdvSimd = 1L << 10,

    /// <summary>Arm CRC32 instructions.</summary>
    Crc32 = 1L << 11,

    /// <summary>Arm AES instructions.</summary>
    ArmAes = 1L << 12,
}
