namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>A heartbeat of a service instance (ETSI GS MEC 011 clause 8.1.2.6).</summary>
/// <param name="State">The state the service reports: ACTIVE for a heartbeat.</param>
public sealed record ServiceLivenessUpdate(ServiceState State);
