namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>A service instance in memory: as stored, and its answer JSON (with links) made once per change.</summary>
internal sealed class ServiceEntry(StoredService stored, byte[] json, string etag)
{
    public StoredService Stored { get; } = stored;

    public byte[] Json { get; } = json;

    public string ETag { get; } = etag;

    public string Id => Stored.Info.SerInstanceId!;
}
