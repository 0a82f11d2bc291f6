namespace PrecisionCloud.Security.Identity;

/// <summary>The site certificate authority. Configuration section <c>PrecisionCloud:Security:CertificateAuthority</c>.</summary>
public sealed class CertificateAuthorityOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "PrecisionCloud:Security:CertificateAuthority";

    /// <summary>The trust domain of the identities (for example <c>operator.example</c>).</summary>
    public string TrustDomain { get; set; } = "precisioncloud.local";

    /// <summary>The site this CA serves; issued identities are <c>spiffe://trust-domain/site/site/kind/name</c>.</summary>
    public string Site { get; set; } = "site";

    /// <summary>Where the CA keeps its certificate and its private key (sealed).</summary>
    public string Directory { get; set; } = "ca";

    /// <summary>The key type of the CA and of the identities it issues.</summary>
    public KeyAlgorithm Algorithm { get; set; } = KeyAlgorithm.EcdsaP256;

    /// <summary>How long the CA certificate is valid.</summary>
    public TimeSpan CaLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How long an issued identity is valid (short: a stolen identity expires on its own).</summary>
    public TimeSpan IdentityLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The share of an identity's lifetime after which it is renewed.</summary>
    public double RenewAtFraction { get; set; } = 2.0 / 3.0;

    /// <summary>How far before now an identity's validity starts, for peers whose clocks run behind.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
