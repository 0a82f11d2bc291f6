using Microsoft.AspNetCore.Http;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Platform.Http;
using PrecisionCloud.Mec.Platform.Registry;

namespace PrecisionCloud.Mec.Platform.ApplicationSupport;

/// <summary>ETSI GS MEC 011 application support (<c>mec_app_support/v2</c>): registrations, readiness, termination, rules and timing.</summary>
internal static class ApplicationSupportEndpoints
{
    private const string Base = MecLinks.ApplicationSupportBase;
    private const string Scope = MecPlatformOptions.ApplicationSupportScope;

    public static void Map(MecRoutes routes)
    {
        routes.Resource(Base + "/registrations", Scope, (HttpMethods.Post, RegisterAsync));
        routes.Resource(Base + "/registrations/{appInstanceId}", Scope,
            (HttpMethods.Get, RegistrationAsync), (HttpMethods.Put, UpdateRegistrationAsync), (HttpMethods.Delete, DeregisterAsync));
        routes.Resource(Base + "/applications/{appInstanceId}/confirm_ready", Scope, (HttpMethods.Post, ConfirmReadyAsync));
        routes.Resource(Base + "/applications/{appInstanceId}/confirm_termination", Scope, (HttpMethods.Post, ConfirmTerminationAsync));
        routes.Resource(Base + "/applications/{appInstanceId}/subscriptions", Scope, (HttpMethods.Get, SubscriptionsAsync), (HttpMethods.Post, SubscribeAsync));
        routes.Resource(Base + "/applications/{appInstanceId}/subscriptions/{subscriptionId}", Scope,
            (HttpMethods.Get, SubscriptionAsync), (HttpMethods.Delete, UnsubscribeAsync));
        routes.Resource(Base + "/applications/{appInstanceId}/traffic_rules", Scope, (HttpMethods.Get, TrafficRulesAsync));
        routes.Resource(Base + "/applications/{appInstanceId}/traffic_rules/{trafficRuleId}", Scope,
            (HttpMethods.Get, TrafficRuleAsync), (HttpMethods.Put, UpdateTrafficRuleAsync));
        routes.Resource(Base + "/applications/{appInstanceId}/dns_rules", Scope, (HttpMethods.Get, DnsRulesAsync));
        routes.Resource(Base + "/applications/{appInstanceId}/dns_rules/{dnsRuleId}", Scope,
            (HttpMethods.Get, DnsRuleAsync), (HttpMethods.Put, UpdateDnsRuleAsync));
        routes.Resource(Base + "/timing/timing_caps", Scope, (HttpMethods.Get, TimingCapsAsync));
        routes.Resource(Base + "/timing/current_time", Scope, (HttpMethods.Get, CurrentTimeAsync));
    }

    private static async Task RegisterAsync(HttpContext context, MecRegistry registry)
    {
        var body = await MecHttp.ReadAsync(context, MecJsonTypes.AppInfo, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        if (body.Error is { } invalid)
        {
            await MecHttp.ProblemAsync(context, invalid).ConfigureAwait(false);
            return;
        }

        // An application authenticates as its instance: it registers that instance and no other.
        var request = body.Value!;
        var caller = MecCaller.Of(context);
        if (caller.AppInstanceId is { } own)
        {
            if (request.AppInstanceId is { } named && named != own)
            {
                await MecHttp.ProblemAsync(context, MecError.Forbidden($"appInstanceId: the access token is for application instance {own}, not {named}")).ConfigureAwait(false);
                return;
            }

            request = request with { AppInstanceId = own };
        }

        // A provisioned instance with its own OAuth client registers only as that client.
        if (caller is { IsManagement: false, ClientId: { } client } && request.AppInstanceId is { } target
            && registry.FindApplication(target)?.Provisioning?.ClientId is { } provisionedClient && provisionedClient != client)
        {
            await MecHttp.ProblemAsync(context, MecError.Forbidden($"appInstanceId: {target} is provisioned for client {provisionedClient}, not {client}")).ConfigureAwait(false);
            return;
        }

        var outcome = await registry.RegisterAsync(request, context.RequestAborted).ConfigureAwait(false);
        await (outcome.Error is { } error
            ? MecHttp.ProblemAsync(context, error)
            : MecHttp.WriteAsync(context, StatusCodes.Status201Created, outcome.Value!.Registration!, MecJsonTypes.AppInfo, location: registry.Links.Registration(outcome.Value.AppInstanceId))).ConfigureAwait(false);
    }

    private static Task RegistrationAsync(HttpContext context, MecRegistry registry) =>
        registry.FindApplication(Route(context, "appInstanceId")) is { Registration: { } registration }
            ? MecHttp.WriteAsync(context, StatusCodes.Status200OK, registration, MecJsonTypes.AppInfo)
            : MecHttp.ProblemAsync(context, MecError.NotFound($"registration of application instance {Route(context, "appInstanceId")}"));

    private static async Task UpdateRegistrationAsync(HttpContext context, MecRegistry registry)
    {
        var body = await MecHttp.ReadAsync(context, MecJsonTypes.AppInfo, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var outcome = body.Error is null ? await registry.UpdateRegistrationAsync(Route(context, "appInstanceId"), body.Value!, context.RequestAborted).ConfigureAwait(false) : body.Error;
        await (outcome.Error is { } error
            ? MecHttp.ProblemAsync(context, error)
            : MecHttp.WriteAsync(context, StatusCodes.Status200OK, outcome.Value!.Registration!, MecJsonTypes.AppInfo)).ConfigureAwait(false);
    }

    private static async Task DeregisterAsync(HttpContext context, MecRegistry registry)
    {
        var outcome = await registry.DeregisterAsync(Route(context, "appInstanceId"), context.RequestAborted).ConfigureAwait(false);
        await (outcome.Error is { } error ? MecHttp.ProblemAsync(context, error) : MecHttp.NoContent(context)).ConfigureAwait(false);
    }

    private static async Task ConfirmReadyAsync(HttpContext context, MecRegistry registry)
    {
        var body = await MecHttp.ReadAsync(context, MecJsonTypes.ReadyConfirmation, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var outcome = body.Error is null ? await registry.ConfirmReadyAsync(Route(context, "appInstanceId"), body.Value!, context.RequestAborted).ConfigureAwait(false) : body.Error;
        await (outcome.Error is { } error ? MecHttp.ProblemAsync(context, error) : MecHttp.NoContent(context)).ConfigureAwait(false);
    }

    private static async Task ConfirmTerminationAsync(HttpContext context, MecRegistry registry)
    {
        var body = await MecHttp.ReadAsync(context, MecJsonTypes.TerminationConfirmation, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var outcome = body.Error is null ? await registry.ConfirmTerminationAsync(Route(context, "appInstanceId"), body.Value!, context.RequestAborted).ConfigureAwait(false) : body.Error;
        await (outcome.Error is { } error ? MecHttp.ProblemAsync(context, error) : MecHttp.NoContent(context)).ConfigureAwait(false);
    }

    private static Task SubscriptionsAsync(HttpContext context, MecRegistry registry)
    {
        var app = Route(context, "appInstanceId");
        return MecHttp.SubscriptionListAsync(context, registry, app, registry.Links.TerminationSubscriptions(app),
            registry.TerminationSubscriptionsOf(app).Select(s => new SubscriptionLink(s.Subscription.Links!.Self.Href, s.Subscription.SubscriptionType)));
    }

    private static async Task SubscribeAsync(HttpContext context, MecRegistry registry)
    {
        var body = await MecHttp.ReadAsync(context, MecJsonTypes.TerminationSubscription, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var outcome = body.Error is null ? await registry.SubscribeToTerminationAsync(Route(context, "appInstanceId"), body.Value!, context.RequestAborted).ConfigureAwait(false) : body.Error;
        await (outcome.Error is { } error
            ? MecHttp.ProblemAsync(context, error)
            : MecHttp.WriteAsync(context, StatusCodes.Status201Created, outcome.Value!.Subscription, MecJsonTypes.TerminationSubscription, location: outcome.Value.Subscription.Links!.Self.Href)).ConfigureAwait(false);
    }

    private static Task SubscriptionAsync(HttpContext context, MecRegistry registry) =>
        registry.FindTerminationSubscription(Route(context, "appInstanceId"), Route(context, "subscriptionId")) is { } subscription
            ? MecHttp.WriteAsync(context, StatusCodes.Status200OK, subscription.Subscription, MecJsonTypes.TerminationSubscription)
            : MecHttp.ProblemAsync(context, MecError.NotFound($"subscription {Route(context, "subscriptionId")} of application instance {Route(context, "appInstanceId")}"));

    private static async Task UnsubscribeAsync(HttpContext context, MecRegistry registry)
    {
        var outcome = await registry.UnsubscribeFromTerminationAsync(Route(context, "appInstanceId"), Route(context, "subscriptionId"), context.RequestAborted).ConfigureAwait(false);
        await (outcome.Error is { } error ? MecHttp.ProblemAsync(context, error) : MecHttp.NoContent(context)).ConfigureAwait(false);
    }

    private static Task TrafficRulesAsync(HttpContext context, MecRegistry registry)
    {
        var app = Route(context, "appInstanceId");
        return registry.IsKnownOrAdmitted(app)
            ? MecHttp.WriteAsync<IReadOnlyList<TrafficRule>>(context, StatusCodes.Status200OK, [.. registry.TrafficRulesOf(app).Select(r => r.Rule)], MecJsonTypes.TrafficRules)
            : MecHttp.ProblemAsync(context, MecError.NotFound($"application instance {app}"));
    }

    private static Task TrafficRuleAsync(HttpContext context, MecRegistry registry) =>
        registry.FindTrafficRule(Route(context, "appInstanceId"), Route(context, "trafficRuleId")) is { } rule
            ? MecHttp.WriteAsync(context, StatusCodes.Status200OK, rule.Rule, MecJsonTypes.TrafficRule, MecRegistry.ETagOf(rule.Version))
            : MecHttp.ProblemAsync(context, MecError.NotFound($"traffic rule {Route(context, "trafficRuleId")} of application instance {Route(context, "appInstanceId")}"));

    private static async Task UpdateTrafficRuleAsync(HttpContext context, MecRegistry registry)
    {
        var body = await MecHttp.ReadAsync(context, MecJsonTypes.TrafficRule, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var outcome = body.Error is null
            ? await registry.UpdateTrafficRuleAsync(Route(context, "appInstanceId"), Route(context, "trafficRuleId"), body.Value!, MecHttp.IfMatch(context), context.RequestAborted).ConfigureAwait(false)
            : body.Error;
        await (outcome.Error is { } error
            ? MecHttp.ProblemAsync(context, error)
            : MecHttp.WriteAsync(context, StatusCodes.Status200OK, outcome.Value!.Rule, MecJsonTypes.TrafficRule, MecRegistry.ETagOf(outcome.Value.Version))).ConfigureAwait(false);
    }

    private static Task DnsRulesAsync(HttpContext context, MecRegistry registry)
    {
        var app = Route(context, "appInstanceId");
        return registry.IsKnownOrAdmitted(app)
            ? MecHttp.WriteAsync<IReadOnlyList<DnsRule>>(context, StatusCodes.Status200OK, [.. registry.DnsRulesOf(app).Select(r => r.Rule)], MecJsonTypes.DnsRules)
            : MecHttp.ProblemAsync(context, MecError.NotFound($"application instance {app}"));
    }

    private static Task DnsRuleAsync(HttpContext context, MecRegistry registry) =>
        registry.FindDnsRule(Route(context, "appInstanceId"), Route(context, "dnsRuleId")) is { } rule
            ? MecHttp.WriteAsync(context, StatusCodes.Status200OK, rule.Rule, MecJsonTypes.DnsRule, MecRegistry.ETagOf(rule.Version))
            : MecHttp.ProblemAsync(context, MecError.NotFound($"DNS rule {Route(context, "dnsRuleId")} of application instance {Route(context, "appInstanceId")}"));

    private static async Task UpdateDnsRuleAsync(HttpContext context, MecRegistry registry)
    {
        var body = await MecHttp.ReadAsync(context, MecJsonTypes.DnsRule, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var outcome = body.Error is null
            ? await registry.UpdateDnsRuleAsync(Route(context, "appInstanceId"), Route(context, "dnsRuleId"), body.Value!, MecHttp.IfMatch(context), context.RequestAborted).ConfigureAwait(false)
            : body.Error;
        await (outcome.Error is { } error
            ? MecHttp.ProblemAsync(context, error)
            : MecHttp.WriteAsync(context, StatusCodes.Status200OK, outcome.Value!.Rule, MecJsonTypes.DnsRule, MecRegistry.ETagOf(outcome.Value.Version))).ConfigureAwait(false);
    }

    private static Task TimingCapsAsync(HttpContext context, MecRegistry registry) =>
        MecHttp.WriteAsync(context, StatusCodes.Status200OK, new TimingCaps
        {
            TimeStamp = TimeStamp.From(TimeProvider.System.GetUtcNow()),
            NtpServers = registry.Options.NtpServers.Count > 0 ? [.. registry.Options.NtpServers] : null,
            PtpMasters = registry.Options.PtpMasters.Count > 0 ? [.. registry.Options.PtpMasters] : null,
        }, MecJsonTypes.TimingCaps);

    private static Task CurrentTimeAsync(HttpContext context, MecRegistry registry)
    {
        var now = TimeStamp.From(TimeProvider.System.GetUtcNow());
        return MecHttp.WriteAsync(context, StatusCodes.Status200OK, new CurrentTime(now.Seconds, now.NanoSeconds, registry.Options.TimeSourceStatus), MecJsonTypes.CurrentTime);
    }

    private static string Route(HttpContext context, string name) => MecHttp.Route(context, name);
}
