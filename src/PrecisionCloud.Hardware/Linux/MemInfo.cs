using System.Globalization;

namespace PrecisionCloud.Hardware.Linux;

/// <summary>
/// Reads values from <c>/proc/meminfo</c> (<c>MemTotal:  16318764 kB</c>) and from a NUMA node's
/// <c>meminfo</c> (<c>Node 0 MemTotal:  8159382 kB</c>).
/// </summary>
internal static class MemInfo
{
    /// <summary>The value of a field in bytes, or <see langword="null"/> when absent or malformed.</summary>
    public static long? ReadBytes(string text, string field)
    {
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line.AsSpan(0, colon).Trim();
            var lastSpace = key.LastIndexOf(' ');
            if (lastSpace >= 0)
            {
                key = key[(lastSpace + 1)..]; // "Node 0 MemTotal" -> "MemTotal"
            }

            if (!key.SequenceEqual(field))
            {
                continue;
            }

            var value = line.AsSpan(colon + 1).Trim();
            var multiplier = 1L;
            if (value.EndsWith(" kB", StringComparison.Ordinal))
            {
                value = value[..^3].TrimEnd();
                multiplier = 1024;
            }

            if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= long.MaxValue / multiplier)
            {
                return number * multiplier;
            }

            return null;
        }

        return null;
    }
}
