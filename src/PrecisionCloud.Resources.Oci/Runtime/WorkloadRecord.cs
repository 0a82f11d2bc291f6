namespace PrecisionCloud.Resources.Oci.Runtime;

/// <summary>What the provider keeps on disk about a workload it runs (its <c>workload.json</c>).</summary>
internal sealed record WorkloadRecord(string Uid, string SpecHash, string Node, int Replicas, IReadOnlyList<IReadOnlyDictionary<string, string>> Addresses);
