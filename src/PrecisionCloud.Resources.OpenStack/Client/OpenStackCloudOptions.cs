namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>
/// Where an OpenStack cloud is and who we are in it: the Keystone v3 address, the credentials (password or
/// application credential), the scope (project or domain), the region and the endpoint interface. Read from a
/// <c>clouds.yaml</c> entry or <c>OS_*</c> variables by <see cref="OpenStackCloudConfig"/>, or set directly.
/// </summary>
/// <remarks><see cref="ToString"/> never shows a secret, so the options can be logged.</remarks>
public sealed class OpenStackCloudOptions
{
    /// <summary>Keystone's address, for example <c>https://keystone.example.net:5000/v3</c> (a missing <c>/v3</c> is added).</summary>
    public string? AuthUrl { get; set; }

    /// <summary>The user's name (with <see cref="UserDomainName"/> or <see cref="UserDomainId"/>) for password authentication.</summary>
    public string? Username { get; set; }

    /// <summary>The user's id; takes the place of <see cref="Username"/> and its domain.</summary>
    public string? UserId { get; set; }

    /// <summary>The user's password.</summary>
    public string? Password { get; set; }

    /// <summary>The name of the user's domain (<c>Default</c> when neither it nor <see cref="UserDomainId"/> is set).</summary>
    public string? UserDomainName { get; set; }

    /// <summary>The id of the user's domain.</summary>
    public string? UserDomainId { get; set; }

    /// <summary>The project to scope to, by name (with <see cref="ProjectDomainName"/> or <see cref="ProjectDomainId"/>).</summary>
    public string? ProjectName { get; set; }

    /// <summary>The project to scope to, by id.</summary>
    public string? ProjectId { get; set; }

    /// <summary>The name of the project's domain (<c>Default</c> when neither it nor <see cref="ProjectDomainId"/> is set).</summary>
    public string? ProjectDomainName { get; set; }

    /// <summary>The id of the project's domain.</summary>
    public string? ProjectDomainId { get; set; }

    /// <summary>A domain to scope to by name, when no project is given.</summary>
    public string? DomainName { get; set; }

    /// <summary>A domain to scope to by id, when no project is given.</summary>
    public string? DomainId { get; set; }

    /// <summary>An application credential's id (application credentials carry their own project scope).</summary>
    public string? ApplicationCredentialId { get; set; }

    /// <summary>An application credential's name, with the user who owns it (<see cref="Username"/> or <see cref="UserId"/>).</summary>
    public string? ApplicationCredentialName { get; set; }

    /// <summary>An application credential's secret.</summary>
    public string? ApplicationCredentialSecret { get; set; }

    /// <summary>The region whose endpoints are used; empty takes the first endpoint of a service.</summary>
    public string? RegionName { get; set; }

    /// <summary>The endpoint interface: <c>public</c>, <c>internal</c> or <c>admin</c>.</summary>
    public string Interface { get; set; } = "public";

    /// <summary>Whether TLS certificates are checked; <see langword="false"/> only for test clouds.</summary>
    public bool VerifyTls { get; set; } = true;

    /// <summary>A PEM file of the CA that issued the cloud's certificates (clouds.yaml <c>cacert</c>, <c>OS_CACERT</c>); only it is trusted then.</summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>Whether these are application credentials.</summary>
    public bool IsApplicationCredential =>
        !string.IsNullOrEmpty(ApplicationCredentialSecret) && (!string.IsNullOrEmpty(ApplicationCredentialId) || !string.IsNullOrEmpty(ApplicationCredentialName));

    /// <summary>A copy with the project scope replaced (the credentials and the rest unchanged).</summary>
    /// <param name="projectId">The project to scope to.</param>
    public OpenStackCloudOptions WithProject(string projectId) => new()
    {
        AuthUrl = AuthUrl,
        Username = Username,
        UserId = UserId,
        Password = Password,
        UserDomainName = UserDomainName,
        UserDomainId = UserDomainId,
        ProjectId = projectId,
        ApplicationCredentialId = ApplicationCredentialId,
        ApplicationCredentialName = ApplicationCredentialName,
        ApplicationCredentialSecret = ApplicationCredentialSecret,
        RegionName = RegionName,
        Interface = Interface,
        VerifyTls = VerifyTls,
        CaCertificateFile = CaCertificateFile,
    };

    /// <summary>Says what is missing or inconsistent, or <see langword="null"/> when the options can authenticate.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(AuthUrl) || !Uri.TryCreate(AuthUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return "AuthUrl must be an absolute http(s) address of Keystone";
        }

        if (!string.IsNullOrEmpty(CaCertificateFile) && !File.Exists(CaCertificateFile))
        {
            return $"CaCertificateFile {CaCertificateFile} does not exist";
        }

        if (Interface is not ("public" or "internal" or "admin"))
        {
            return $"Interface '{Interface}' must be public, internal or admin";
        }

        if (IsApplicationCredential)
        {
            return string.IsNullOrEmpty(ApplicationCredentialId) && string.IsNullOrEmpty(Username) && string.IsNullOrEmpty(UserId)
                ? "an application credential given by name needs its user (Username or UserId)"
                : null;
        }

        if (string.IsNullOrEmpty(Password))
        {
            return "give a Password (with Username or UserId) or an application credential (id or name, and secret)";
        }

        return string.IsNullOrEmpty(Username) && string.IsNullOrEmpty(UserId) ? "password authentication needs Username or UserId" : null;
    }

    /// <summary>The address, user, scope and region; never a password or secret.</summary>
    public override string ToString()
    {
        var who = IsApplicationCredential
            ? $"application credential {ApplicationCredentialId ?? ApplicationCredentialName}"
            : $"user {UserId ?? $"{Username}@{UserDomainId ?? UserDomainName ?? "Default"}"}";
        var scope = ProjectId ?? (ProjectName is null ? null : $"{ProjectName}@{ProjectDomainId ?? ProjectDomainName ?? "Default"}");
        return $"{AuthUrl} {who}{(scope is null ? (DomainId ?? DomainName) is { } d ? $" domain {d}" : string.Empty : $" project {scope}")}{(RegionName is null ? string.Empty : $" region {RegionName}")} {Interface}";
    }
}
