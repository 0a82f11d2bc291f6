using PrecisionCloud.Mec.ApplicationSupport;

namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>A DNS rule as stored, with its version for ETags.</summary>
internal sealed record StoredDnsRule(string AppInstanceId, DnsRule Rule, long Version);
