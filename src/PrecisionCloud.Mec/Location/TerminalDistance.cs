namespace PrecisionCloud.Mec.Location;

/// <summary>The distance between two users or a user and a location (ETSI GS MEC 013).</summary>
/// <param name="Distance">The distance in meters.</param>
/// <param name="Accuracy">Its accuracy in meters.</param>
/// <param name="Timestamp">When it was measured.</param>
public sealed record TerminalDistance(int Distance, int? Accuracy = null, TimeStamp? Timestamp = null);
