namespace PrecisionCloud.Packaging.Tests;

/// <summary>
/// The layers of ARCHITECTURE.md as data. A package may depend on packages of lower layers, and sideways only
/// where the architecture draws it (a backend on its model, a codec on its fast path, client and server on
/// the shared MEC contracts).
/// </summary>
internal static class ArchitectureLayers
{
    private static readonly Dictionary<string, int> Layer = new(StringComparer.Ordinal)
    {
        ["PrecisionCloud.Hardware"] = 0,
        ["PrecisionCloud.Security"] = 0,
        ["PrecisionCloud.UserPlane"] = 1,
        ["PrecisionCloud.UserPlane.Pfcp"] = 1,
        ["PrecisionCloud.Resources"] = 1,
        ["PrecisionCloud.Resources.OpenStack"] = 1,
        ["PrecisionCloud.Resources.Kubernetes"] = 1,
        ["PrecisionCloud.Resources.Oci"] = 1,
        ["PrecisionCloud.Bundles"] = 2,
        ["PrecisionCloud.Mec"] = 2,
        ["PrecisionCloud.Mec.Platform"] = 2,
        ["PrecisionCloud.Mec.Client"] = 2,
        ["PrecisionCloud.Federation"] = 2,
        ["PrecisionCloud.Operations"] = 2,
        ["PrecisionCloud.Hosting"] = 3,
    };

    private static readonly HashSet<(string From, string To)> Sideways =
    [
        ("PrecisionCloud.UserPlane.Pfcp", "PrecisionCloud.UserPlane"),
        ("PrecisionCloud.Resources.OpenStack", "PrecisionCloud.Resources"),
        ("PrecisionCloud.Resources.Kubernetes", "PrecisionCloud.Resources"),
        ("PrecisionCloud.Resources.Oci", "PrecisionCloud.Resources"),
        ("PrecisionCloud.Mec.Platform", "PrecisionCloud.Mec"),
        ("PrecisionCloud.Mec.Client", "PrecisionCloud.Mec"),
    ];

    public static bool IsKnown(string package) => Layer.ContainsKey(package);

    /// <summary>Why <paramref name="from"/> may not depend on <paramref name="to"/>, or null when it may.</summary>
    public static string? Violation(string from, string to)
    {
        if (!Layer.TryGetValue(from, out var fromLayer) || !Layer.TryGetValue(to, out var toLayer))
        {
            return $"{from} -> {to}: a package missing from the layer map; add it to ARCHITECTURE.md and ArchitectureLayers";
        }

        if (toLayer < fromLayer || Sideways.Contains((from, to)))
        {
            return null;
        }

        return toLayer > fromLayer
            ? $"{from} (layer {fromLayer}) -> {to} (layer {toLayer}): an upward reference"
            : $"{from} -> {to}: a sideways reference the architecture does not draw";
    }
}
