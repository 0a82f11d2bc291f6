namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>The security of a transport (ETSI GS MEC 011 clause 8.1.5.4).</summary>
/// <param name="OAuth2Info">OAuth 2.0 parameters, when the transport is secured with it.</param>
public sealed record SecurityInfo(OAuth2Info? OAuth2Info);
