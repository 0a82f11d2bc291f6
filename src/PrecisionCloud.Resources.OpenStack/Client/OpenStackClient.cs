using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PrecisionCloud.Resources.OpenStack.Services;

namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>
/// A connection to an OpenStack cloud: one Keystone session and the services of its catalog. <see cref="ForProject"/>
/// gives a client scoped to another project with the same password credentials, sharing the HTTP connections.
/// </summary>
public sealed class OpenStackClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly OpenStackClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OpenStackMetrics? _metrics;
    private readonly ConcurrentDictionary<string, Lazy<OpenStackClient>> _projects;

    /// <summary>Creates a client; nothing is sent until a service is used.</summary>
    /// <param name="cloud">Where the cloud is and the credentials.</param>
    /// <param name="options">Timeouts, retries and page sizes; the defaults when <see langword="null"/>.</param>
    /// <param name="logger">The logger; it never receives a secret or a token.</param>
    /// <param name="metrics">Metrics, or <see langword="null"/>.</param>
    /// <param name="http">An HTTP client to use (not disposed), or <see langword="null"/> for one of the client's own.</param>
    /// <param name="time">The clock; the system's when <see langword="null"/>.</param>
    public OpenStackClient(OpenStackCloudOptions cloud, OpenStackClientOptions? options = null, ILogger? logger = null, OpenStackMetrics? metrics = null, HttpClient? http = null, TimeProvider? time = null)
        : this(cloud, options ?? new OpenStackClientOptions(), logger ?? NullLogger.Instance, metrics, http ?? CreateHttpClient(cloud), http is null, time ?? TimeProvider.System, new ConcurrentDictionary<string, Lazy<OpenStackClient>>(StringComparer.Ordinal))
    {
    }

    private OpenStackClient(OpenStackCloudOptions cloud, OpenStackClientOptions options, ILogger logger, OpenStackMetrics? metrics, HttpClient http, bool ownsHttp, TimeProvider time, ConcurrentDictionary<string, Lazy<OpenStackClient>> projects)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        if (options.Validate() is { } problem)
        {
            throw new OpenStackException($"the client's options are out of range: {problem}");
        }

        _http = http;
        _ownsHttp = ownsHttp;
        _options = options;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _projects = projects;
        Session = new KeystoneSession(http, cloud, options, time, logger);
        var transport = new OpenStackTransport(http, Session, options, time, logger, metrics);
        Compute = new ComputeService(transport);
        Network = new NetworkService(transport);
        BlockStorage = new BlockStorageService(transport);
        Image = new ImageService(transport);
        Placement = new PlacementService(transport);
        Identity = new IdentityService(transport);
        BareMetal = new BareMetalService(transport);
    }

    /// <summary>The Keystone session: the token and its catalog.</summary>
    public KeystoneSession Session { get; }

    /// <summary>Nova.</summary>
    public ComputeService Compute { get; }

    /// <summary>Neutron.</summary>
    public NetworkService Network { get; }

    /// <summary>Cinder.</summary>
    public BlockStorageService BlockStorage { get; }

    /// <summary>Glance.</summary>
    public ImageService Image { get; }

    /// <summary>Placement.</summary>
    public PlacementService Placement { get; }

    /// <summary>Keystone administration.</summary>
    public IdentityService Identity { get; }

    /// <summary>Ironic, where present.</summary>
    public BareMetalService BareMetal { get; }

    /// <summary>
    /// A client scoped to another project with the same user and password (kept, and reused, per project). The user
    /// needs a role on that project.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <exception cref="OpenStackException">The credentials are an application credential, which cannot change scope.</exception>
    public OpenStackClient ForProject(string projectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectId);
        if (Session.Cloud.IsApplicationCredential)
        {
            throw new OpenStackException("an application credential is bound to its own project and cannot be scoped to another; use password credentials to manage several projects");
        }

        return _projects.GetOrAdd(projectId, id => new Lazy<OpenStackClient>(() =>
            new OpenStackClient(Session.Cloud.WithProject(id), _options, _logger, _metrics, _http, false, _time, _projects))).Value;
    }

    /// <summary>Forgets the client of a project (after the project was deleted).</summary>
    /// <param name="projectId">The project.</param>
    public void ForgetProject(string projectId) => _projects.TryRemove(projectId, out _);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static HttpClient CreateHttpClient(OpenStackCloudOptions cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = System.Net.DecompressionMethods.All };
        if (cloud.VerifyTls && !string.IsNullOrEmpty(cloud.CaCertificateFile))
        {
            var roots = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
            roots.ImportFromPemFile(cloud.CaCertificateFile);
            var policy = new System.Security.Cryptography.X509Certificates.X509ChainPolicy { TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust };
            policy.CustomTrustStore.AddRange(roots);
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        if (!cloud.VerifyTls)
        {
            // Only on the operator's explicit request (clouds.yaml "verify: false", OS_INSECURE): test clouds with self-signed certificates.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        // Each request has its own timeout (OpenStackClientOptions.RequestTimeout); uploads may take longer than the default.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
