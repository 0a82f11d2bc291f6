namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Nova flavor: the size of a server.</summary>
/// <param name="Id">The flavor's id.</param>
/// <param name="Name">The flavor's name.</param>
/// <param name="VCpus">Virtual CPUs.</param>
/// <param name="RamMiB">Memory in MiB.</param>
/// <param name="DiskGiB">Root disk in GiB.</param>
/// <param name="ExtraSpecs">Extra specs (<c>hw:cpu_policy</c>, <c>resources:CUSTOM_*</c>...).</param>
public sealed record NovaFlavor(string Id, string Name, int VCpus, long RamMiB, long DiskGiB, IReadOnlyDictionary<string, string> ExtraSpecs)
{
    /// <summary>Whether the flavor asks for a whole bare-metal node (a custom resource class, and no VCPU from the hypervisor).</summary>
    public bool IsBareMetal => ExtraSpecs.Any(s => s.Key.StartsWith("resources:CUSTOM_", StringComparison.Ordinal) && s.Value == "1")
        && ExtraSpecs.TryGetValue("resources:VCPU", out var vcpu) && vcpu == "0";
}
