namespace PrecisionCloud.Security.Identity;

/// <summary>The key type of the site CA and the identities it issues.</summary>
public enum KeyAlgorithm
{
    /// <summary>ECDSA on NIST P-256 with SHA-256 (the default: small keys, fast handshakes).</summary>
    EcdsaP256,

    /// <summary>RSA with 3072-bit keys and SHA-256 (PKCS#1 v1.5 signatures), for peers without ECDSA.</summary>
    Rsa3072,
}
