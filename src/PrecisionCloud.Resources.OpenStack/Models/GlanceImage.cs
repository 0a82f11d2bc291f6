namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Glance image.</summary>
/// <param name="Id">The image's id.</param>
/// <param name="Name">The image's name.</param>
/// <param name="Status"><c>queued</c>, <c>saving</c>, <c>active</c>...</param>
/// <param name="DiskFormat">The disk format (<c>qcow2</c>, <c>raw</c>...).</param>
/// <param name="ContainerFormat">The container format (<c>bare</c>...).</param>
/// <param name="SizeBytes">The size of the data, once uploaded.</param>
/// <param name="Checksum">The data's <c>os_hash_value</c> (or MD5 checksum), once uploaded.</param>
public sealed record GlanceImage(string Id, string Name, string Status, string? DiskFormat, string? ContainerFormat, long? SizeBytes, string? Checksum);
