using PrecisionCloud.Resources.OpenStack.Client;

namespace PrecisionCloud.Resources.OpenStack.Tests.Client;

public sealed class OpenStackCloudConfigTests
{
    private const string Clouds = """
        clouds:
          production:
            auth:
              auth_url: https://keystone.example.net:5000/v3
              username: orchestrator
              project_name: edge
              user_domain_name: Operators
              project_domain_id: default
            region_name: Paris
            interface: internal
          ci:
            auth:
              auth_url: http://127.0.0.1:5000
              application_credential_id: 8d2
              application_credential_secret: topsecret
            verify: false
        """;

    [Fact]
    public void A_clouds_yaml_entry_gives_the_address_credentials_scope_region_and_interface_with_secrets_from_secure_yaml()
    {
        var secure = """
            clouds:
              production:
                auth:
                  password: from-secure-yaml
            """;

        var options = OpenStackCloudConfig.FromCloudsYaml(Clouds, "production", "clouds.yaml", secure);

        Assert.Equal(("https://keystone.example.net:5000/v3", "orchestrator", "from-secure-yaml", "edge", "Operators", "default", "Paris", "internal"),
            (options.AuthUrl, options.Username, options.Password, options.ProjectName, options.UserDomainName, options.ProjectDomainId, options.RegionName, options.Interface));
        Assert.Null(options.Validate());
        var ci = OpenStackCloudConfig.FromCloudsYaml(Clouds, "ci");
        var bundle = OpenStackCloudConfig.FromCloudsYaml("clouds:\n  x:\n    auth: {auth_url: 'https://k:5000/v3'}\n    verify: /etc/ssl/operator-ca.pem\n", "x");
        Assert.Equal((true, "/etc/ssl/operator-ca.pem"), (bundle.VerifyTls, bundle.CaCertificateFile));
        Assert.Equal("/etc/ca.pem", OpenStackCloudConfig.FromCloudsYaml("clouds:\n  x:\n    cacert: /etc/ca.pem\n", "x").CaCertificateFile);
        Assert.True(ci.IsApplicationCredential);
        Assert.False(ci.VerifyTls);
        Assert.DoesNotContain("topsecret", ci.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_cloud_or_broken_yaml_is_a_clear_error()
    {
        Assert.Contains("has no cloud 'staging'", Assert.Throws<OpenStackException>(() => OpenStackCloudConfig.FromCloudsYaml(Clouds, "staging")).Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", Assert.Throws<OpenStackException>(() => OpenStackCloudConfig.FromCloudsYaml("clouds: [unclosed", "x")).Message, StringComparison.Ordinal);
        Assert.Contains("OS_CLOUD", Assert.Throws<OpenStackException>(() => OpenStackCloudConfig.Load(environment: new Dictionary<string, string?>())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Os_variables_configure_a_cloud_and_os_cloud_picks_a_clouds_yaml_entry()
    {
        var fromVariables = OpenStackCloudConfig.Load(environment: new Dictionary<string, string?>
        {
            ["OS_AUTH_URL"] = "http://keystone:5000/v3",
            ["OS_USERNAME"] = "demo",
            ["OS_PASSWORD"] = "pw",
            ["OS_PROJECT_NAME"] = "demo",
            ["OS_USER_DOMAIN_NAME"] = "Default",
            ["OS_REGION_NAME"] = "RegionOne",
            ["OS_ENDPOINT_TYPE"] = "internalURL",
            ["OS_INSECURE"] = "true",
        });
        Assert.Equal(("demo", "demo", "RegionOne", "internal", false), (fromVariables.Username, fromVariables.ProjectName, fromVariables.RegionName, fromVariables.Interface, fromVariables.VerifyTls));

        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, Clouds);
            var picked = OpenStackCloudConfig.Load(environment: new Dictionary<string, string?> { ["OS_CLOUD"] = "production", ["OS_CLIENT_CONFIG_FILE"] = file });
            Assert.Equal("orchestrator", picked.Username);
            Assert.Equal(file, OpenStackCloudConfig.CloudsFileCandidates(new Dictionary<string, string?> { ["OS_CLIENT_CONFIG_FILE"] = file, ["HOME"] = "/home/x" })[0]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
