using PrecisionCloud.Mec.ApplicationSupport;

namespace PrecisionCloud.Mec.Platform;

/// <summary>Options of the MEC platform (section <c>PrecisionCloud:Mec</c>).</summary>
public sealed class MecPlatformOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "PrecisionCloud:Mec";

    /// <summary>The scope an access token needs for MEC 011 application support.</summary>
    public const string ApplicationSupportScope = "mec_app_support";

    /// <summary>The scope an access token needs for MEC 011 service management.</summary>
    public const string ServiceManagementScope = "mec_service_mgmt";

    /// <summary>The scope an access token needs for MEC 013 location.</summary>
    public const string LocationScope = "mec_location";

    /// <summary>The scope an access token needs for the provisioning (administration) API.</summary>
    public const string AdministrationScope = "mec_platform_mgmt";

    /// <summary>
    /// The scheme, host and port applications reach the platform at (<c>{apiRoot}</c> of every link and
    /// <c>Location</c>). When absent, the first address the server listens on (a wildcard host becomes this
    /// machine's name); requests wait until the server has started and the platform knows it.
    /// </summary>
    public Uri? ApiRoot { get; set; }

    /// <summary>
    /// Relaxes authentication for conformance test suites: requests need no access token, and an application instance
    /// the platform does not know is admitted (registered and ready) on its first request. Never for production.
    /// </summary>
    public bool ConformanceMode { get; set; }

    /// <summary>The SQLite database file of the default store.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "mec-platform.db");

    /// <summary>Whether every commit waits for the disk (survives a power cut; the default survives a killed process).</summary>
    public bool SynchronousCommits { get; set; }

    /// <summary>The longest request URI (path and query) the platform reads; longer ones get 414.</summary>
    public int MaxUriLength { get; set; } = 2048;

    /// <summary>The largest request body the platform reads; larger ones get 413.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>The heartbeat interval, in seconds, for services that support heartbeats but propose none (or propose zero).</summary>
    public int LivenessInterval { get; set; } = 60;

    /// <summary>The shortest heartbeat interval, in seconds, the platform accepts from a proposal.</summary>
    public int MinLivenessInterval { get; set; } = 1;

    /// <summary>Heartbeat intervals without a heartbeat after which a service becomes SUSPENDED.</summary>
    public int MissedHeartbeatsBeforeSuspension { get; set; } = 2;

    /// <summary>The seconds an application gets to finish when it is stopped or terminated.</summary>
    public int MaxGracefulTimeout { get; set; } = 10;

    /// <summary>Whether the platform's clock is locked to a UTC source (answered by <c>timing/current_time</c>).</summary>
    public TimeSourceStatus TimeSourceStatus { get; set; } = TimeSourceStatus.NonTraceable;

    /// <summary>The NTP servers the platform offers applications (<c>timing/timing_caps</c>).</summary>
    public IList<NtpServer> NtpServers { get; } = [];

    /// <summary>The PTP masters the platform offers applications (<c>timing/timing_caps</c>).</summary>
    public IList<PtpMaster> PtpMasters { get; } = [];

    /// <summary>The OAuth 2.0 token endpoint advertised in <c>/transports</c> (the platform's own when it hosts one).</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>How notifications are delivered.</summary>
    public NotificationDeliveryOptions Notifications { get; set; } = new();
}
