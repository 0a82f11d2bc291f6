using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Models;

namespace PrecisionCloud.Resources.OpenStack.Services;

/// <summary>Keystone administration (API v3): domains, projects, users, roles and role assignments.</summary>
public sealed class IdentityService
{
    private const string Service = "identity";
    private readonly OpenStackTransport _transport;

    internal IdentityService(OpenStackTransport transport) => _transport = transport;

    /// <summary>A domain's id by name, or <see langword="null"/>.</summary>
    /// <param name="name">The domain's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<string?> FindDomainIdAsync(string name, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Get, $"domains?name={Uri.EscapeDataString(name)}"), cancellationToken).ConfigureAwait(false);
        return (response.Body?["domains"] as JsonArray ?? []).Select(d => JsonRead.String(d, "id")).FirstOrDefault();
    }

    /// <summary>Creates a project.</summary>
    /// <param name="name">The name (unique in the domain).</param>
    /// <param name="domainId">The domain.</param>
    /// <param name="description">The description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<KeystoneProject> CreateProjectAsync(string name, string domainId, string description, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["project"] = new JsonObject { ["name"] = name, ["domain_id"] = domainId, ["description"] = description, ["enabled"] = true } };
        var created = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, "projects") { Body = body }, cancellationToken).ConfigureAwait(false);
        return ParseProject(JsonRead.Required(created.Body, "project", Service, "POST /projects"));
    }

    /// <summary>Projects matching a filter (for example <c>domain_id=...</c>).</summary>
    /// <param name="query">Filters as a query string without <c>?</c>, or empty.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<KeystoneProject> ListProjectsAsync(string query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var project in _transport.ListAsync(Service, "projects" + (string.IsNullOrEmpty(query) ? string.Empty : "?" + query), "projects", null, cancellationToken, PageStyle.Whole).ConfigureAwait(false))
        {
            yield return ParseProject(project);
        }
    }

    /// <summary>Changes a project's description.</summary>
    /// <param name="id">The project.</param>
    /// <param name="description">The description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task UpdateProjectDescriptionAsync(string id, string description, CancellationToken cancellationToken) =>
        _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Patch, $"projects/{Uri.EscapeDataString(id)}") { Body = new JsonObject { ["project"] = new JsonObject { ["description"] = description } }, Idempotent = true }, cancellationToken);

    /// <summary>Deletes a project; one already gone counts as deleted.</summary>
    /// <param name="id">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteProjectAsync(string id, CancellationToken cancellationToken) => DeleteAsync($"projects/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>Creates a user.</summary>
    /// <param name="name">The name.</param>
    /// <param name="domainId">The domain.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<KeystoneUser> CreateUserAsync(string name, string domainId, string password, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["user"] = new JsonObject { ["name"] = name, ["domain_id"] = domainId, ["password"] = password, ["enabled"] = true } };
        var created = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, "users") { Body = body }, cancellationToken).ConfigureAwait(false);
        return ParseUser(JsonRead.Required(created.Body, "user", Service, "POST /users"));
    }

    /// <summary>A user by name in a domain, or <see langword="null"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="domainId">The domain.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<KeystoneUser?> FindUserAsync(string name, string domainId, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Get, $"users?name={Uri.EscapeDataString(name)}&domain_id={Uri.EscapeDataString(domainId)}"), cancellationToken).ConfigureAwait(false);
        return (response.Body?["users"] as JsonArray ?? []).OfType<JsonObject>().Select(ParseUser).FirstOrDefault();
    }

    /// <summary>Deletes a user; one already gone counts as deleted.</summary>
    /// <param name="id">The user.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteUserAsync(string id, CancellationToken cancellationToken) => DeleteAsync($"users/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>Every role.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<KeystoneRole>> ListRolesAsync(CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Get, "roles"), cancellationToken).ConfigureAwait(false);
        return [.. (response.Body?["roles"] as JsonArray ?? []).OfType<JsonObject>().Select(r => new KeystoneRole(JsonRead.String(r, "id") ?? string.Empty, JsonRead.String(r, "name") ?? string.Empty))];
    }

    /// <summary>Grants a user a role on a project.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="userId">The user.</param>
    /// <param name="roleId">The role.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task AssignProjectRoleAsync(string projectId, string userId, string roleId, CancellationToken cancellationToken) =>
        _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Put, $"projects/{Uri.EscapeDataString(projectId)}/users/{Uri.EscapeDataString(userId)}/roles/{Uri.EscapeDataString(roleId)}"), cancellationToken);

    /// <summary>Takes a role on a project from a user; one not granted counts as taken.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="userId">The user.</param>
    /// <param name="roleId">The role.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task UnassignProjectRoleAsync(string projectId, string userId, string roleId, CancellationToken cancellationToken) =>
        DeleteAsync($"projects/{Uri.EscapeDataString(projectId)}/users/{Uri.EscapeDataString(userId)}/roles/{Uri.EscapeDataString(roleId)}", cancellationToken);

    /// <summary>The users' role assignments on a project: (user id, role id) pairs.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<(string UserId, string RoleId)>> ListProjectRoleAssignmentsAsync(string projectId, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Get, $"role_assignments?scope.project.id={Uri.EscapeDataString(projectId)}"), cancellationToken).ConfigureAwait(false);
        return [.. (response.Body?["role_assignments"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(a => (User: JsonRead.String(a["user"], "id"), Role: JsonRead.String(a["role"], "id")))
            .Where(a => a.User is not null && a.Role is not null)
            .Select(a => (a.User!, a.Role!))];
    }

    /// <summary>Creates an application credential of a user, for the project the token is scoped to (the caller must be that user).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="name">The credential's name (unique for the user).</param>
    /// <param name="roles">The names of the roles it carries (a subset of the user's on the project), or none for every role of the token.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The credential with its secret, which Keystone shows only now.</returns>
    public async Task<KeystoneApplicationCredential> CreateApplicationCredentialAsync(string userId, string name, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var credential = new JsonObject { ["name"] = name };
        if (roles.Count > 0)
        {
            credential["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)new JsonObject { ["name"] = r })]);
        }

        var body = new JsonObject { ["application_credential"] = credential };
        var created = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, $"users/{Uri.EscapeDataString(userId)}/application_credentials") { Body = body }, cancellationToken).ConfigureAwait(false);
        var made = JsonRead.Required(created.Body, "application_credential", Service, "POST /users/{id}/application_credentials");
        return new KeystoneApplicationCredential(JsonRead.String(made, "id") ?? string.Empty, JsonRead.String(made, "name") ?? name,
            JsonRead.String(made, "secret") ?? string.Empty, JsonRead.String(made, "project_id"));
    }

    /// <summary>Deletes an application credential; one already gone counts as deleted.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="id">The credential.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteApplicationCredentialAsync(string userId, string id, CancellationToken cancellationToken) =>
        DeleteAsync($"users/{Uri.EscapeDataString(userId)}/application_credentials/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>Revokes a token (any token, for an administrator; one's own otherwise).</summary>
    /// <param name="token">The token.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task RevokeTokenAsync(string token, CancellationToken cancellationToken) =>
        _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Delete, "auth/tokens") { Headers = new Dictionary<string, string> { ["X-Subject-Token"] = token } }, cancellationToken);

    private Task<OpenStackResponse?> DeleteAsync(string path, CancellationToken cancellationToken) =>
        _transport.SendUnlessGoneAsync(new OpenStackRequest(Service, HttpMethod.Delete, path), cancellationToken);

    private static KeystoneProject ParseProject(JsonObject project) => new(
        JsonRead.String(project, "id") ?? string.Empty,
        JsonRead.String(project, "name") ?? string.Empty,
        JsonRead.String(project, "domain_id") ?? string.Empty,
        JsonRead.String(project, "description") ?? string.Empty,
        JsonRead.Bool(project, "enabled") ?? true);

    private static KeystoneUser ParseUser(JsonObject user) => new(
        JsonRead.String(user, "id") ?? string.Empty, JsonRead.String(user, "name") ?? string.Empty, JsonRead.String(user, "domain_id") ?? string.Empty);
}
