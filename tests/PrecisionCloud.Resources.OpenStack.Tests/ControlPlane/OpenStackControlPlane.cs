using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrecisionCloud.Resources.OpenStack.Client;

namespace PrecisionCloud.Resources.OpenStack.Tests.ControlPlane;

/// <summary>
/// The real OpenStack control plane the integration tests run against: the one tools/openstack/up.sh brings up on
/// loopback (its clouds.yaml), or the clouds.yaml that PRECISIONCLOUD_OPENSTACK_CLOUDS names. A test that finds no
/// control plane fails and says how to start one; it never passes silently.
/// </summary>
internal static class OpenStackControlPlane
{
    public const string CloudsVariable = "PRECISIONCLOUD_OPENSTACK_CLOUDS";
    public const string DefaultCloudsFile = "/var/lib/precisioncloud-openstack/clouds.yaml";

    public static string CloudsFile => Environment.GetEnvironmentVariable(CloudsVariable) is { Length: > 0 } file ? file : DefaultCloudsFile;

    /// <summary>The cloud's options for one of its clouds.yaml entries, after checking that Keystone answers.</summary>
    public static async Task<OpenStackCloudOptions> CloudAsync(string cloud = "precisioncloud-admin")
    {
        if (!File.Exists(CloudsFile))
        {
            Assert.Fail($"no OpenStack control plane: {CloudsFile} does not exist. Run tools/openstack/install.sh once and tools/openstack/up.sh (.ci/run does both), or set {CloudsVariable} to the clouds.yaml of another test cloud.");
        }

        var options = OpenStackCloudConfig.Load(cloud, CloudsFile, new Dictionary<string, string?>());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(new Uri(options.AuthUrl!));
        }
        catch (HttpRequestException exception)
        {
            Assert.Fail($"no OpenStack control plane: Keystone at {options.AuthUrl} does not answer ({exception.Message}). Start it with tools/openstack/up.sh (.ci/run does).");
        }

        return options;
    }

    public static async Task<OpenStackClient> ClientAsync(string cloud = "precisioncloud-admin", OpenStackClientOptions? options = null) =>
        new(await CloudAsync(cloud), options ?? new OpenStackClientOptions { PollInterval = TimeSpan.FromMilliseconds(250) });

    /// <summary>A provider with a name and project prefix of its own, so concurrent tests never see each other's objects.</summary>
    public static async Task<OpenStackProvider> ProviderAsync(Action<OpenStackProviderOptions>? configure = null)
    {
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var options = new OpenStackProviderOptions
        {
            Name = "pctest-" + suffix,
            ProjectPrefix = $"pct{suffix}-",
            Auth = await CloudAsync(),
            Client = new OpenStackClientOptions { PollInterval = TimeSpan.FromMilliseconds(250) },
            BootTimeout = TimeSpan.FromMinutes(2),
            StateTimeout = TimeSpan.FromMinutes(1),
        };
        configure?.Invoke(options);
        return new OpenStackProvider(Options.Create(options), NullLogger<OpenStackProvider>.Instance, null, null);
    }
}
