namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>
/// How to get a token for a transport (ETSI GS MEC 011 clause 8.1.5.4). The OpenAPI file types
/// <c>grantTypes</c> as one string with a placeholder enum; the GS says a list of one to four grant types.
/// </summary>
/// <param name="GrantTypes">The grant types supported.</param>
/// <param name="TokenEndpoint">The token endpoint (present unless the grant is implicit).</param>
public sealed record OAuth2Info(IReadOnlyList<OAuth2GrantType> GrantTypes, string? TokenEndpoint);
