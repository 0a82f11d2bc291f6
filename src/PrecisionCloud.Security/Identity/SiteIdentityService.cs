using Microsoft.Extensions.Hosting;
using PrecisionCloud.Security.Sealing;

namespace PrecisionCloud.Security.Identity;

/// <summary>
/// A host's workload identity from the site CA: the CA is opened (or created) and the identity issued when the
/// host starts, before its endpoints listen, and renewed when due. Registered by
/// <c>AddPrecisionCloudWorkloadIdentity</c>.
/// </summary>
public sealed class SiteIdentityService : IWorkloadIdentitySource, IHostedService, IDisposable
{
    private readonly CertificateAuthorityOptions _options;
    private readonly ISecretSealer _sealer;
    private readonly TimeProvider _time;
    private readonly string _kind;
    private readonly string _name;
    private SiteCertificateAuthority? _authority;
    private CertificateAuthorityIdentitySource? _source;

    /// <summary>An identity of <paramref name="kind"/> <paramref name="name"/> at the configured site.</summary>
    /// <param name="options">The site CA.</param>
    /// <param name="sealer">Seals the CA's key.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="kind">The kind of workload.</param>
    /// <param name="name">The workload's name.</param>
    public SiteIdentityService(CertificateAuthorityOptions options, ISecretSealer sealer, TimeProvider timeProvider, string kind, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sealer);
        _options = options;
        _sealer = sealer;
        _time = timeProvider ?? TimeProvider.System;
        _kind = kind;
        _name = name;
    }

    /// <summary>The site CA (once started).</summary>
    public SiteCertificateAuthority Authority => _authority ?? throw NotStarted();

    /// <inheritdoc/>
    public WorkloadIdentity Current => (_source ?? throw NotStarted()).Current;

    /// <inheritdoc/>
    public TrustBundle TrustBundle => (_source ?? throw NotStarted()).TrustBundle;

    /// <summary>Opens the CA and issues the identity.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the identity is ready.</returns>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _authority = await SiteCertificateAuthority.OpenAsync(_options, _sealer, _time, cancellationToken).ConfigureAwait(false);
        _source = new CertificateAuthorityIdentitySource(_authority, ca => ca.Issue(_kind, _name), timeProvider: _time);
    }

    /// <summary>Nothing to stop: identities are released on dispose.</summary>
    /// <param name="cancellationToken">Unused.</param>
    /// <returns>A completed task.</returns>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Releases the identities and the CA's key.</summary>
    public void Dispose()
    {
        _source?.Dispose();
        _authority?.Dispose();
    }

    private static InvalidOperationException NotStarted() => new("the site identity is ready once the host has started");
}
