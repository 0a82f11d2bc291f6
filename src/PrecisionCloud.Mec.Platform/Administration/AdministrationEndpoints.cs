using Microsoft.AspNetCore.Http;
using PrecisionCloud.Mec.Platform.Http;
using PrecisionCloud.Mec.Platform.Registry;

namespace PrecisionCloud.Mec.Platform.Administration;

/// <summary>
/// The management side of the platform (<c>mec_platform_mgmt/v1</c>, not standardised by ETSI as REST): provisioning
/// of application instances, their termination, and the dead letters of the outbox.
/// </summary>
internal static class AdministrationEndpoints
{
    private const string Base = MecLinks.AdministrationBase;
    private const string Scope = MecPlatformOptions.AdministrationScope;

    public static void Map(MecRoutes routes)
    {
        routes.Resource(Base + "/app_instances", Scope, (HttpMethods.Get, ListAsync));
        routes.Resource(Base + "/app_instances/{appInstanceId}", Scope, (HttpMethods.Get, GetAsync), (HttpMethods.Put, ProvisionAsync));
        routes.Resource(Base + "/app_instances/{appInstanceId}/terminate", Scope, (HttpMethods.Post, TerminateAsync));
        routes.Resource(Base + "/dead_letters", Scope, (HttpMethods.Get, DeadLettersAsync));
    }

    private static Task ListAsync(HttpContext context, MecRegistry registry) =>
        MecHttp.WriteAsync<IReadOnlyList<AppInstanceStatus>>(context, StatusCodes.Status200OK,
            [.. registry.Applications.OrderBy(a => a.AppInstanceId, StringComparer.Ordinal).Select(registry.Status)], PlatformJsonContext.Default.IReadOnlyListAppInstanceStatus);

    private static Task GetAsync(HttpContext context, MecRegistry registry) =>
        registry.FindApplication(Route(context)) is { } application
            ? MecHttp.WriteAsync(context, StatusCodes.Status200OK, registry.Status(application), PlatformJsonContext.Default.AppInstanceStatus)
            : MecHttp.ProblemAsync(context, MecError.NotFound($"application instance {Route(context)}"));

    private static async Task ProvisionAsync(HttpContext context, MecRegistry registry)
    {
        var body = await MecHttp.ReadAsync(context, PlatformJsonContext.Default.AppProvisioning, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var outcome = body.Error is null ? await registry.ProvisionAsync(Route(context), body.Value!, context.RequestAborted).ConfigureAwait(false) : body.Error;
        if (outcome.Error is { } error)
        {
            await MecHttp.ProblemAsync(context, error).ConfigureAwait(false);
            return;
        }

        var (created, status) = outcome.Value;
        await MecHttp.WriteAsync(context, created ? StatusCodes.Status201Created : StatusCodes.Status200OK, status, PlatformJsonContext.Default.AppInstanceStatus,
            location: created ? registry.Links.AppInstance(status.AppInstanceId) : null).ConfigureAwait(false);
    }

    private static async Task TerminateAsync(HttpContext context, MecRegistry registry)
    {
        TerminationRequest request;
        if (context.Request.ContentLength is 0 or null && context.Request.Headers.ContentType.Count == 0)
        {
            request = new TerminationRequest();
        }
        else
        {
            var body = await MecHttp.ReadAsync(context, PlatformJsonContext.Default.TerminationRequest, registry.Options.MaxBodyBytes).ConfigureAwait(false);
            if (body.Error is { } invalid)
            {
                await MecHttp.ProblemAsync(context, invalid).ConfigureAwait(false);
                return;
            }

            request = body.Value!;
        }

        var outcome = await registry.TerminateAsync(Route(context), request, context.RequestAborted).ConfigureAwait(false);
        await (outcome.Error is { } error
            ? MecHttp.ProblemAsync(context, error)
            : MecHttp.WriteAsync(context, StatusCodes.Status202Accepted, registry.Status(outcome.Value!), PlatformJsonContext.Default.AppInstanceStatus)).ConfigureAwait(false);
    }

    private static async Task DeadLettersAsync(HttpContext context, MecRegistry registry)
    {
        var letters = await registry.Store.LoadDeadLettersAsync(context.RequestAborted).ConfigureAwait(false);
        await MecHttp.WriteAsync(context, StatusCodes.Status200OK, letters, PlatformJsonContext.Default.IReadOnlyListDeadLetter).ConfigureAwait(false);
    }

    private static string Route(HttpContext context) => MecHttp.Route(context, "appInstanceId");
}
