using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using PrecisionCloud.Security.Identity;
using PrecisionCloud.Security.Sealing;
using PrecisionCloud.Tests.Oracles;

namespace PrecisionCloud.Security.Tests.Identity;

public sealed class SiteCertificateAuthorityTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly SecretSealer _sealer;

    public SiteCertificateAuthorityTests()
    {
        _sealer = new SecretSealer(new SealingOptions { RootKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), KeyDirectory = _directory.Combine("keys") });
    }

    public void Dispose()
    {
        _sealer.Dispose();
        _directory.Dispose();
    }

    [Theory]
    [InlineData(KeyAlgorithm.EcdsaP256)]
    [InlineData(KeyAlgorithm.Rsa3072)]
    public async Task An_issued_identity_carries_its_spiffe_id_usages_and_a_short_life(KeyAlgorithm algorithm)
    {
        using var ca = await OpenAsync(algorithm);
        using var identity = ca.Issue("app", "video-analytics");
        var certificate = identity.Certificate;

        Assert.Equal("spiffe://operator.example/site/edge-1/app/video-analytics", identity.Id.ToString());
        Assert.True(certificate.HasPrivateKey);
        Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.True(usage.Critical);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | (algorithm == KeyAlgorithm.Rsa3072 ? X509KeyUsageFlags.KeyEncipherment : 0), usage.KeyUsages);
        Assert.Equal(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"], certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        Assert.Equal(ca.Certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifier,
            Convert.ToHexString(certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single().KeyIdentifier!.Value.Span));
        Assert.Equal(Start.AddHours(24), identity.NotAfter);
        Assert.Equal(Start.AddHours(16), identity.RenewAt);
        Assert.False(identity.IsDueForRenewal(Start.AddHours(15)));
        Assert.True(identity.IsDueForRenewal(Start.AddHours(16)));
        Assert.Equal(16, certificate.SerialNumberBytes.Length);
    }

    [Fact]
    public async Task A_valid_identity_is_recognised_and_everything_else_refused_with_a_reason()
    {
        using var ca = await OpenAsync();
        using var identity = ca.Issue("service", "location");
        var bundle = ca.TrustBundle;

        var valid = bundle.Validate(identity.Certificate, CertificateUsage.Client, Start.AddHours(1));
        Assert.True(valid.IsValid, valid.Problem);
        Assert.Equal(identity.Id, valid.Id);
        Assert.True(bundle.Validate(identity.Certificate, CertificateUsage.Server, Start.AddHours(1)).IsValid);

        Assert.Contains("does not chain", bundle.Validate(identity.Certificate, CertificateUsage.Client, Start.AddHours(25)).Problem, StringComparison.Ordinal);
        Assert.Contains("does not chain", bundle.Validate(identity.Certificate, CertificateUsage.Client, Start.AddHours(-1)).Problem, StringComparison.Ordinal);
        Assert.Contains("is revoked", bundle.Revoke(identity.Certificate.SerialNumber).Validate(identity.Certificate, CertificateUsage.Client, Start.AddHours(1)).Problem, StringComparison.Ordinal);
        Assert.Contains("is a CA certificate", bundle.Validate(ca.Certificate, CertificateUsage.Client, Start.AddHours(1)).Problem, StringComparison.Ordinal);

        using var otherSealer = new SecretSealer(new SealingOptions { RootKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), KeyDirectory = _directory.Combine("other-keys") });
        using var other = await SiteCertificateAuthority.OpenAsync(Options(directory: "other-ca"), otherSealer, _time);
        using var stranger = other.Issue("app", "intruder");
        Assert.Contains("does not chain", bundle.Validate(stranger.Certificate, CertificateUsage.Client, Start.AddHours(1)).Problem, StringComparison.Ordinal);
        Assert.True(bundle.With(other.Certificate).Validate(stranger.Certificate, CertificateUsage.Client, Start.AddHours(1)).IsValid);
    }

    [Fact]
    public async Task Certificates_the_ca_would_never_issue_are_refused()
    {
        using var ca = await OpenAsync();
        var bundle = ca.TrustBundle;

        using var noSan = Sign(ca, san: null, X509KeyUsageFlags.DigitalSignature, ["1.3.6.1.5.5.7.3.2"]);
        Assert.Contains("0 URI subject alternative names", bundle.Validate(noSan, CertificateUsage.Client, Start.AddHours(1)).Problem, StringComparison.Ordinal);

        using var notSpiffe = Sign(ca, "https://example.org/app", X509KeyUsageFlags.DigitalSignature, ["1.3.6.1.5.5.7.3.2"]);
        Assert.Contains("is not a SPIFFE ID", bundle.Validate(notSpiffe, CertificateUsage.Client, Start.AddHours(1)).Problem, StringComparison.Ordinal);

        using var signsCertificates = Sign(ca, "spiffe://operator.example/site/edge-1/app/x", X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, ["1.3.6.1.5.5.7.3.2"]);
        Assert.Contains("key usage", bundle.Validate(signsCertificates, CertificateUsage.Client, Start.AddHours(1)).Problem, StringComparison.Ordinal);

        using var serverOnly = Sign(ca, "spiffe://operator.example/site/edge-1/app/x", X509KeyUsageFlags.DigitalSignature, ["1.3.6.1.5.5.7.3.1"]);
        Assert.True(bundle.Validate(serverOnly, CertificateUsage.Server, Start.AddHours(1)).IsValid);
        Assert.Contains("does not chain to a trusted CA for client authentication", bundle.Validate(serverOnly, CertificateUsage.Client, Start.AddHours(1)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_ca_survives_a_restart_with_its_key_sealed_on_disk()
    {
        string thumbprint;
        using (var ca = await OpenAsync())
        {
            thumbprint = ca.Certificate.Thumbprint;
        }

        using var reopened = await OpenAsync();
        Assert.Equal(thumbprint, reopened.Certificate.Thumbprint);
        using var identity = reopened.Issue("nf", "upf");
        Assert.True(reopened.TrustBundle.Validate(identity.Certificate, CertificateUsage.Server, Start.AddHours(1)).IsValid);

        var keyFile = _directory.Combine("ca/ca-key.sealed");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var sealedKey = await File.ReadAllBytesAsync(keyFile);
        using var probe = ECDsa.Create();
        Assert.Throws<CryptographicException>(() => probe.ImportPkcs8PrivateKey(sealedKey, out _));
        Assert.False(reopened.Certificate.HasPrivateKey);
    }

    [Fact]
    public async Task A_revocation_is_in_every_bundle_from_then_on_and_survives_a_restart()
    {
        string serial;
        using (var ca = await OpenAsync())
        {
            using var identity = ca.Issue("app", "lost-laptop");
            serial = identity.Certificate.SerialNumber;
            Assert.True(ca.TrustBundle.Validate(identity.Certificate, CertificateUsage.Client, Start.AddHours(1)).IsValid);

            await ca.RevokeAsync(serial.ToLowerInvariant());
            await ca.RevokeAsync(serial);

            Assert.Contains("is revoked", ca.TrustBundle.Validate(identity.Certificate, CertificateUsage.Client, Start.AddHours(1)).Problem, StringComparison.Ordinal);
            await Assert.ThrowsAsync<ArgumentException>(() => ca.RevokeAsync("not-hex"));
        }

        using var reopened = await OpenAsync();
        Assert.Equal([serial], reopened.RevokedSerials);
    }

    [Fact]
    public async Task Openssl_verifies_the_chain_and_shows_the_identity_and_usages()
    {
        using var ca = await OpenAsync();
        using var identity = ca.Issue("app", "video-analytics");
        var caFile = _directory.Combine("bundle.pem");
        var leafFile = _directory.Combine("leaf.pem");
        await File.WriteAllTextAsync(caFile, ca.TrustBundle.ExportPem());
        await File.WriteAllTextAsync(leafFile, identity.Certificate.ExportCertificatePem());
        var at = Start.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        foreach (var purpose in new[] { "sslclient", "sslserver" })
        {
            var verify = await ExternalTool.RunOpensslAsync("verify", "-attime", at, "-purpose", purpose, "-CAfile", caFile, leafFile);
            Assert.True(verify.ExitCode == 0 && verify.Output.Contains(": OK", StringComparison.Ordinal), verify.All);
        }

        var expired = await ExternalTool.RunOpensslAsync("verify", "-attime", Start.AddHours(25).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), "-CAfile", caFile, leafFile);
        Assert.NotEqual(0, expired.ExitCode);

        var text = await ExternalTool.RunOpensslAsync("x509", "-in", leafFile, "-noout", "-text");
        Assert.True(text.ExitCode == 0, text.All);
        Assert.Contains("URI:spiffe://operator.example/site/edge-1/app/video-analytics", text.Output, StringComparison.Ordinal);
        Assert.Contains("TLS Web Server Authentication, TLS Web Client Authentication", text.Output, StringComparison.Ordinal);
        Assert.Contains("CA:FALSE", text.Output, StringComparison.Ordinal);
        Assert.Contains("Digital Signature", text.Output, StringComparison.Ordinal);
        Assert.Contains("ASN1 OID: prime256v1", text.Output, StringComparison.Ordinal);

        var caText = await ExternalTool.RunOpensslAsync("x509", "-in", caFile, "-noout", "-text");
        Assert.Contains("CA:TRUE, pathlen:0", caText.Output, StringComparison.Ordinal);
        Assert.Contains("Certificate Sign, CRL Sign", caText.Output, StringComparison.Ordinal);
    }

    private static X509Certificate2 Sign(SiteCertificateAuthority ca, string? san, X509KeyUsageFlags usage, string[] ekus)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=hand-made", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([.. ekus.Select(e => new Oid(e))], false));
        if (san is not null)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddUri(new Uri(san));
            request.CertificateExtensions.Add(names.Build());
        }

        return request.Create(ca.SigningCertificate, Start.AddMinutes(-5), Start.AddHours(24), RandomNumberGenerator.GetBytes(8));
    }

    private Task<SiteCertificateAuthority> OpenAsync(KeyAlgorithm algorithm = KeyAlgorithm.EcdsaP256) =>
        SiteCertificateAuthority.OpenAsync(Options(algorithm), _sealer, _time);

    private CertificateAuthorityOptions Options(KeyAlgorithm algorithm = KeyAlgorithm.EcdsaP256, string directory = "ca") => new()
    {
        TrustDomain = "operator.example",
        Site = "edge-1",
        Directory = _directory.Combine(directory),
        Algorithm = algorithm,
    };
}
