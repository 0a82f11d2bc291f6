namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A volume attached to a server.</summary>
/// <param name="VolumeId">The volume.</param>
/// <param name="ServerId">The server.</param>
/// <param name="Device">The device name the hypervisor gave it, if any.</param>
public sealed record NovaVolumeAttachment(string VolumeId, string ServerId, string? Device);
