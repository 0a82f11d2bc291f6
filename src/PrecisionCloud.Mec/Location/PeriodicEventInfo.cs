namespace PrecisionCloud.Mec.Location;

/// <summary>How often and how many times to report a user's location (ETSI GS MEC 013, as OMA MLP).</summary>
/// <param name="ReportingAmount">How many reports.</param>
/// <param name="ReportingInterval">The seconds between reports.</param>
public sealed record PeriodicEventInfo(double ReportingAmount, double ReportingInterval);
