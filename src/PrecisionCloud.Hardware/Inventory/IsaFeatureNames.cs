using System.Text;

namespace PrecisionCloud.Hardware.Inventory;

/// <summary>
/// Human-readable names of <see cref="IsaFeatures"/>, as they appear in fit reasons and tables.
/// </summary>
public static class IsaFeatureNames
{
    private static readonly (IsaFeatures Feature, string Name)[] Names =
    [
        (IsaFeatures.Vector128, "Vector128"),
        (IsaFeatures.Vector256, "Vector256"),
        (IsaFeatures.Vector512, "Vector512"),
        (IsaFeatures.Sse42, "SSE4.2"),
        (IsaFeatures.Avx2, "AVX2"),
        (IsaFeatures.Avx512F, "AVX-512F"),
        (IsaFeatures.Avx512BW, "AVX-512BW"),
        (IsaFeatures.Avx512Vbmi, "AVX-512VBMI"),
        (IsaFeatures.AesNi, "AES-NI"),
        (IsaFeatures.Pclmulqdq, "PCLMULQDQ"),
        (IsaFeatures.AdvSimd, "AdvSimd"),
        (IsaFeatures.Crc32, "CRC32"),
        (IsaFeatures.ArmAes, "AES (Arm)"),
    ];

    /// <summary>Every single feature flag, in display order.</summary>
    public static IReadOnlyList<IsaFeatures> All { get; } = Array.ConvertAll(Names, n => n.Feature);

    /// <summary>The display name of one feature flag, for example <c>AVX-512F</c>.</summary>
    /// <param name="feature">A single flag.</param>
    /// <returns>The name, or the enum's own text for a combination.</returns>
    public static string NameOf(IsaFeatures feature)
    {
        foreach (var (flag, name) in Names)
        {
            if (flag == feature)
            {
                return name;
            }
        }

        return feature.ToString();
    }

    /// <summary>Formats a set of features as a comma-separated list, or <c>none</c>.</summary>
    /// <param name="features">The set to format.</param>
    /// <returns>For example <c>SSE4.2, AVX2</c>.</returns>
    public static string Format(IsaFeatures features)
    {
        var text = new StringBuilder();
        foreach (var (flag, name) in Names)
        {
            if ((features & flag) != 0)
            {
                if (text.Length > 0)
                {
                    text.Append(", ");
                }

                text.Append(name);
            }
        }

        return text.Length == 0 ? "none" : text.ToString();
    }
}
