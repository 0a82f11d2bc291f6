using PrecisionCloud.Mec.ApplicationSupport;

namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>A traffic rule as stored, with its version for ETags.</summary>
internal sealed record StoredTrafficRule(string AppInstanceId, TrafficRule Rule, long Version);
