using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PrecisionCloud.Security.Identity;

/// <summary>
/// The CAs whose identities are trusted (several: a CA and its successor during rotation, the CAs of federated
/// sites), and the serial numbers revoked before their certificates expire. Immutable; thread-safe.
/// </summary>
public sealed class TrustBundle
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private readonly X509Certificate2Collection _authorities;
    private readonly FrozenSet<string> _revoked;

    /// <summary>A bundle of these CA certificates.</summary>
    /// <param name="authorities">The CA certificates (public parts only are used).</param>
    /// <param name="revokedSerials">Serial numbers (hex) of certificates no longer trusted.</param>
    public TrustBundle(IEnumerable<X509Certificate2> authorities, IEnumerable<string>? revokedSerials = null)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        _authorities = [.. authorities];
        _revoked = (revokedSerials ?? []).Select(s => s.ToUpperInvariant()).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The CA certificates.</summary>
    public IReadOnlyList<X509Certificate2> Authorities => [.. _authorities];

    /// <summary>The revoked serial numbers (uppercase hex).</summary>
    public IReadOnlySet<string> RevokedSerials => _revoked;

    /// <summary>This bundle with one more CA (for rotation or federation).</summary>
    /// <param name="authority">The CA certificate.</param>
    /// <returns>The new bundle.</returns>
    public TrustBundle With(X509Certificate2 authority) => new([.. _authorities, authority], _revoked);

    /// <summary>This bundle with a certificate revoked by serial number.</summary>
    /// <param name="serialNumber">The serial number in hex.</param>
    /// <returns>The new bundle.</returns>
    public TrustBundle Revoke(string serialNumber) => new(_authorities, [.. _revoked, serialNumber]);

    /// <summary>The PEM text of the CA certificates, for peers and tools (<c>openssl verify -CAfile</c>).</summary>
    /// <returns>The PEM text.</returns>
    public string ExportPem() => string.Concat(_authorities.Select(c => c.ExportCertificatePem() + "\n"));

    /// <summary>
    /// Checks a peer's certificate: it chains to a CA of this bundle, is valid at <paramref name="at"/>, allows
    /// <paramref name="usage"/>, is not revoked, and is an identity (one SPIFFE ID in its URI SAN, not a CA).
    /// </summary>
    /// <param name="certificate">The peer's certificate.</param>
    /// <param name="usage">What the peer authenticates as.</param>
    /// <param name="at">When (now by default).</param>
    /// <param name="intermediates">Certificates the peer sent along with its own, if any.</param>
    /// <returns>The peer's identity, or why it is refused.</returns>
    public IdentityValidation Validate(X509Certificate2 certificate, CertificateUsage usage, DateTimeOffset? at = null, X509Certificate2Collection? intermediates = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (_revoked.Contains(certificate.SerialNumber.ToUpperInvariant()))
        {
            return new IdentityValidation(null, $"certificate {certificate.SerialNumber} is revoked");
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = (at ?? DateTimeOffset.UtcNow).UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.ApplicationPolicy.Add(usage == CertificateUsage.Client ? ClientAuthentication : ServerAuthentication);
        if (intermediates is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(intermediates);
        }

        if (!chain.Build(certificate))
        {
            var reasons = chain.ChainStatus.Select(s => s.Status.ToString()).Distinct();
            return new IdentityValidation(null, $"certificate {certificate.SerialNumber} does not chain to a trusted CA for {usage.ToString().ToLowerInvariant()} authentication ({string.Join(", ", reasons)})");
        }

        foreach (var element in chain.ChainElements)
        {
            if (element.Certificate != certificate && _revoked.Contains(element.Certificate.SerialNumber.ToUpperInvariant()))
            {
                return new IdentityValidation(null, $"its issuer {element.Certificate.SerialNumber} is revoked");
            }
        }

        return X509Svid.LeafIdentity(certificate);
    }
}
