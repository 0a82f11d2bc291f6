namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>Where a user is: the access point and zone of its gNB, and since when.</summary>
/// <param name="Address">The user's address (<c>acr:</c> and its IP address).</param>
/// <param name="AccessPointId">The access point.</param>
/// <param name="ZoneId">The zone.</param>
/// <param name="Since">When the user was placed there.</param>
public sealed record UserLocation(string Address, string AccessPointId, string ZoneId, DateTimeOffset Since);
