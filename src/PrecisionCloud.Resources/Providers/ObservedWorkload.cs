namespace PrecisionCloud.Resources.Providers;

/// <summary>A workload as its provider holds it.</summary>
/// <param name="Uid">The uid it was deployed with.</param>
/// <param name="BackendId">Its id at the provider.</param>
/// <param name="SpecHash">The spec hash it was last applied with.</param>
/// <param name="Replicas">Its replicas.</param>
/// <param name="Message">What the provider says about it (a fault reason), if anything.</param>
public sealed record ObservedWorkload(string Uid, string BackendId, string SpecHash, IReadOnlyList<ObservedReplica> Replicas, string? Message = null);
