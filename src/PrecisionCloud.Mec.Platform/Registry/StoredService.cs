using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>A service instance as stored: its information without links, its producer and its version for ETags.</summary>
internal sealed record StoredService
{
    public required string AppInstanceId { get; init; }

    public required ServiceInfo Info { get; init; }

    public required long Version { get; init; }

    public DateTimeOffset? LastHeartbeat { get; init; }
}
