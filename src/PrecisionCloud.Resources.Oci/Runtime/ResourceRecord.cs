namespace PrecisionCloud.Resources.Oci.Runtime;

/// <summary>What the provider keeps on disk about a volume, network or security policy.</summary>
internal sealed record ResourceRecord(string Uid, string SpecHash, string BackendId);
