using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PrecisionCloud.Mec.Platform.Http;
using PrecisionCloud.Mec.Platform.Registry;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.Platform.ServiceManagement;

/// <summary>ETSI GS MEC 011 service management (<c>mec_service_mgmt/v1</c>): discovery, transports, services, subscriptions and liveness.</summary>
internal static class ServiceManagementEndpoints
{
    private const string Base = MecLinks.ServiceManagementBase;
    private const string Scope = MecPlatformOptions.ServiceManagementScope;

    public static void Map(MecRoutes routes)
    {
        routes.Resource(Base + "/services", Scope, (HttpMethods.Get, DiscoverAsync));
        routes.Resource(Base + "/services/{serviceId}", Scope, (HttpMethods.Get, GetOfferedAsync));
        routes.Resource(Base + "/transports", scope: null, (HttpMethods.Get, TransportsAsync));
        routes.Resource(Base + "/applications/{appInstanceId}/services", Scope, (HttpMethods.Get, ListOwnAsync), (HttpMethods.Post, CreateAsync));
        routes.Resource(Base + "/applications/{appInstanceId}/services/{serviceId}", Scope,
            (HttpMethods.Get, GetOwnAsync), (HttpMethods.Put, UpdateAsync), (HttpMethods.Delete, DeleteAsync));
        routes.Resource(Base + "/applications/{appInstanceId}/services/{serviceId}/liveness", Scope,
            (HttpMethods.Get, LivenessAsync), (HttpMethods.Patch, HeartbeatAsync));
        routes.Resource(Base + "/applications/{appInstanceId}/subscriptions", Scope, (HttpMethods.Get, SubscriptionsAsync), (HttpMethods.Post, SubscribeAsync));
        routes.Resource(Base + "/applications/{appInstanceId}/subscriptions/{subscriptionId}", Scope,
            (HttpMethods.Get, SubscriptionAsync), (HttpMethods.Delete, UnsubscribeAsync));
    }

    private static Task DiscoverAsync(HttpContext context, MecRegistry registry)
    {
        var query = Query(context);
        return query.Error is { } error
            ? MecHttp.ProblemAsync(context, error)
            : MecHttp.WriteArrayAsync(context, registry.Discover(query.Value!).Select(e => e.Json));
    }

    private static Task GetOfferedAsync(HttpContext context, MecRegistry registry) =>
        registry.FindOffered(Route(context, "serviceId")) is { } entry
            ? WriteEntryAsync(context, registry, entry, StatusCodes.Status200OK)
            : MecHttp.ProblemAsync(context, MecError.NotFound($"service {Route(context, "serviceId")}"));

    private static Task TransportsAsync(HttpContext context, MecRegistry registry) =>
        MecHttp.WriteAsync<IReadOnlyList<TransportInfo>>(context, StatusCodes.Status200OK, [registry.PlatformTransport], MecJsonTypes.TransportInfos);

    private static Task ListOwnAsync(HttpContext context, MecRegistry registry)
    {
        var app = Route(context, "appInstanceId");
        if (!registry.IsKnownOrAdmitted(app))
        {
            return MecHttp.ProblemAsync(context, MecError.NotFound($"application instance {app}"));
        }

        var query = Query(context);
        return query.Error is { } error
            ? MecHttp.ProblemAsync(context, error)
            : MecHttp.WriteArrayAsync(context, registry.ServicesOf(app, query.Value!).Select(e => e.Json));
    }

    private static async Task CreateAsync(HttpContext context, MecRegistry registry)
    {
        var body = await MecHttp.ReadAsync(context, MecJsonTypes.ServiceInfo, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var outcome = body.Error is null ? await registry.CreateServiceAsync(Route(context, "appInstanceId"), body.Value!, context.RequestAborted).ConfigureAwait(false) : body.Error;
        await (outcome.Error is { } error ? MecHttp.ProblemAsync(context, error) : WriteEntryAsync(context, registry, outcome.Value!, StatusCodes.Status201Created)).ConfigureAwait(false);
    }

    private static Task GetOwnAsync(HttpContext context, MecRegistry registry) =>
        registry.FindOwned(Route(context, "appInstanceId"), Route(context, "serviceId")) is { } entry
            ? WriteEntryAsync(context, registry, entry, StatusCodes.Status200OK)
            : MecHttp.ProblemAsync(context, MecError.NotFound($"service {Route(context, "serviceId")} of application instance {Route(context, "appInstanceId")}"));

    private static async Task UpdateAsync(HttpContext context, MecRegistry registry)
    {
        var body = await MecHttp.ReadAsync(context, MecJsonTypes.ServiceInfo, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var outcome = body.Error is null
            ? await registry.UpdateServiceAsync(Route(context, "appInstanceId"), Route(context, "serviceId"), body.Value!, MecHttp.IfMatch(context), context.RequestAborted).ConfigureAwait(false)
            : body.Error;
        await (outcome.Error is { } error ? MecHttp.ProblemAsync(context, error) : WriteEntryAsync(context, registry, outcome.Value!, StatusCodes.Status200OK)).ConfigureAwait(false);
    }

    private static async Task DeleteAsync(HttpContext context, MecRegistry registry)
    {
        var outcome = await registry.DeleteServiceAsync(Route(context, "appInstanceId"), Route(context, "serviceId"), context.RequestAborted).ConfigureAwait(false);
        await (outcome.Error is { } error ? MecHttp.ProblemAsync(context, error) : MecHttp.NoContent(context)).ConfigureAwait(false);
    }

    private static Task LivenessAsync(HttpContext context, MecRegistry registry)
    {
        var liveness = registry.Liveness(Route(context, "appInstanceId"), Route(context, "serviceId"));
        return liveness.Error is { } error
            ? MecHttp.ProblemAsync(context, error)
            : MecHttp.WriteAsync(context, StatusCodes.Status200OK, liveness.Value!, MecJsonTypes.LivenessInfo);
    }

    private static async Task HeartbeatAsync(HttpContext context, MecRegistry registry)
    {
        var body = await MecHttp.ReadAsync(context, MecJsonTypes.LivenessUpdate, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var outcome = body.Error is null
            ? await registry.HeartbeatAsync(Route(context, "appInstanceId"), Route(context, "serviceId"), body.Value!, context.RequestAborted).ConfigureAwait(false)
            : body.Error;
        if (outcome.Error is { } error)
        {
            await MecHttp.ProblemAsync(context, error).ConfigureAwait(false);
        }
        else if (outcome.Value.Changed)
        {
            await MecHttp.WriteAsync(context, StatusCodes.Status200OK, outcome.Value.Info, MecJsonTypes.LivenessInfo).ConfigureAwait(false);
        }
        else
        {
            await MecHttp.NoContent(context).ConfigureAwait(false);
        }
    }

    private static Task SubscriptionsAsync(HttpContext context, MecRegistry registry)
    {
        var app = Route(context, "appInstanceId");
        return MecHttp.SubscriptionListAsync(context, registry, app, registry.Links.ServiceSubscriptions(app),
            registry.ServiceSubscriptionsOf(app).Select(s => new SubscriptionLink(s.Subscription.Links!.Self.Href, s.Subscription.SubscriptionType)));
    }

    private static async Task SubscribeAsync(HttpContext context, MecRegistry registry)
    {
        var body = await MecHttp.ReadAsync(context, MecJsonTypes.ServiceSubscription, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var outcome = body.Error is null ? await registry.SubscribeToServicesAsync(Route(context, "appInstanceId"), body.Value!, context.RequestAborted).ConfigureAwait(false) : body.Error;
        await (outcome.Error is { } error
            ? MecHttp.ProblemAsync(context, error)
            : MecHttp.WriteAsync(context, StatusCodes.Status201Created, outcome.Value!.Subscription, MecJsonTypes.ServiceSubscription, location: outcome.Value.Subscription.Links!.Self.Href)).ConfigureAwait(false);
    }

    private static Task SubscriptionAsync(HttpContext context, MecRegistry registry) =>
        registry.FindServiceSubscription(Route(context, "appInstanceId"), Route(context, "subscriptionId")) is { } subscription
            ? MecHttp.WriteAsync(context, StatusCodes.Status200OK, subscription.Subscription, MecJsonTypes.ServiceSubscription)
            : MecHttp.ProblemAsync(context, MecError.NotFound($"subscription {Route(context, "subscriptionId")} of application instance {Route(context, "appInstanceId")}"));

    private static async Task UnsubscribeAsync(HttpContext context, MecRegistry registry)
    {
        var outcome = await registry.UnsubscribeFromServicesAsync(Route(context, "appInstanceId"), Route(context, "subscriptionId"), context.RequestAborted).ConfigureAwait(false);
        await (outcome.Error is { } error ? MecHttp.ProblemAsync(context, error) : MecHttp.NoContent(context)).ConfigureAwait(false);
    }

    private static async Task WriteEntryAsync(HttpContext context, MecRegistry registry, ServiceEntry entry, int status)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = MecHttp.Json;
        response.Headers.ETag = entry.ETag;
        if (status == StatusCodes.Status201Created)
        {
            response.Headers.Location = registry.Links.Service(entry.Stored.AppInstanceId, entry.Id);
        }

        await response.Body.WriteAsync(entry.Json, context.RequestAborted).ConfigureAwait(false);
    }

    private static string Route(HttpContext context, string name) => MecHttp.Route(context, name);

    /// <summary>The discovery filters of the query (lists as repeated parameters or comma separated, per GS MEC 009 clause 6.19).</summary>
    private static Outcome<ServiceQuery> Query(HttpContext context)
    {
        var query = context.Request.Query;
        var ids = MecHttp.Values(query["ser_instance_id"]);
        var names = MecHttp.Values(query["ser_name"]);
        var category = query["ser_category_id"] is { Count: > 0 } c ? c.ToString() : null;
        if (new[] { ids is not null, names is not null, category is not null }.Count(present => present) > 1)
        {
            return MecError.BadRequest("ser_instance_id, ser_name, ser_category_id", "mutually exclusive: give at most one");
        }

        LocalityType? scope = null;
        if (query["scope_of_locality"] is { Count: > 0 } scopeText)
        {
            try
            {
                scope = JsonSerializer.Deserialize($"\"{scopeText}\"", MecJson.Options.GetTypeInfo(typeof(LocalityType))) as LocalityType?;
            }
            catch (JsonException)
            {
                return MecError.BadRequest("scope_of_locality", $"'{scopeText}' is not a LocalityType (MEC_SYSTEM, MEC_HOST, NFVI_POP, ZONE, ZONE_GROUP, NFVI_NODE)");
            }
        }

        bool? consumedLocalOnly = null;
        if (query["consumed_local_only"] is { Count: > 0 } consumedText)
        {
            if (!bool.TryParse(consumedText, out var consumed))
            {
                return MecError.BadRequest("consumed_local_only", $"'{consumedText}' is not true or false");
            }

            consumedLocalOnly = consumed;
        }

        bool? isLocal = null;
        if (query["is_local"] is { Count: > 0 } localText)
        {
            if (!bool.TryParse(localText, out var local))
            {
                return MecError.BadRequest("is_local", $"'{localText}' is not true or false");
            }

            isLocal = local;
        }

        return new ServiceQuery(ids, names, category, scope, consumedLocalOnly, isLocal);
    }
}
