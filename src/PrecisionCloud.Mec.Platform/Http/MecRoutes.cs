using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PrecisionCloud.Mec.Platform.Registry;
using PrecisionCloud.Security.Limits;

namespace PrecisionCloud.Mec.Platform.Http;

/// <summary>
/// Maps the platform's resources. Every handler runs behind the same checks, in this order: the platform has loaded
/// its state; 414 for an over-long URI; 406 when the client accepts no JSON; unless in conformance mode, 401 without
/// a valid access token, 403 without the API's scope or for another application instance's resources; 429 over the
/// caller's rate. A method a resource does not have gets 405 with <c>Allow</c>.
/// </summary>
internal sealed class MecRoutes(IEndpointRouteBuilder endpoints)
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Put, HttpMethods.Post, HttpMethods.Patch, HttpMethods.Delete];

    /// <summary>Maps a resource; a null <paramref name="scope"/> makes it public (no token needed, as <c>/transports</c> tells clients where to get one).</summary>
    public void Resource(string pattern, string? scope, params (string Method, Func<HttpContext, MecRegistry, Task> Handler)[] handlers)
    {
        foreach (var (method, handler) in handlers)
        {
            endpoints.MapMethods(pattern, [method], context => GuardedAsync(context, scope, handler)).WithDisplayName($"{method} {pattern}");
        }

        var allowed = string.Join(", ", handlers.Select(h => h.Method));
        var others = Methods.Except(handlers.Select(h => h.Method)).ToArray();
        if (others.Length > 0)
        {
            endpoints.MapMethods(pattern, others, context =>
            {
                context.Response.Headers.Allow = allowed;
                return MecHttp.ProblemAsync(context, 405, "Method Not Allowed", $"{context.Request.Method}: {pattern} allows {allowed}");
            }).WithDisplayName($"405 {pattern}");
        }
    }

    private static async Task GuardedAsync(HttpContext context, string? scope, Func<HttpContext, MecRegistry, Task> handler)
    {
        var services = context.RequestServices;
        await services.GetRequiredService<MecPlatformReadiness>().WaitAsync(context.RequestAborted).ConfigureAwait(false);
        var registry = services.GetRequiredService<MecRegistry>();
        if (MecHttp.CheckRequest(context, registry.Options.MaxUriLength) is { } malformed)
        {
            await MecHttp.ProblemAsync(context, malformed).ConfigureAwait(false);
            return;
        }

        var subject = new RateLimitSubject("conformance", context.Connection.RemoteIpAddress?.ToString() ?? "local");
        if (!registry.Options.ConformanceMode && scope is not null)
        {
            var authentication = await context.AuthenticateAsync().ConfigureAwait(false);
            if (!authentication.Succeeded)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await MecHttp.ProblemAsync(context, 401, "Unauthorized", "Authorization: a valid OAuth 2.0 access token (client credentials, see GET /mec_service_mgmt/v1/transports) is required").ConfigureAwait(false);
                return;
            }

            var principal = authentication.Principal!;
            var scopes = principal.FindAll("scope").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            var management = scopes.Contains(MecPlatformOptions.AdministrationScope);
            if (!scopes.Contains(scope) && !management)
            {
                await MecHttp.ProblemAsync(context, 403, "Forbidden", $"scope: the access token lacks '{scope}'").ConfigureAwait(false);
                return;
            }

            var appInstance = principal.FindFirst("app_instance")?.Value;
            if (context.GetRouteValue("appInstanceId") is string target && !management && appInstance != target)
            {
                await MecHttp.ProblemAsync(context, 403, "Forbidden", $"appInstanceId: the access token is for {(appInstance is null ? "no application instance" : $"application instance {appInstance}")}, not {target}").ConfigureAwait(false);
                return;
            }

            new MecCaller(appInstance, management, principal.FindFirst("client_id")?.Value).Attach(context);
            subject = new RateLimitSubject(principal.FindFirst("tenant")?.Value ?? "default", principal.FindFirst("client_id")?.Value ?? "unknown");
        }

        if (services.GetService<PartitionedRateLimiter<RateLimitSubject>>() is { } limiter)
        {
            using var lease = limiter.AttemptAcquire(subject);
            if (!lease.IsAcquired)
            {
                if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await MecHttp.ProblemAsync(context, 429, "Too Many Requests", $"rate: {subject.Client} of tenant {subject.Tenant} is over its request rate").ConfigureAwait(false);
                return;
            }
        }

        await handler(context, registry).ConfigureAwait(false);
    }
}
