using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PrecisionCloud.Security.Sealing;

namespace PrecisionCloud.Security.Identity;

/// <summary>
/// A site's certificate authority: a self-signed CA (ECDSA P-256 or RSA 3072) that issues short-lived X.509
/// identities to network elements, platform services and apps, each named by a SPIFFE ID in its URI SAN, with key
/// usage digitalSignature (and keyEncipherment for RSA) and extended key usages serverAuth and clientAuth. The CA
/// certificate and its private key are kept in a directory only their owner can enter, the key sealed
/// (<see cref="ISecretSealer"/>, purpose <c>site-ca-key</c>), never in the clear. Thread-safe.
/// </summary>
public sealed class SiteCertificateAuthority : IDisposable
{
    /// <summary>The sealing purpose of the CA's private key.</summary>
    public const string KeyPurpose = "site-ca-key";
    private const string CertificateFile = "ca.pem";
    private const string KeyFile = "ca-key.sealed";
    private const string RevokedFile = "revoked.txt";
    private static readonly OidCollection Authentication = [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")];

    private readonly CertificateAuthorityOptions _options;
    private readonly TimeProvider _time;
    private readonly X509Certificate2 _certificate;

    private readonly Lock _revocation = new();
    private string[] _revoked;

    private SiteCertificateAuthority(CertificateAuthorityOptions options, TimeProvider time, X509Certificate2 certificate)
    {
        _options = options;
        _time = time;
        _certificate = certificate;
        Certificate = X509CertificateLoader.LoadCertificate(certificate.RawData);
        var revoked = Path.Combine(options.Directory, RevokedFile);
        _revoked = File.Exists(revoked) ? [.. File.ReadAllLines(revoked).Select(l => l.Trim()).Where(l => l.Length > 0)] : [];
    }

    /// <summary>The CA certificate, without its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>A trust bundle holding this CA and the serial numbers it revoked.</summary>
    public TrustBundle TrustBundle => new([Certificate], Volatile.Read(ref _revoked));

    /// <summary>The serial numbers revoked before their certificates expire (uppercase hex), oldest first.</summary>
    public IReadOnlyList<string> RevokedSerials => Volatile.Read(ref _revoked);

    /// <summary>
    /// Revokes a certificate this CA issued, by serial number, before it expires; the revocation is written to the
    /// CA's directory and is in every trust bundle the CA gives from now on (bundles given before are not changed).
    /// </summary>
    /// <param name="serialNumber">The serial number in hex.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the revocation is written.</returns>
    public async Task RevokeAsync(string serialNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serialNumber);
        var serial = serialNumber.Trim().ToUpperInvariant();
        if (!serial.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"'{serialNumber}' is not a serial number in hex", nameof(serialNumber));
        }

        string[] revoked;
        lock (_revocation)
        {
            if (_revoked.Contains(serial))
            {
                return;
            }

            revoked = [.. _revoked, serial];
            Volatile.Write(ref _revoked, revoked);
        }

        await OwnerOnlyFiles.WriteAsync(Path.Combine(_options.Directory, RevokedFile), System.Text.Encoding.ASCII.GetBytes(string.Join('\n', revoked) + "\n"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The CA certificate with its private key, for tests that sign certificates the CA would not issue.</summary>
    internal X509Certificate2 SigningCertificate => _certificate;

    /// <summary>Opens the CA in its directory, creating it (key, self-signed certificate) the first time.</summary>
    /// <param name="options">The CA's settings.</param>
    /// <param name="sealer">Seals and opens the CA's private key.</param>
    /// <param name="timeProvider">The clock for validity periods.</param>
    /// <param name="cancellationToken">Cancels creating the CA.</param>
    /// <returns>The CA.</returns>
    /// <exception cref="SealingException">The CA's key cannot be opened (another root key, or altered).</exception>
    public static async Task<SiteCertificateAuthority> OpenAsync(CertificateAuthorityOptions options, ISecretSealer sealer, TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sealer);
        var time = timeProvider ?? TimeProvider.System;
        var certificatePath = Path.Combine(options.Directory, CertificateFile);
        var keyPath = Path.Combine(options.Directory, KeyFile);
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            var pem = await File.ReadAllTextAsync(certificatePath, cancellationToken).ConfigureAwait(false);
            var key = sealer.Unseal(KeyPurpose, await File.ReadAllBytesAsync(keyPath, cancellationToken).ConfigureAwait(false));
            try
            {
                using var publicOnly = X509Certificate2.CreateFromPem(pem);
                return new SiteCertificateAuthority(options, time, WithKey(publicOnly, key));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        OwnerOnlyFiles.EnsureDirectory(options.Directory);
        using var caKey = NewKey(options.Algorithm);
        var request = Request(new X500DistinguishedName($"CN=PrecisionCloud site CA {options.Site}, O={options.TrustDomain}"), caKey, options.Algorithm);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        var certificate = request.CreateSelfSigned(now - options.ClockSkew, now + options.CaLifetime);
        var pkcs8 = caKey.ExportPkcs8PrivateKey();
        try
        {
            await OwnerOnlyFiles.WriteAsync(keyPath, await sealer.SealAsync(KeyPurpose, pkcs8, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }

        await OwnerOnlyFiles.WriteAsync(certificatePath, System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem() + "\n"), cancellationToken).ConfigureAwait(false);
        return new SiteCertificateAuthority(options, time, certificate);
    }

    /// <summary>Issues a new identity (a fresh key pair and a certificate) for a workload of this site.</summary>
    /// <param name="kind">The kind of workload (<c>nf</c>, <c>service</c>, <c>app</c>, ...).</param>
    /// <param name="name">The workload's name.</param>
    /// <returns>The identity; dispose it when replaced.</returns>
    public WorkloadIdentity Issue(string kind, string name) => Issue(SpiffeId.ForWorkload(_options.TrustDomain, _options.Site, kind, name));

    /// <summary>Issues a new identity (a fresh key pair and a certificate) for a SPIFFE ID of this CA's trust domain.</summary>
    /// <param name="id">The identity.</param>
    /// <param name="dnsNames">Host names the workload also serves under, for peers that check names (the SPIFFE ID stays the identity).</param>
    /// <param name="addresses">IP addresses the workload also serves under, likewise.</param>
    /// <returns>The identity; dispose it when replaced.</returns>
    public WorkloadIdentity Issue(SpiffeId id, IEnumerable<string>? dnsNames = null, IEnumerable<System.Net.IPAddress>? addresses = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.TrustDomain != _options.TrustDomain)
        {
            throw new ArgumentException($"{id} is not in this CA's trust domain {_options.TrustDomain}", nameof(id));
        }

        using var key = NewKey(_options.Algorithm);
        var request = Request(new X500DistinguishedName($"CN={id.Name ?? id.Path.TrimStart('/')}, O={_options.TrustDomain}"), key, _options.Algorithm);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var usage = X509KeyUsageFlags.DigitalSignature | (_options.Algorithm == KeyAlgorithm.Rsa3072 ? X509KeyUsageFlags.KeyEncipherment : 0);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(Authentication, false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddUri(id.Uri);
        foreach (var dnsName in dnsNames ?? [])
        {
            san.AddDnsName(dnsName);
        }

        foreach (var address in addresses ?? [])
        {
            san.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        var now = _time.GetUtcNow();
        var notBefore = now - _options.ClockSkew;
        var notAfter = now + _options.IdentityLifetime;
        if (notAfter > _certificate.NotAfter)
        {
            notAfter = new DateTimeOffset(_certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(_certificate, notBefore, notAfter, serial);
        var certificate = _options.Algorithm == KeyAlgorithm.Rsa3072 ? issued.CopyWithPrivateKey((RSA)key) : issued.CopyWithPrivateKey((ECDsa)key);
        var renewAt = now + ((notAfter - now) * _options.RenewAtFraction);
        return new WorkloadIdentity(id, certificate, renewAt);
    }

    /// <summary>Releases the CA's key.</summary>
    public void Dispose()
    {
        _certificate.Dispose();
        Certificate.Dispose();
    }

    private static AsymmetricAlgorithm NewKey(KeyAlgorithm algorithm) =>
        algorithm == KeyAlgorithm.Rsa3072 ? RSA.Create(3072) : ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private static CertificateRequest Request(X500DistinguishedName subject, AsymmetricAlgorithm key, KeyAlgorithm algorithm) =>
        algorithm == KeyAlgorithm.Rsa3072
            ? new CertificateRequest(subject, (RSA)key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(subject, (ECDsa)key, HashAlgorithmName.SHA256);

    /// <summary>The certificate with its key; the key type is the certificate's (the setting may have changed since).</summary>
    private static X509Certificate2 WithKey(X509Certificate2 certificate, byte[] pkcs8)
    {
        if (certificate.GetKeyAlgorithm() == "1.2.840.113549.1.1.1")
        {
            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return certificate.CopyWithPrivateKey(rsa);
        }

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return certificate.CopyWithPrivateKey(ecdsa);
    }
}
