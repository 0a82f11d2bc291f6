namespace PrecisionCloud.Security.Identity;

/// <summary>
/// An identity issued by the site's own CA and renewed when due (at two thirds of its lifetime by default): the
/// first handshake after that point gets a fresh certificate. The identity before the current one is kept until
/// the next renewal, so connections set up with it are not cut. Thread-safe.
/// </summary>
public sealed class CertificateAuthorityIdentitySource : IWorkloadIdentitySource, IDisposable
{
    private readonly SiteCertificateAuthority _authority;
    private readonly Func<SiteCertificateAuthority, WorkloadIdentity> _issue;
    private readonly TimeProvider _time;
    private readonly Lock _renewal = new();
    private WorkloadIdentity _current;
    private WorkloadIdentity? _previous;

    /// <summary>Issues the first identity now.</summary>
    /// <param name="authority">The site CA.</param>
    /// <param name="issue">How to issue this workload's identity (for example <c>ca =&gt; ca.Issue("service", "mep")</c>).</param>
    /// <param name="trustBundle">The CAs to trust; the site CA alone when not given.</param>
    /// <param name="timeProvider">The clock that decides when to renew.</param>
    public CertificateAuthorityIdentitySource(SiteCertificateAuthority authority, Func<SiteCertificateAuthority, WorkloadIdentity> issue, TrustBundle? trustBundle = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(issue);
        _authority = authority;
        _issue = issue;
        _time = timeProvider ?? TimeProvider.System;
        TrustBundle = trustBundle ?? authority.TrustBundle;
        _current = issue(authority);
    }

    /// <inheritdoc/>
    public TrustBundle TrustBundle { get; }

    /// <summary>How many times the identity was renewed.</summary>
    public int Renewals { get; private set; }

    /// <inheritdoc/>
    public WorkloadIdentity Current
    {
        get
        {
            var current = Volatile.Read(ref _current);
            if (!current.IsDueForRenewal(_time.GetUtcNow()))
            {
                return current;
            }

            lock (_renewal)
            {
                if (_current.IsDueForRenewal(_time.GetUtcNow()))
                {
                    _previous?.Dispose();
                    _previous = _current;
                    Volatile.Write(ref _current, _issue(_authority));
                    Renewals++;
                }

                return _current;
            }
        }
    }

    /// <summary>Releases the identities held.</summary>
    public void Dispose()
    {
        _current.Dispose();
        _previous?.Dispose();
    }
}
