namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>One endpoint of the service catalog.</summary>
/// <param name="ServiceType">The service type (<c>compute</c>, <c>network</c>, <c>volumev3</c>...).</param>
/// <param name="ServiceName">The service's name (<c>nova</c>...).</param>
/// <param name="Interface">The interface: <c>public</c>, <c>internal</c> or <c>admin</c>.</param>
/// <param name="Region">The region, or <see langword="null"/>.</param>
/// <param name="Url">The endpoint's address.</param>
public sealed record CatalogEndpoint(string ServiceType, string? ServiceName, string Interface, string? Region, Uri Url);
