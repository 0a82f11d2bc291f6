namespace PrecisionCloud.Resources.Providers;

/// <summary>One replica of a workload as its provider holds it.</summary>
/// <param name="Index">The replica's index (0 for VMs and bare metal).</param>
/// <param name="State">Its state.</param>
/// <param name="ExitCode">Its exit code once exited.</param>
/// <param name="Node">The node it runs on.</param>
/// <param name="Addresses">Its addresses by network name.</param>
public sealed record ObservedReplica(
    int Index, ReplicaState State, int? ExitCode = null, string? Node = null, IReadOnlyDictionary<string, string>? Addresses = null);
