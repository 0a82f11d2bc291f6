using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PrecisionCloud.Resources;
using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Hosting.Resources;

/// <summary>
/// The unified resource API over HTTP, under <c>/resources/v1</c>: providers, tenants and, per tenant, networks,
/// security policies, volumes and workloads (PUT to create or change, GET, DELETE), a workload's placement
/// explained without applying it, its logs, and a watch stream of changes (newline-delimited JSON, resumable by
/// revision). Errors are RFC 7807 problem details: 400 invalid, 401 without a valid token, 403 over quota or
/// without the scope, 404 unknown, 409 conflict, 410 watch expired, 422 not placeable (with the decision).
/// </summary>
internal static class ResourceEndpoints
{
    public const string Root = "/resources/v1";
    private const string Json = "application/json";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Root);
        Get(api, "/providers", c => Ok(Manager(c).DescribeProviders()));
        Post(api, "/reconcile", async c => Ok(await Manager(c).ReconcileAsync(c.RequestAborted).ConfigureAwait(false)));
        Get(api, "/workloads", c => Ok(Manager(c).ListWorkloads()));
        api.MapGet("/watch", c => Guarded(c, Watch));

        Get(api, "/tenants", c => Ok(Manager(c).ListTenants()));
        Get(api, "/tenants/{tenant}", c => Found(Manager(c).GetTenant(Route(c, "tenant")), "tenant", Route(c, "tenant")));
        Put(api, "/tenants/{tenant}", c => Apply(c.Request, ResourceJson.ReadTenantSpec,
            spec => spec.Name == Route(c, "tenant") ? null : "name", spec => Manager(c).ApplyTenantAsync(spec, c.RequestAborted)));
        Remove(api, "/tenants/{tenant}", c => Delete(() => Manager(c).DeleteTenantAsync(Route(c, "tenant"), c.RequestAborted)));

        MapKind(api, "networks", ResourceJson.ReadNetworkSpec, s => (s.Tenant, s.Name), (m, s, ct) => m.ApplyNetworkAsync(s, ct),
            (m, t, n) => m.GetNetwork(t, n), (m, t) => m.ListNetworks(t), (m, t, n, ct) => m.DeleteNetworkAsync(t, n, ct));
        MapKind(api, "securitypolicies", ResourceJson.ReadSecurityPolicySpec, s => (s.Tenant, s.Name), (m, s, ct) => m.ApplySecurityPolicyAsync(s, ct),
            (m, t, n) => m.GetSecurityPolicy(t, n), (m, t) => m.ListSecurityPolicies(t), (m, t, n, ct) => m.DeleteSecurityPolicyAsync(t, n, ct));
        MapKind(api, "volumes", ResourceJson.ReadVolumeSpec, s => (s.Tenant, s.Name), (m, s, ct) => m.ApplyVolumeAsync(s, ct),
            (m, t, n) => m.GetVolume(t, n), (m, t) => m.ListVolumes(t), (m, t, n, ct) => m.DeleteVolumeAsync(t, n, ct));
        MapKind(api, "workloads", ResourceJson.ReadWorkloadSpec, s => (s.Tenant, s.Name), (m, s, ct) => m.ApplyWorkloadAsync(s, ct),
            (m, t, n) => m.GetWorkload(t, n), (m, t) => m.ListWorkloads(t), (m, t, n, ct) => m.DeleteWorkloadAsync(t, n, ct));

        Post(api, "/tenants/{tenant}/workloads/{name}/placement", c => Apply(c.Request, ResourceJson.ReadWorkloadSpec,
            spec => spec.Tenant != Route(c, "tenant") ? "tenant" : spec.Name != Route(c, "name") ? "name" : null,
            spec => Task.FromResult<object>(Manager(c).ExplainPlacement(spec))));
        GetAsync(api, "/tenants/{tenant}/workloads/{name}/logs", Logs);
    }

    private static void MapKind<TSpec>(
        RouteGroupBuilder api, string kind, Func<string, TSpec> read, Func<TSpec, (string Tenant, string Name)> keyOf,
        Func<ResourceManager, TSpec, CancellationToken, Task> apply, Func<ResourceManager, string, string, object?> get,
        Func<ResourceManager, string, object> list, Func<ResourceManager, string, string, CancellationToken, Task> delete)
    {
        var path = $"/tenants/{{tenant}}/{kind}";
        Get(api, path, c => Ok(list(Manager(c), Route(c, "tenant"))));
        Get(api, path + "/{name}", c => Found(get(Manager(c), Route(c, "tenant"), Route(c, "name")), kind, $"{Route(c, "tenant")}/{Route(c, "name")}"));
        Put(api, path + "/{name}", c => Apply(c.Request, read,
            spec => keyOf(spec).Tenant != Route(c, "tenant") ? "tenant" : keyOf(spec).Name != Route(c, "name") ? "name" : null,
            async spec =>
            {
                await apply(Manager(c), spec, c.RequestAborted).ConfigureAwait(false);
                return get(Manager(c), Route(c, "tenant"), Route(c, "name"))!;
            }));
        Remove(api, path + "/{name}", c => Delete(() => delete(Manager(c), Route(c, "tenant"), Route(c, "name"), c.RequestAborted)));
    }

    private static void Get(IEndpointRouteBuilder api, string path, Func<HttpContext, IResult> handler)
    {
        Task<IResult> Run(HttpContext context) => Task.FromResult(handler(context));
        api.MapGet(path, c => Respond(c, Run));
    }

    private static void GetAsync(IEndpointRouteBuilder api, string path, Func<HttpContext, Task<IResult>> handler) => api.MapGet(path, c => Respond(c, handler));

    private static void Post(IEndpointRouteBuilder api, string path, Func<HttpContext, Task<IResult>> handler) => api.MapPost(path, c => Respond(c, handler));

    private static void Put(IEndpointRouteBuilder api, string path, Func<HttpContext, Task<IResult>> handler) => api.MapPut(path, c => Respond(c, handler));

    private static void Remove(IEndpointRouteBuilder api, string path, Func<HttpContext, Task<IResult>> handler) => api.MapDelete(path, c => Respond(c, handler));

    private static Task Respond(HttpContext context, Func<HttpContext, Task<IResult>> handler) => Guarded(context, async c => await (await handler(c).ConfigureAwait(false)).ExecuteAsync(c).ConfigureAwait(false));

    // With authentication configured, a token decides: the administration scope reaches everything, the tenant scope
    // its own tenant's resources. Without it, only callers on this host may use the API.
    private static async Task Guarded(HttpContext context, Func<HttpContext, Task> handler)
    {
        var schemes = context.RequestServices.GetService<IAuthenticationSchemeProvider>();
        if (schemes is null || await schemes.GetDefaultAuthenticateSchemeAsync().ConfigureAwait(false) is null)
        {
            if (context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
            {
                await handler(context).ConfigureAwait(false);
                return;
            }

            await Problem(HttpStatusCode.Forbidden, "LoopbackOnly", "the resources API answers callers on this host only until the site authenticates its callers").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var authentication = await context.AuthenticateAsync().ConfigureAwait(false);
        if (!authentication.Succeeded)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problem(HttpStatusCode.Unauthorized, "Unauthorized", "Authorization: a valid access token with the resources or resources_admin scope is required").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var principal = authentication.Principal!;
        var scopes = principal.FindAll("scope").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (!scopes.Contains(ResourceApiScopes.Administration))
        {
            var tenant = context.Request.RouteValues["tenant"] as string;
            // The tenant itself (PUT, DELETE) and everything outside tenants is administration.
            var tenantItself = tenant is not null && (context.Request.Path.Value ?? string.Empty).TrimEnd('/').EndsWith("/tenants/" + tenant, StringComparison.Ordinal);
            var adminOnly = tenant is null || (tenantItself && !HttpMethods.IsGet(context.Request.Method));
            var reason = !scopes.Contains(ResourceApiScopes.Tenant) ? $"scope: the access token lacks '{ResourceApiScopes.Tenant}'"
                : adminOnly ? $"scope: this needs '{ResourceApiScopes.Administration}'"
                : principal.FindFirst("tenant")?.Value != tenant ? $"tenant: the access token is for tenant '{principal.FindFirst("tenant")?.Value}', not '{tenant}'"
                : MemberRefusal(Manager(context), tenant!, principal.FindFirst("sub")?.Value, context.Request.Method);
            if (reason is not null)
            {
                await Problem(HttpStatusCode.Forbidden, "Forbidden", reason).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
        }

        await handler(context).ConfigureAwait(false);
    }

    // A tenant that lists members admits only them; a viewer reads. A tenant without members admits its tenant's tokens.
    private static string? MemberRefusal(ResourceManager manager, string tenant, string? subject, string method)
    {
        var members = manager.GetTenant(tenant)?.Spec.Members ?? [];
        if (members.Count == 0)
        {
            return null;
        }

        var member = members.FirstOrDefault(m => m.Subject == subject);
        return member is null ? $"tenant: '{subject}' is not a member of tenant '{tenant}'"
            : string.Equals(member.Role, ResourceApiScopes.ViewerRole, StringComparison.Ordinal) && !HttpMethods.IsGet(method) ? $"role: '{subject}' is a {member.Role} of tenant '{tenant}' and only reads"
            : null;
    }

    private static ResourceManager Manager(HttpContext context) => context.RequestServices.GetRequiredService<ResourceManager>();

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? string.Empty;

    private static async Task<IResult> Apply<TSpec, TResult>(HttpRequest request, Func<string, TSpec> read, Func<TSpec, string?> mismatch, Func<TSpec, Task<TResult>> apply)
        where TResult : notnull
    {
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        try
        {
            var spec = read(body);
            if (mismatch(spec) is { } field)
            {
                return Problem(HttpStatusCode.BadRequest, "Invalid", $"{field}: differs from the path");
            }

            return Ok(await apply(spec).ConfigureAwait(false));
        }
        catch (ResourceException exception)
        {
            return Failure(exception);
        }
    }

    private static async Task<IResult> Delete(Func<Task> delete)
    {
        try
        {
            await delete().ConfigureAwait(false);
            return Results.Accepted();
        }
        catch (ResourceException exception)
        {
            return Failure(exception);
        }
    }

    private static async Task<IResult> Logs(HttpContext context)
    {
        var manager = Manager(context);
        var (tenant, name) = (Route(context, "tenant"), Route(context, "name"));
        var replica = int.TryParse(context.Request.Query["replica"], System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : (int?)null;
        var bytes = int.TryParse(context.Request.Query["bytes"], System.Globalization.CultureInfo.InvariantCulture, out var b) ? b : (int?)null;
        var cancellationToken = context.RequestAborted;
        var workload = manager.GetWorkload(tenant, name);
        if (workload is null)
        {
            return Problem(HttpStatusCode.NotFound, "NotFound", $"workload '{tenant}/{name}' not found");
        }

        if (manager.Providers.FirstOrDefault(p => p.Name == workload.Status.Provider) is not IWorkloadLogSource source)
        {
            return Problem(HttpStatusCode.NotFound, "NoLogs", $"provider '{workload.Status.Provider}' keeps no logs");
        }

        var log = await source.ReadLogAsync(workload.Uid, replica ?? 0, Math.Clamp(bytes ?? 65536, 1, 16 * 1024 * 1024), cancellationToken).ConfigureAwait(false);
        return log is null ? Problem(HttpStatusCode.NotFound, "NoLogs", $"replica {replica ?? 0} of '{tenant}/{name}' has no log yet") : Results.Text(log, "text/plain");
    }

    private static async Task Watch(HttpContext context)
    {
        var manager = Manager(context);
        var after = long.TryParse(context.Request.Query["after"], System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : (long?)null;
        var response = context.Response;
        var enumerator = manager.WatchAsync(after ?? -1, context.RequestAborted).GetAsyncEnumerator(context.RequestAborted);
        try
        {
            bool first;
            try
            {
                first = await enumerator.MoveNextAsync().ConfigureAwait(false);
            }
            catch (ResourceWatchExpiredException exception)
            {
                await Failure(exception).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            response.ContentType = "application/x-ndjson";
            await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
            for (var more = first; more; more = await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                await response.WriteAsync(ResourceJson.Serialize(enumerator.Current) + "\n", context.RequestAborted).ConfigureAwait(false);
                await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
        catch (ResourceWatchExpiredException)
        {
            // The watcher fell behind: the stream ends and the client lists again.
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static IResult Failure(ResourceException exception) => exception switch
    {
        ResourceValidationException invalid => Problem(HttpStatusCode.BadRequest, "Invalid", invalid.Message, ("field", invalid.Field)),
        PrecisionCloud.Resources.Tenancy.QuotaExceededException quota => Problem(HttpStatusCode.Forbidden, "QuotaExceeded", quota.Message,
            ("resource", quota.Resource.ToString()), ("limit", quota.Limit), ("inUse", quota.InUse), ("requested", quota.Requested)),
        ResourceNotFoundException missing => Problem(HttpStatusCode.NotFound, "NotFound", missing.Message),
        ResourceConflictException conflict => Problem(HttpStatusCode.Conflict, "Conflict", conflict.Message),
        ResourceWatchExpiredException expired => Problem(HttpStatusCode.Gone, "WatchExpired", expired.Message),
        PlacementFailedException unplaceable => Problem(HttpStatusCode.UnprocessableEntity, "NotPlaceable", unplaceable.Message,
            ("decision", System.Text.Json.JsonDocument.Parse(ResourceJson.Serialize(unplaceable.Decision)).RootElement.Clone())),
        _ => Problem(HttpStatusCode.InternalServerError, "Error", exception.Message),
    };

    private static IResult Problem(HttpStatusCode status, string type, string detail, params (string Key, object? Value)[] extensions) => Results.Problem(
        detail: detail,
        statusCode: (int)status,
        title: type,
        type: "https://precisioncloud.dev/problems/resources/" + type,
        extensions: extensions.ToDictionary(e => e.Key, e => e.Value));

    private static IResult Ok(object value) => Results.Text(ResourceJson.Serialize(value), Json);

    private static IResult Found(object? value, string kind, string key) =>
        value is null ? Problem(HttpStatusCode.NotFound, "NotFound", $"{kind} '{key}' not found") : Ok(value);
}
