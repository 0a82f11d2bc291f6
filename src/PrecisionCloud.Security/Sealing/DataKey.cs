namespace PrecisionCloud.Security.Sealing;

/// <summary>One version of a purpose's data key, in memory (on disk it is encrypted under the root key).</summary>
internal sealed record DataKey(string Purpose, int Version, DateTimeOffset Created, byte[] Key);
