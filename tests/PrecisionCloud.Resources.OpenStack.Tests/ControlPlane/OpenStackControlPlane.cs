using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Tests;

namespace PrecisionCloud.Resources.OpenStack.Tests.ControlPlane;

/// <summary>
/// The real OpenStack control plane the integration tests run against: the one tools/openstack/up.sh brings up on
/// loopback (its clouds.yaml), or the clouds.yaml that PRECISIONCLOUD_OPENSTACK_CLOUDS names. When the loopback one
/// is installed but not running, the first test starts it (once, about a minute) and leaves it running for the next
/// run; tools/openstack/down.sh stops it. A test that finds no control plane fails and says how to get one; it never
/// passes silently.
/// </summary>
internal static class OpenStackControlPlane
{
    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private static string? _startFailure;

    public const string CloudsVariable = "PRECISIONCLOUD_OPENSTACK_CLOUDS";
    public const string DefaultCloudsFile = "/var/lib/precisioncloud-openstack/clouds.yaml";

    public static string CloudsFile => Environment.GetEnvironmentVariable(CloudsVariable) is { Length: > 0 } file ? file : DefaultCloudsFile;

    /// <summary>The cloud's options for one of its clouds.yaml entries, after checking that Keystone answers.</summary>
    public static async Task<OpenStackCloudOptions> CloudAsync(string cloud = "precisioncloud-admin")
    {
        await EnsureRunningAsync();
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

    /// <summary>Starts the loopback control plane with tools/openstack/up.sh when it is installed, not running, and no other cloud was named.</summary>
    private static async Task EnsureRunningAsync()
    {
        if (Environment.GetEnvironmentVariable(CloudsVariable) is { Length: > 0 })
        {
            return;
        }

        await StartGate.WaitAsync();
        try
        {
            if (_startFailure is not null)
            {
                Assert.Fail(_startFailure);
            }

            if (await KeystoneAnswersAsync())
            {
                return;
            }

            if (!File.Exists("/var/lib/precisioncloud-openstack/etc/nova-api-paste.ini"))
            {
                _startFailure = "no OpenStack control plane: its packages are not installed. Run tools/openstack/install.sh as root once (.ci/run does), then run the tests again; they start it.";
                Assert.Fail(_startFailure);
            }

            var up = await ProcessRunner.RunAsync(RepositoryLayout.PathOf("tools", "openstack", "up.sh"), [], TimeSpan.FromMinutes(6));
            if (up.ExitCode != 0 || !await KeystoneAnswersAsync())
            {
                _startFailure = $"no OpenStack control plane: tools/openstack/up.sh failed ({up.ExitCode}): {up.Output[Math.Max(0, up.Output.Length - 2000)..]} {up.Error}";
                Assert.Fail(_startFailure);
            }
        }
        finally
        {
            StartGate.Release();
        }
    }

    private static async Task<bool> KeystoneAnswersAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri("http://127.0.0.1:5000/v3"));
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
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
