namespace PrecisionCloud.Resources.Oci.Runtime;

/// <summary>A container as the runtime lists it.</summary>
internal sealed record ContainerStatus(string Id, string Status, int Pid);
