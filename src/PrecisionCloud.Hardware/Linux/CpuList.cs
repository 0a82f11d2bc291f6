using System.Globalization;

namespace PrecisionCloud.Hardware.Linux;

/// <summary>
/// Parses the kernel's CPU list format (<c>0-3,8,10-11</c>), as written in <c>cpulist</c> and
/// <c>/sys/devices/system/cpu/online</c> (Documentation/admin-guide/cputopology.rst).
/// </summary>
internal static class CpuList
{
    private const int MaxCpus = 1 << 16;

    public static bool TryParse(string text, out List<int> cpus)
    {
        cpus = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            // An empty list is valid: a memory-only NUMA node has no CPUs.
            return true;
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                if (!TryParseCpu(part, out var cpu))
                {
                    return false;
                }

                cpus.Add(cpu);
                continue;
            }

            if (!TryParseCpu(part[..dash], out var first) || !TryParseCpu(part[(dash + 1)..], out var last) || last < first)
            {
                return false;
            }

            for (var cpu = first; cpu <= last; cpu++)
            {
                cpus.Add(cpu);
            }
        }

        cpus = cpus.Distinct().Order().ToList();
        return true;
    }

    private static bool TryParseCpu(string text, out int cpu) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out cpu) && cpu < MaxCpus;
}
