using System.Collections;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>
/// Reads a cloud's options the way the OpenStack command line does: a named entry of <c>clouds.yaml</c> (with the
/// secrets <c>secure.yaml</c> beside it may hold), or the <c>OS_*</c> environment variables.
/// </summary>
public static class OpenStackCloudConfig
{
    /// <summary>
    /// The places <c>clouds.yaml</c> is looked for, in order: <c>$OS_CLIENT_CONFIG_FILE</c>, the working directory,
    /// <c>~/.config/openstack</c>, <c>/etc/openstack</c>.
    /// </summary>
    /// <param name="environment">The environment variables; the process's when <see langword="null"/>.</param>
    public static IReadOnlyList<string> CloudsFileCandidates(IReadOnlyDictionary<string, string?>? environment = null)
    {
        environment ??= ProcessEnvironment();
        var candidates = new List<string>();
        if (environment.GetValueOrDefault("OS_CLIENT_CONFIG_FILE") is { Length: > 0 } explicitFile)
        {
            candidates.Add(explicitFile);
        }

        candidates.Add(Path.Combine(Directory.GetCurrentDirectory(), "clouds.yaml"));
        var home = environment.GetValueOrDefault("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(home))
        {
            candidates.Add(Path.Combine(home, ".config", "openstack", "clouds.yaml"));
        }

        candidates.Add("/etc/openstack/clouds.yaml");
        return candidates;
    }

    /// <summary>
    /// The options of a cloud: from <paramref name="cloud"/> (else <c>$OS_CLOUD</c>) in <paramref name="cloudsFile"/>
    /// (else the first of <see cref="CloudsFileCandidates"/> that exists); without a cloud name, from <c>OS_*</c> variables.
    /// </summary>
    /// <param name="cloud">The cloud's name in clouds.yaml, or <see langword="null"/>.</param>
    /// <param name="cloudsFile">The clouds.yaml file, or <see langword="null"/> to search.</param>
    /// <param name="environment">The environment variables; the process's when <see langword="null"/>.</param>
    /// <exception cref="OpenStackException">The file or cloud is missing or malformed, or nothing configures a cloud.</exception>
    public static OpenStackCloudOptions Load(string? cloud = null, string? cloudsFile = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        environment ??= ProcessEnvironment();
        cloud = string.IsNullOrEmpty(cloud) ? environment.GetValueOrDefault("OS_CLOUD") : cloud;
        if (string.IsNullOrEmpty(cloud))
        {
            return FromEnvironment(environment);
        }

        var file = cloudsFile ?? CloudsFileCandidates(environment).FirstOrDefault(File.Exists)
            ?? throw new OpenStackException($"cloud '{cloud}' was asked for but no clouds.yaml exists in {string.Join(", ", CloudsFileCandidates(environment))}");
        return FromCloudsYaml(File.ReadAllText(file), cloud, file, SecureFileBeside(file) is { } secure && File.Exists(secure) ? File.ReadAllText(secure) : null);
    }

    /// <summary>Reads one cloud of a clouds.yaml text, with secrets from a secure.yaml text merged in.</summary>
    /// <param name="yaml">The clouds.yaml text.</param>
    /// <param name="cloud">The cloud's name.</param>
    /// <param name="source">Where the text came from, for messages.</param>
    /// <param name="secureYaml">The secure.yaml text, or <see langword="null"/>.</param>
    /// <exception cref="OpenStackException">The text is not YAML, or has no such cloud.</exception>
    public static OpenStackCloudOptions FromCloudsYaml(string yaml, string cloud, string source = "clouds.yaml", string? secureYaml = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrEmpty(cloud);
        var entry = CloudEntry(yaml, cloud, source)
            ?? throw new OpenStackException($"{source} has no cloud '{cloud}'");
        var options = new OpenStackCloudOptions();
        Apply(options, entry);
        if (secureYaml is not null && CloudEntry(secureYaml, cloud, "secure.yaml") is { } secure)
        {
            Apply(options, secure);
        }

        return options;
    }

    /// <summary>Reads <c>OS_AUTH_URL</c>, <c>OS_USERNAME</c>, <c>OS_PASSWORD</c>, <c>OS_PROJECT_NAME</c>, <c>OS_APPLICATION_CREDENTIAL_ID</c> and the rest.</summary>
    /// <param name="environment">The environment variables; the process's when <see langword="null"/>.</param>
    /// <exception cref="OpenStackException"><c>OS_AUTH_URL</c> is not set.</exception>
    public static OpenStackCloudOptions FromEnvironment(IReadOnlyDictionary<string, string?>? environment = null)
    {
        environment ??= ProcessEnvironment();
        string? Get(string name) => environment.GetValueOrDefault(name) is { Length: > 0 } value ? value : null;
        var options = new OpenStackCloudOptions
        {
            AuthUrl = Get("OS_AUTH_URL") ?? throw new OpenStackException("no cloud is configured: set OS_CLOUD (with a clouds.yaml) or OS_AUTH_URL and the other OS_* variables"),
            Username = Get("OS_USERNAME"),
            UserId = Get("OS_USER_ID"),
            Password = Get("OS_PASSWORD"),
            UserDomainName = Get("OS_USER_DOMAIN_NAME"),
            UserDomainId = Get("OS_USER_DOMAIN_ID"),
            ProjectName = Get("OS_PROJECT_NAME") ?? Get("OS_TENANT_NAME"),
            ProjectId = Get("OS_PROJECT_ID") ?? Get("OS_TENANT_ID"),
            ProjectDomainName = Get("OS_PROJECT_DOMAIN_NAME"),
            ProjectDomainId = Get("OS_PROJECT_DOMAIN_ID"),
            DomainName = Get("OS_DOMAIN_NAME"),
            DomainId = Get("OS_DOMAIN_ID"),
            ApplicationCredentialId = Get("OS_APPLICATION_CREDENTIAL_ID"),
            ApplicationCredentialName = Get("OS_APPLICATION_CREDENTIAL_NAME"),
            ApplicationCredentialSecret = Get("OS_APPLICATION_CREDENTIAL_SECRET"),
            RegionName = Get("OS_REGION_NAME"),
            CaCertificateFile = Get("OS_CACERT"),
            Interface = Get("OS_INTERFACE") ?? Get("OS_ENDPOINT_TYPE")?.Replace("URL", string.Empty, StringComparison.Ordinal) ?? "public",
        };
        if (Get("OS_INSECURE") is { } insecure && (insecure.Equals("true", StringComparison.OrdinalIgnoreCase) || insecure == "1"))
        {
            options.VerifyTls = false;
        }

        return options;
    }

    private static string? SecureFileBeside(string file) => Path.GetDirectoryName(Path.GetFullPath(file)) is { } directory ? Path.Combine(directory, "secure.yaml") : null;

    private static YamlMappingNode? CloudEntry(string yaml, string cloud, string source)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException exception)
        {
            throw new OpenStackException($"{source} is not valid YAML: {exception.Message}", exception);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("clouds"), out var clouds) || clouds is not YamlMappingNode cloudMap)
        {
            return null;
        }

        return cloudMap.Children.TryGetValue(new YamlScalarNode(cloud), out var entry) ? entry as YamlMappingNode : null;
    }

    private static void Apply(OpenStackCloudOptions options, YamlMappingNode entry)
    {
        string? Scalar(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

        if (entry.Children.TryGetValue(new YamlScalarNode("auth"), out var authNode) && authNode is YamlMappingNode auth)
        {
            options.AuthUrl = Scalar(auth, "auth_url") ?? options.AuthUrl;
            options.Username = Scalar(auth, "username") ?? options.Username;
            options.UserId = Scalar(auth, "user_id") ?? options.UserId;
            options.Password = Scalar(auth, "password") ?? options.Password;
            options.UserDomainName = Scalar(auth, "user_domain_name") ?? options.UserDomainName;
            options.UserDomainId = Scalar(auth, "user_domain_id") ?? options.UserDomainId;
            options.ProjectName = Scalar(auth, "project_name") ?? Scalar(auth, "tenant_name") ?? options.ProjectName;
            options.ProjectId = Scalar(auth, "project_id") ?? Scalar(auth, "tenant_id") ?? options.ProjectId;
            options.ProjectDomainName = Scalar(auth, "project_domain_name") ?? options.ProjectDomainName;
            options.ProjectDomainId = Scalar(auth, "project_domain_id") ?? options.ProjectDomainId;
            options.DomainName = Scalar(auth, "domain_name") ?? options.DomainName;
            options.DomainId = Scalar(auth, "domain_id") ?? options.DomainId;
            options.ApplicationCredentialId = Scalar(auth, "application_credential_id") ?? options.ApplicationCredentialId;
            options.ApplicationCredentialName = Scalar(auth, "application_credential_name") ?? options.ApplicationCredentialName;
            options.ApplicationCredentialSecret = Scalar(auth, "application_credential_secret") ?? options.ApplicationCredentialSecret;
        }

        options.RegionName = Scalar(entry, "region_name") ?? options.RegionName;
        options.Interface = Scalar(entry, "interface") ?? options.Interface;
        options.CaCertificateFile = Scalar(entry, "cacert") ?? options.CaCertificateFile;
        if (Scalar(entry, "verify") is { } verify)
        {
            // "verify" is true, false, or (as in requests) the path of a CA bundle.
            if (verify.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                options.VerifyTls = false;
            }
            else if (!verify.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                options.CaCertificateFile = verify;
            }
        }
    }

    private static Dictionary<string, string?> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
}
