namespace PrecisionCloud.Security.Identity;

/// <summary>What a peer's certificate is checked for.</summary>
public enum CertificateUsage
{
    /// <summary>A client authenticating to us (extended key usage clientAuth).</summary>
    Client,

    /// <summary>A server we connect to (extended key usage serverAuth).</summary>
    Server,
}
