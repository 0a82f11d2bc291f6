namespace PrecisionCloud.Security.Limits;

/// <summary>Who a request counts against: its tenant and the client (app instance, service) that sent it.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Client">The client within the tenant.</param>
public readonly record struct RateLimitSubject(string Tenant, string Client);
