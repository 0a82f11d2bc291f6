namespace PrecisionCloud.Resources.Oci.Runtime;

/// <summary>A host directory bound into a container.</summary>
internal sealed record BindMount(string Source, string Destination, bool ReadOnly);
