namespace PrecisionCloud.Mec.Client;

/// <summary>A resource as read, with the ETag to send back in <c>If-Match</c> when changing it.</summary>
/// <typeparam name="T">The resource type.</typeparam>
/// <param name="Value">The resource.</param>
/// <param name="ETag">Its entity tag, when the platform gave one.</param>
/// <param name="Location">Where it lives, for a resource just created.</param>
public sealed record Tagged<T>(T Value, string? ETag, Uri? Location = null);
