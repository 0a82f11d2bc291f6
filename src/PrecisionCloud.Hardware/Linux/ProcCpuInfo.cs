using System.Globalization;
using System.Runtime.InteropServices;
using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware.Linux;

/// <summary>
/// What <c>/proc/cpuinfo</c> says: one block of <c>key : value</c> lines per logical CPU on x86,
/// and on Arm per CPU too (with <c>Features</c>, <c>CPU implementer</c> and <c>CPU part</c>).
/// </summary>
internal sealed class ProcCpuInfo
{
    // Arm Ltd (implementer 0x41) part numbers, from the Arm technical reference manuals.
    private static readonly Dictionary<int, string> ArmParts = new()
    {
        [0xd03] = "Cortex-A53",
        [0xd04] = "Cortex-A35",
        [0xd05] = "Cortex-A55",
        [0xd07] = "Cortex-A57",
        [0xd08] = "Cortex-A72",
        [0xd09] = "Cortex-A73",
        [0xd0a] = "Cortex-A75",
        [0xd0b] = "Cortex-A76",
        [0xd0c] = "Neoverse-N1",
        [0xd40] = "Neoverse-V1",
        [0xd41] = "Cortex-A78",
        [0xd49] = "Neoverse-N2",
        [0xd4f] = "Neoverse-V2",
    };

    public int ProcessorCount { get; private init; }

    public string? ModelName { get; private init; }

    public string? Flags { get; private init; }

    public Architecture? Architecture { get; private init; }

    /// <summary>(physical id, core id) per processor, when every block has both.</summary>
    public IReadOnlyList<(int Package, int Core)>? Topology { get; private init; }

    public static ProcCpuInfo Parse(string text)
    {
        var processors = 0;
        string? modelName = null, hardwareModel = null, flags = null, features = null, implementer = null, part = null;
        var topology = new List<(int, int)>();
        var topologyComplete = true;
        int? package = null, core = null;
        var inBlock = false;

        void EndBlock()
        {
            if (!inBlock)
            {
                return;
            }

            if (package is { } p && core is { } c)
            {
                topology.Add((p, c));
            }
            else
            {
                topologyComplete = false;
            }

            package = null;
            core = null;
            inBlock = false;
        }

        foreach (var rawLine in text.Split('\n'))
        {
            var colon = rawLine.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                if (rawLine.Trim().Length == 0)
                {
                    EndBlock();
                }

                continue;
            }

            var key = rawLine[..colon].Trim();
            var value = rawLine[(colon + 1)..].Trim();
            switch (key)
            {
                case "processor":
                    EndBlock();
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    {
                        processors++;
                        inBlock = true;
                    }

                    break;
                case "model name":
                    modelName ??= value;
                    break;
                case "Model":
                case "Hardware":
                    hardwareModel ??= value;
                    break;
                case "flags":
                    flags ??= value;
                    break;
                case "Features":
                    features ??= value;
                    break;
                case "CPU implementer":
                    implementer ??= value;
                    break;
                case "CPU part":
                    part ??= value;
                    break;
                case "physical id" when inBlock:
                    package = ParseInt(value);
                    break;
                case "core id" when inBlock:
                    core = ParseInt(value);
                    break;
                default:
                    break;
            }
        }

        EndBlock();

        Architecture? architecture = null;
        if (flags is not null)
        {
            architecture = (" " + flags + " ").Contains(" lm ", StringComparison.Ordinal)
                ? System.Runtime.InteropServices.Architecture.X64
                : System.Runtime.InteropServices.Architecture.X86;
        }
        else if (features is not null)
        {
            architecture = (" " + features + " ").Contains(" asimd ", StringComparison.Ordinal)
                ? System.Runtime.InteropServices.Architecture.Arm64
                : System.Runtime.InteropServices.Architecture.Arm;
        }

        return new ProcCpuInfo
        {
            ProcessorCount = processors,
            ModelName = modelName ?? ArmModelName(implementer, part) ?? hardwareModel,
            Flags = flags ?? features,
            Architecture = architecture,
            Topology = topologyComplete && topology.Count > 0 ? topology : null,
        };
    }

    public IsaFeatures IsaFeatures => Flags is null ? IsaFeatures.None : IsaFeatureDetector.FromCpuInfoFlags(Flags);

    private static string? ArmModelName(string? implementer, string? part)
    {
        if (implementer is null || part is null)
        {
            return null;
        }

        var partNumber = ParseHex(part);
        if (ParseHex(implementer) == 0x41 && partNumber is { } number && ArmParts.TryGetValue(number, out var name))
        {
            return name;
        }

        return $"Arm CPU (implementer {implementer}, part {part})";
    }

    private static int? ParseInt(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? ParseHex(string text)
    {
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
