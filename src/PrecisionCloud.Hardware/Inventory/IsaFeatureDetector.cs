using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace PrecisionCloud.Hardware.Inventory;

/// <summary>
/// Detects ISA features from the two sources a node offers: what this process may use
/// (<see cref="System.Runtime.Intrinsics"/>, which honours <c>DOTNET_EnableHWIntrinsic=0</c> and
/// friends) and what the CPU advertises (<c>/proc/cpuinfo</c> flags).
/// </summary>
public static class IsaFeatureDetector
{
    /// <summary>
    /// The features .NET enables in the current process. Fast paths choose their vector width
    /// from this set, so disabling intrinsics through the runtime's settings selects the scalar path.
    /// </summary>
    /// <returns>The features usable by this process.</returns>
    public static IsaFeatures DetectForCurrentProcess()
    {
        var features = IsaFeatures.None;
        if (Vector128.IsHardwareAccelerated)
        {
            features |= IsaFeatures.Vector128;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            features |= IsaFeatures.Vector256;
        }

        if (Vector512.IsHardwareAccelerated)
        {
            features |= IsaFeatures.Vector512;
        }

        if (Sse42.IsSupported)
        {
            features |= IsaFeatures.Sse42;
        }

        if (Avx2.IsSupported)
        {
            features |= IsaFeatures.Avx2;
        }

        if (Avx512F.IsSupported)
        {
            features |= IsaFeatures.Avx512F;
        }

        if (Avx512BW.IsSupported)
        {
            features |= IsaFeatures.Avx512BW;
        }

        if (Avx512Vbmi.IsSupported)
        {
            features |= IsaFeatures.Avx512Vbmi;
        }

        if (System.Runtime.Intrinsics.X86.Aes.IsSupported)
        {
            features |= IsaFeatures.AesNi;
        }

        if (Pclmulqdq.IsSupported)
        {
            features |= IsaFeatures.Pclmulqdq;
        }

        if (AdvSimd.IsSupported)
        {
            features |= IsaFeatures.AdvSimd;
        }

        if (Crc32.IsSupported)
        {
            features |= IsaFeatures.Crc32;
        }

        if (System.Runtime.Intrinsics.Arm.Aes.IsSupported)
        {
            features |= IsaFeatures.ArmAes;
        }

        return features;
    }

    /// <summary>
    /// Maps the flag words of a <c>/proc/cpuinfo</c> <c>flags</c> (x86) or <c>Features</c> (Arm) line
    /// to <see cref="IsaFeatures"/>. Unknown words are ignored.
    /// </summary>
    /// <param name="flags">The words of the line, separated by spaces.</param>
    /// <returns>The features the CPU advertises.</returns>
    public static IsaFeatures FromCpuInfoFlags(string flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var words = new HashSet<string>(flags.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
        var features = IsaFeatures.None;

        void Add(string word, IsaFeatures feature)
        {
            if (words.Contains(word))
            {
                features |= feature;
            }
        }

        // x86 words as the Linux kernel spells them (arch/x86/include/asm/cpufeatures.h).
        Add("sse2", IsaFeatures.Vector128);
        Add("sse4_2", IsaFeatures.Sse42);
        Add("avx2", IsaFeatures.Avx2 | IsaFeatures.Vector256);
        Add("avx512f", IsaFeatures.Avx512F);
        Add("avx512bw", IsaFeatures.Avx512BW);
        Add("avx512vbmi", IsaFeatures.Avx512Vbmi);
        Add("aes", IsaFeatures.AesNi);
        Add("pclmulqdq", IsaFeatures.Pclmulqdq);

        // .NET accelerates Vector512 only when F, BW, CD, DQ and VL are all present.
        if (words.Contains("avx512f") && words.Contains("avx512bw") && words.Contains("avx512cd")
            && words.Contains("avx512dq") && words.Contains("avx512vl"))
        {
            features |= IsaFeatures.Vector512;
        }

        // Arm words (arch/arm64/kernel/cpuinfo.c). "aes" means the Arm AES extension there.
        if (words.Contains("asimd"))
        {
            features |= IsaFeatures.AdvSimd | IsaFeatures.Vector128;
            if (words.Contains("aes"))
            {
                features = (features & ~IsaFeatures.AesNi) | IsaFeatures.ArmAes;
            }
        }

        Add("crc32", IsaFeatures.Crc32);
        return features;
    }
}
