namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Cinder volume.</summary>
/// <param name="Id">The volume's id.</param>
/// <param name="Name">The volume's name.</param>
/// <param name="Status"><c>creating</c>, <c>available</c>, <c>in-use</c>, <c>error</c>...</param>
/// <param name="SizeGiB">The size in GiB.</param>
/// <param name="VolumeType">The volume type.</param>
/// <param name="ProjectId">The project the volume is in (shown to administrators).</param>
/// <param name="Metadata">The metadata.</param>
/// <param name="AttachedServers">The servers it is attached to.</param>
public sealed record CinderVolume(string Id, string Name, string Status, long SizeGiB, string? VolumeType, string? ProjectId, IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<string> AttachedServers);
