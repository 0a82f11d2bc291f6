namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>An IP address and port a service is reached at (ETSI GS MEC 011 clause 8.1.5.3, <c>addresses</c>).</summary>
/// <param name="Host">The host part.</param>
/// <param name="Port">The port part.</param>
public sealed record EndPointAddress(string Host, int Port);
