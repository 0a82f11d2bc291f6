using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using PrecisionCloud.Security.Identity;
using PrecisionCloud.Security.Sealing;

namespace PrecisionCloud.Security.Tests.Identity;

public sealed class CertificateAuthorityIdentitySourceTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_identity_is_renewed_at_two_thirds_of_its_life_and_the_one_before_stays_usable()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        using var sealer = new SecretSealer(new SealingOptions { RootKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), KeyDirectory = _directory.Combine("keys") });
        using var ca = await SiteCertificateAuthority.OpenAsync(new CertificateAuthorityOptions { Directory = _directory.Combine("ca") }, sealer, time);
        using var source = new CertificateAuthorityIdentitySource(ca, a => a.Issue("nf", "upf"), timeProvider: time);
        var first = source.Current;

        time.Advance(TimeSpan.FromHours(15));
        Assert.Same(first, source.Current);

        time.Advance(TimeSpan.FromHours(1.5));
        var second = source.Current;
        Assert.NotSame(first, second);
        Assert.Equal(1, source.Renewals);
        Assert.NotEqual(first.Certificate.SerialNumber, second.Certificate.SerialNumber);
        Assert.Equal(first.Id, second.Id);
        Assert.True(first.Certificate.HasPrivateKey);
        Assert.Equal(time.GetUtcNow().AddHours(24), second.NotAfter);
    }
}
