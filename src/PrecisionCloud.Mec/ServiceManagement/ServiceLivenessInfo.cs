namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>The liveness of a service instance (ETSI GS MEC 011 clause 8.1.2.5).</summary>
/// <param name="State">The service's state.</param>
/// <param name="TimeStamp">When the last heartbeat arrived (or the service was registered).</param>
/// <param name="Interval">The seconds between heartbeats the platform expects.</param>
public sealed record ServiceLivenessInfo(ServiceState State, TimeStamp TimeStamp, int Interval);
