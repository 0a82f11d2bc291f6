namespace PrecisionCloud.Mec.Platform.Http;

/// <summary>The URIs of the platform's resources, in the shape conformance suites expect: <c>{apiRoot}/{apiName}/{apiVersion}/...</c>.</summary>
internal sealed class MecLinks
{
    public const string ServiceManagementBase = "/mec_service_mgmt/v1";
    public const string ApplicationSupportBase = "/mec_app_support/v2";
    public const string AdministrationBase = "/mec_platform_mgmt/v1";
    public const string LocationBase = "/location/v3";

    private readonly string _root;

    public MecLinks(Uri apiRoot)
    {
        _root = apiRoot.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public string Root => _root;

    public string Service(string app, string service) => $"{_root}{ServiceManagementBase}/applications/{E(app)}/services/{E(service)}";

    public string Liveness(string app, string service) => Service(app, service) + "/liveness";

    public string ServiceSubscriptions(string app) => $"{_root}{ServiceManagementBase}/applications/{E(app)}/subscriptions";

    public string ServiceSubscription(string app, string subscription) => $"{ServiceSubscriptions(app)}/{E(subscription)}";

    public string Registration(string app) => $"{_root}{ApplicationSupportBase}/registrations/{E(app)}";

    public string TerminationSubscriptions(string app) => $"{_root}{ApplicationSupportBase}/applications/{E(app)}/subscriptions";

    public string TerminationSubscription(string app, string subscription) => $"{TerminationSubscriptions(app)}/{E(subscription)}";

    public string ConfirmTermination(string app) => $"{_root}{ApplicationSupportBase}/applications/{E(app)}/confirm_termination";

    public string TrafficRule(string app, string rule) => $"{_root}{ApplicationSupportBase}/applications/{E(app)}/traffic_rules/{E(rule)}";

    public string DnsRule(string app, string rule) => $"{_root}{ApplicationSupportBase}/applications/{E(app)}/dns_rules/{E(rule)}";

    public string AppInstance(string app) => $"{_root}{AdministrationBase}/app_instances/{E(app)}";

    public string Location(string resource) => $"{_root}{LocationBase}/{resource}";

    public string Transports => $"{_root}{ServiceManagementBase}/transports";

    private static string E(string segment) => Uri.EscapeDataString(segment);
}
