using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.OpenStack.Client;

namespace PrecisionCloud.Resources.OpenStack;

/// <summary>Options of the OpenStack provider, bound from <c>PrecisionCloud:Resources:OpenStack</c>.</summary>
public sealed class OpenStackProviderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "PrecisionCloud:Resources:OpenStack";

    /// <summary>The provider's name in the site; it also marks what the provider owns in the cloud.</summary>
    public string Name { get; set; } = "openstack";

    /// <summary>
    /// The cloud's name in <c>clouds.yaml</c> (else <c>$OS_CLOUD</c>); used when <see cref="Auth"/> has no
    /// <c>AuthUrl</c>. With neither, the <c>OS_*</c> variables are read.
    /// </summary>
    public string? Cloud { get; set; }

    /// <summary>The <c>clouds.yaml</c> file; empty searches the standard places.</summary>
    public string? CloudsFile { get; set; }

    /// <summary>The cloud given directly (address, credentials, scope, region, interface); wins over <see cref="Cloud"/> when it has an <c>AuthUrl</c>.</summary>
    public OpenStackCloudOptions Auth { get; set; } = new();

    /// <summary>Timeouts, retries, token refresh and page sizes.</summary>
    public OpenStackClientOptions Client { get; set; } = new();

    /// <summary>
    /// Whether each tenant is a Keystone project of its own (with its quotas and members). Needs password
    /// credentials of a user allowed to create projects; with an application credential set it to
    /// <see langword="false"/>, and every tenant shares the credential's project.
    /// </summary>
    public bool ProjectPerTenant { get; set; } = true;

    /// <summary>The prefix of tenant projects (<c>pc-</c> makes tenant <c>acme</c> the project <c>pc-acme</c>).</summary>
    public string ProjectPrefix { get; set; } = "pc-";

    /// <summary>The domain tenant projects and their members are in.</summary>
    public string Domain { get; set; } = "Default";

    /// <summary>
    /// The role the provider's own user takes on each tenant project, to act in it. <c>admin</c> lets it boot on
    /// the node placement chose; with a lesser role, set <see cref="PinToNode"/> to <see langword="false"/>.
    /// </summary>
    public string ProviderRole { get; set; } = "admin";

    /// <summary>The role a tenant member gets (members whose role is <c>viewer</c> get <see cref="ViewerRole"/>).</summary>
    public string MemberRole { get; set; } = "member";

    /// <summary>The role a tenant's viewers get.</summary>
    public string ViewerRole { get; set; } = "reader";

    /// <summary>Whether a server boots on the compute host placement chose (Nova microversion 2.74, an administrator's right), rather than where Nova's scheduler puts it.</summary>
    public bool PinToNode { get; set; } = true;

    /// <summary>Whether a flavor that fits the demand exactly is created when no existing one fits (an administrator's right).</summary>
    public bool CreateFlavors { get; set; } = true;

    /// <summary>The policy of the server groups that carry anti-affinity groups: <c>anti-affinity</c> or <c>soft-anti-affinity</c>.</summary>
    public string AntiAffinityPolicy { get; set; } = "anti-affinity";

    /// <summary>How long a server may take to become ACTIVE before the apply returns it as still creating.</summary>
    public TimeSpan BootTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long deletions and volume state changes are awaited.</summary>
    public TimeSpan StateTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The site the cloud's compute nodes are at.</summary>
    public string Site { get; set; } = "default";

    /// <summary>The strictest latency class the cloud's nodes serve.</summary>
    public LatencyClass LatencyClass { get; set; } = LatencyClass.Regional;
}
