using System.Security.Cryptography.X509Certificates;

namespace PrecisionCloud.Security.Identity;

/// <summary>An issued identity: its SPIFFE ID and its short-lived certificate with the private key.</summary>
public sealed class WorkloadIdentity : IDisposable
{
    internal WorkloadIdentity(SpiffeId id, X509Certificate2 certificate, DateTimeOffset renewAt)
    {
        Id = id;
        Certificate = certificate;
        RenewAt = renewAt;
    }

    /// <summary>Who this is.</summary>
    public SpiffeId Id { get; }

    /// <summary>The certificate (URI SAN = <see cref="Id"/>, client and server authentication) with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>When the certificate expires.</summary>
    public DateTimeOffset NotAfter => new(Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>From when the identity should be renewed (a share of its lifetime, two thirds by default).</summary>
    public DateTimeOffset RenewAt { get; }

    /// <summary>Whether the identity should be renewed at <paramref name="now"/>.</summary>
    /// <param name="now">The time.</param>
    /// <returns>Whether it is due.</returns>
    public bool IsDueForRenewal(DateTimeOffset now) => now >= RenewAt;

    /// <summary>Releases the certificate and its key.</summary>
    public void Dispose() => Certificate.Dispose();
}
