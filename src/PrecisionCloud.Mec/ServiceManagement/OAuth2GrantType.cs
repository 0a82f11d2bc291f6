using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>An OAuth 2.0 grant type a transport supports (ETSI GS MEC 011 clause 8.1.5.4); MEC uses client credentials.</summary>
public enum OAuth2GrantType
{
    /// <summary>Authorization code grant.</summary>
    [JsonStringEnumMemberName("OAUTH2_AUTHORIZATION_CODE")]
    AuthorizationCode,

    /// <summary>Implicit grant.</summary>
    [JsonStringEnumMemberName("OAUTH2_IMPLICIT_GRANT")]
    Implicit,

    /// <summary>Resource owner password credentials grant.</summary>
    [JsonStringEnumMemberName("OAUTH2_RESOURCE_OWNER")]
    ResourceOwner,

    /// <summary>Client credentials grant (the only one the present document supports).</summary>
    [JsonStringEnumMemberName("OAUTH2_CLIENT_CREDENTIALS")]
    ClientCredentials,
}
