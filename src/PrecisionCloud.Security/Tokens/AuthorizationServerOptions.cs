namespace PrecisionCloud.Security.Tokens;

/// <summary>The authorization server. Configuration section <c>PrecisionCloud:Security:AuthorizationServer</c>.</summary>
public sealed class AuthorizationServerOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "PrecisionCloud:Security:AuthorizationServer";

    /// <summary>The issuer named in tokens (<c>iss</c>), the server's URL.</summary>
    public string Issuer { get; set; } = "https://mep.local";

    /// <summary>The audience of the tokens (<c>aud</c>): the APIs they are for.</summary>
    public string Audience { get; set; } = "https://mep.local";

    /// <summary>
    /// Where the signing keys are kept, sealed, so that a restart keeps issued tokens valid (needs sealing to be
    /// registered); in memory only when not set.
    /// </summary>
    public string? KeyDirectory { get; set; }

    /// <summary>How long an access token is valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
