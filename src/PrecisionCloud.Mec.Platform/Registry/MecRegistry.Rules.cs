using System.Net;
using System.Net.Sockets;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Platform.Administration;
using PrecisionCloud.Mec.Platform.Storage;
using PrecisionCloud.Security.Tokens;

namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>Traffic and DNS rules, and the provisioning that brings them.</summary>
internal sealed partial class MecRegistry
{
    public IEnumerable<StoredTrafficRule> TrafficRulesOf(string app) =>
        _trafficRules.Values.Where(r => r.AppInstanceId == app).OrderBy(r => r.Rule.TrafficRuleId, StringComparer.Ordinal);

    public StoredTrafficRule? FindTrafficRule(string app, string ruleId) => _trafficRules.GetValueOrDefault(RuleKey(app, ruleId));

    public IEnumerable<StoredDnsRule> DnsRulesOf(string app) =>
        _dnsRules.Values.Where(r => r.AppInstanceId == app).OrderBy(r => r.Rule.DnsRuleId, StringComparer.Ordinal);

    public StoredDnsRule? FindDnsRule(string app, string ruleId) => _dnsRules.GetValueOrDefault(RuleKey(app, ruleId));

    public static string ETagOf(long version) => $"\"{version}\"";

    /// <summary>Changes a traffic rule's state (the only attribute an application may change); ACTIVE takes effect in the data plane first.</summary>
    public Task<Outcome<StoredTrafficRule>> UpdateTrafficRuleAsync(string app, string ruleId, TrafficRule request, string? ifMatch, CancellationToken cancellationToken) =>
        WriteAsync<StoredTrafficRule>(async plan =>
        {
            if (FindTrafficRule(app, ruleId) is not { } current)
            {
                return MecError.NotFound($"traffic rule {ruleId} of application instance {app}");
            }

            if (ifMatch is not null && !ETagMatches(ifMatch, ETagOf(current.Version)))
            {
                return MecError.PreconditionFailed(ETagOf(current.Version));
            }

            if (request.TrafficRuleId != ruleId)
            {
                return MecError.BadRequest("trafficRuleId", $"'{request.TrafficRuleId}' is not the rule updated ({ruleId})");
            }

            if (!Same(request with { State = current.Rule.State }, current.Rule))
            {
                return MecError.BadRequest("state", "only the state of a traffic rule may be changed by PUT; its other attributes come from the application's descriptor");
            }

            if (request.State == current.Rule.State)
            {
                return current;
            }

            var key = RuleKey(app, ruleId);
            if (request.State == RuleState.Active)
            {
                var application = await _traffic.ApplyAsync(app, request, CancellationToken.None).ConfigureAwait(false);
                if (!application.Honoured)
                {
                    return MecError.Conflict($"the data plane cannot honour traffic rule {ruleId}: {application.Reason}");
                }

                plan.OnAbort(() => _traffic.WithdrawAsync(app, ruleId, CancellationToken.None));
            }
            else
            {
                plan.Then(token => _traffic.WithdrawAsync(app, ruleId, token));
            }

            var next = current with { Rule = request, Version = current.Version + 1 };
            plan.Put(MecRecordKind.TrafficRule, key, next, PlatformJsonContext.Default.StoredTrafficRule, () =>
            {
                _trafficRules[key] = next;
                _refusedRules.TryRemove(key, out _);
            });
            return next;
        }, cancellationToken);

    /// <summary>Changes a DNS rule's state (the only attribute an application may change); ACTIVE takes effect in the resolver first.</summary>
    public Task<Outcome<StoredDnsRule>> UpdateDnsRuleAsync(string app, string ruleId, DnsRule request, string? ifMatch, CancellationToken cancellationToken) =>
        WriteAsync<StoredDnsRule>(async plan =>
        {
            if (FindDnsRule(app, ruleId) is not { } current)
            {
                return MecError.NotFound($"DNS rule {ruleId} of application instance {app}");
            }

            if (ifMatch is not null && !ETagMatches(ifMatch, ETagOf(current.Version)))
            {
                return MecError.PreconditionFailed(ETagOf(current.Version));
            }

            if (request.DnsRuleId != ruleId)
            {
                return MecError.BadRequest("dnsRuleId", $"'{request.DnsRuleId}' is not the rule updated ({ruleId})");
            }

            if (request with { State = current.Rule.State } != current.Rule)
            {
                return MecError.BadRequest("state", "only the state of a DNS rule may be changed by PUT; its other attributes come from the application's descriptor");
            }

            if (request.State == current.Rule.State)
            {
                return current;
            }

            var key = RuleKey(app, ruleId);
            if (request.State == RuleState.Active)
            {
                var application = await _dns.ApplyAsync(app, request, CancellationToken.None).ConfigureAwait(false);
                if (!application.Honoured)
                {
                    return MecError.Conflict($"the resolver cannot honour DNS rule {ruleId}: {application.Reason}");
                }

                plan.OnAbort(() => _dns.WithdrawAsync(app, ruleId, CancellationToken.None));
            }
            else
            {
                plan.Then(token => _dns.WithdrawAsync(app, ruleId, token));
            }

            var next = current with { Rule = request, Version = current.Version + 1 };
            plan.Put(MecRecordKind.DnsRule, key, next, PlatformJsonContext.Default.StoredDnsRule, () =>
            {
                _dnsRules[key] = next;
                _refusedRules.TryRemove(key, out _);
            });
            return next;
        }, cancellationToken);

    /// <summary>
    /// Takes (or replaces) an instance's provisioning. Its ACTIVE rules go into effect; a rule the data plane or
    /// resolver cannot honour is stored INACTIVE and reported. Rules no longer provisioned are withdrawn.
    /// </summary>
    public Task<Outcome<(bool Created, AppInstanceStatus Status)>> ProvisionAsync(string app, AppProvisioning provisioning, CancellationToken cancellationToken) =>
        WriteAsync<(bool Created, AppInstanceStatus Status)>(async plan =>
        {
            if (CheckProvisioning(provisioning) is { } invalid)
            {
                return invalid;
            }

            var current = FindApplication(app);
            if (current is { Phase: AppPhase.Terminating })
            {
                return MecError.Conflict($"application instance {app} is terminating");
            }

            var next = current is null
                ? new StoredApplication { AppInstanceId = app, Phase = AppPhase.Provisioned, Provisioning = provisioning }
                : current with { Provisioning = provisioning };
            var credentials = Credentials(plan, app, current, provisioning);
            if (credentials.Error is { } refusedCredentials)
            {
                return refusedCredentials;
            }

            next = next with { ClientRegistration = credentials.Value.Registration };
            plan.Put(MecRecordKind.Application, app, next, PlatformJsonContext.Default.StoredApplication, () => _applications[app] = next);

            List<RefusedRule> refused = [];
            var trafficIds = (provisioning.TrafficRules ?? []).Select(r => r.TrafficRuleId).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in TrafficRulesOf(app).Where(r => !trafficIds.Contains(r.Rule.TrafficRuleId)).ToList())
            {
                RemoveTrafficRule(plan, stale);
            }

            foreach (var rule in provisioning.TrafficRules ?? [])
            {
                var key = RuleKey(app, rule.TrafficRuleId);
                var existing = FindTrafficRule(app, rule.TrafficRuleId);
                var effective = rule;
                if (rule.State == RuleState.Active)
                {
                    var application = await _traffic.ApplyAsync(app, rule, CancellationToken.None).ConfigureAwait(false);
                    if (!application.Honoured)
                    {
                        refused.Add(new RefusedRule(rule.TrafficRuleId, application.Reason!));
                        effective = rule with { State = RuleState.Inactive };
                        plan.Then(token => _traffic.WithdrawAsync(app, rule.TrafficRuleId, token));
                    }
                    else if (existing?.Rule.State != RuleState.Active)
                    {
                        plan.OnAbort(() => _traffic.WithdrawAsync(app, rule.TrafficRuleId, CancellationToken.None));
                    }
                }
                else if (existing?.Rule.State == RuleState.Active)
                {
                    plan.Then(token => _traffic.WithdrawAsync(app, rule.TrafficRuleId, token));
                }

                if (existing is null || !Same(existing.Rule, effective))
                {
                    var stored = new StoredTrafficRule(app, effective, (existing?.Version ?? 0) + 1);
                    plan.Put(MecRecordKind.TrafficRule, key, stored, PlatformJsonContext.Default.StoredTrafficRule, () => _trafficRules[key] = stored);
                }
            }

            var dnsIds = (provisioning.DnsRules ?? []).Select(r => r.DnsRuleId).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in DnsRulesOf(app).Where(r => !dnsIds.Contains(r.Rule.DnsRuleId)).ToList())
            {
                RemoveDnsRule(plan, stale);
            }

            foreach (var rule in provisioning.DnsRules ?? [])
            {
                var key = RuleKey(app, rule.DnsRuleId);
                var existing = FindDnsRule(app, rule.DnsRuleId);
                var effective = rule;
                if (rule.State == RuleState.Active)
                {
                    var application = await _dns.ApplyAsync(app, rule, CancellationToken.None).ConfigureAwait(false);
                    if (!application.Honoured)
                    {
                        refused.Add(new RefusedRule(rule.DnsRuleId, application.Reason!));
                        effective = rule with { State = RuleState.Inactive };
                        plan.Then(token => _dns.WithdrawAsync(app, rule.DnsRuleId, token));
                    }
                    else if (existing?.Rule.State != RuleState.Active)
                    {
                        plan.OnAbort(() => _dns.WithdrawAsync(app, rule.DnsRuleId, CancellationToken.None));
                    }
                }
                else if (existing?.Rule.State == RuleState.Active)
                {
                    plan.Then(token => _dns.WithdrawAsync(app, rule.DnsRuleId, token));
                }

                if (existing is null || existing.Rule != effective)
                {
                    var stored = new StoredDnsRule(app, effective, (existing?.Version ?? 0) + 1);
                    plan.Put(MecRecordKind.DnsRule, key, stored, PlatformJsonContext.Default.StoredDnsRule, () => _dnsRules[key] = stored);
                }
            }

            var status = Status(next) with { RefusedRules = refused.Count > 0 ? refused : null, ClientSecret = credentials.Value.Secret };
            return (current is null, status);
        }, cancellationToken);

    public AppInstanceStatus Status(StoredApplication application) => new()
    {
        AppInstanceId = application.AppInstanceId,
        ClientId = application.Provisioning?.ClientId,
        Phase = application.Phase.ToString().ToUpperInvariant(),
        Provisioning = application.Provisioning,
        Registration = application.Registration,
        Services = _services.Values.Count(s => s.Stored.AppInstanceId == application.AppInstanceId),
        MissingRequiredServices = (application.Provisioning?.AppServiceRequired ?? application.Registration?.AppServiceRequired ?? [])
            .Where(required => !Discover(new ServiceQuery(null, [required.SerName], null, null, null, null)).Any(s => s.Stored.Info.Version == required.Version || required.Version.Length == 0))
            .Select(required => $"{required.SerName} {required.Version}")
            .ToList() is { Count: > 0 } missing ? missing : null,
        RefusedRules = _refusedRules.Where(r => r.Key.StartsWith(application.AppInstanceId + "\n", StringComparison.Ordinal))
            .Select(r => new RefusedRule(r.Key[(application.AppInstanceId.Length + 1)..], r.Value)).ToList() is { Count: > 0 } refused ? refused : null,
    };

    /// <summary>
    /// The instance's OAuth 2.0 client: kept when provisioned before under the same ID, registered (with a new secret)
    /// when new, removed when the provisioning no longer names it.
    /// </summary>
    private Outcome<(string? Registration, string? Secret)> Credentials(Plan plan, string app, StoredApplication? current, AppProvisioning provisioning)
    {
        var authorization = _provider.GetService(typeof(AuthorizationServer)) as AuthorizationServer;
        var previous = current?.Provisioning?.ClientId;
        if (previous is not null && previous != provisioning.ClientId)
        {
            plan.Then(_ =>
            {
                authorization?.Remove(previous);
                return ValueTask.CompletedTask;
            });
        }

        if (provisioning.ClientId is not { } clientId)
        {
            return ((string?)null, (string?)null);
        }

        if (authorization is null)
        {
            return MecError.BadRequest("clientId", "this platform has no authorization server to register the client with (AddPrecisionCloudAuthorizationServer)");
        }

        if (previous == clientId && current?.ClientRegistration is { } kept)
        {
            return (kept, (string?)null);
        }

        if (authorization.ExportRegistration(clientId) is not null)
        {
            return MecError.Conflict($"clientId: '{clientId}' is registered already with the authorization server");
        }

        var secret = authorization.RegisterWithSecret(new OAuthClient
        {
            ClientId = clientId,
            Tenant = provisioning.Tenant ?? "default",
            AppInstance = app,
            Scopes = [MecPlatformOptions.ApplicationSupportScope, MecPlatformOptions.ServiceManagementScope, MecPlatformOptions.LocationScope],
        });
        plan.OnAbort(() =>
        {
            authorization.Remove(clientId);
            return ValueTask.CompletedTask;
        });
        return (authorization.ExportRegistration(clientId), secret);
    }

    private void RemoveRules(Plan plan, string app)
    {
        foreach (var rule in TrafficRulesOf(app).ToList())
        {
            RemoveTrafficRule(plan, rule);
        }

        foreach (var rule in DnsRulesOf(app).ToList())
        {
            RemoveDnsRule(plan, rule);
        }
    }

    private void RemoveTrafficRule(Plan plan, StoredTrafficRule rule)
    {
        var key = RuleKey(rule.AppInstanceId, rule.Rule.TrafficRuleId);
        plan.Remove(MecRecordKind.TrafficRule, key, () =>
        {
            _trafficRules.TryRemove(key, out _);
            _refusedRules.TryRemove(key, out _);
        });
        plan.Then(token => _traffic.WithdrawAsync(rule.AppInstanceId, rule.Rule.TrafficRuleId, token));
    }

    private void RemoveDnsRule(Plan plan, StoredDnsRule rule)
    {
        var key = RuleKey(rule.AppInstanceId, rule.Rule.DnsRuleId);
        plan.Remove(MecRecordKind.DnsRule, key, () =>
        {
            _dnsRules.TryRemove(key, out _);
            _refusedRules.TryRemove(key, out _);
        });
        plan.Then(token => _dns.WithdrawAsync(rule.AppInstanceId, rule.Rule.DnsRuleId, token));
    }

    /// <summary>Puts a stored ACTIVE rule back into effect at start; a refusal is logged and reported in the instance's status.</summary>
    private async Task EnforceAsync(StoredTrafficRule rule, CancellationToken cancellationToken)
    {
        var application = await _traffic.ApplyAsync(rule.AppInstanceId, rule.Rule, cancellationToken).ConfigureAwait(false);
        if (!application.Honoured)
        {
            _refusedRules[RuleKey(rule.AppInstanceId, rule.Rule.TrafficRuleId)] = application.Reason!;
            Log.RuleRefused(_logger, rule.AppInstanceId, rule.Rule.TrafficRuleId, application.Reason!);
        }
    }

    private async Task EnforceAsync(StoredDnsRule rule, CancellationToken cancellationToken)
    {
        var application = await _dns.ApplyAsync(rule.AppInstanceId, rule.Rule, cancellationToken).ConfigureAwait(false);
        if (!application.Honoured)
        {
            _refusedRules[RuleKey(rule.AppInstanceId, rule.Rule.DnsRuleId)] = application.Reason!;
            Log.RuleRefused(_logger, rule.AppInstanceId, rule.Rule.DnsRuleId, application.Reason!);
        }
    }

    private static MecError? CheckProvisioning(AppProvisioning provisioning)
    {
        if (string.IsNullOrWhiteSpace(provisioning.AppName))
        {
            return MecError.BadRequest("appName", "shall not be empty");
        }

        var traffic = provisioning.TrafficRules ?? [];
        for (var i = 0; i < traffic.Count; i++)
        {
            var rule = traffic[i];
            var at = $"trafficRules[{i}]";
            if (string.IsNullOrWhiteSpace(rule.TrafficRuleId))
            {
                return MecError.BadRequest($"{at}.trafficRuleId", "shall not be empty");
            }

            if (traffic.Take(i).Any(r => r.TrafficRuleId == rule.TrafficRuleId))
            {
                return MecError.BadRequest($"{at}.trafficRuleId", $"'{rule.TrafficRuleId}' appears twice");
            }

            if (rule.Priority is < 0 or > 255)
            {
                return MecError.BadRequest($"{at}.priority", "shall be within 0 to 255");
            }

            if (rule.TrafficFilter.Count == 0)
            {
                return MecError.BadRequest($"{at}.trafficFilter", "shall hold at least one filter");
            }

            if (rule.DstInterface?.Count > 2)
            {
                return MecError.BadRequest($"{at}.dstInterface", "holds at most two interfaces");
            }

            var needsInterface = rule.Action is not (TrafficRuleAction.Drop or TrafficRuleAction.Passthrough);
            if (needsInterface && rule.DstInterface is not { Count: > 0 })
            {
                return MecError.BadRequest($"{at}.dstInterface", $"required for action {MecJson.Serialize(rule.Action)}");
            }
        }

        var dns = provisioning.DnsRules ?? [];
        for (var i = 0; i < dns.Count; i++)
        {
            var rule = dns[i];
            var at = $"dnsRules[{i}]";
            if (string.IsNullOrWhiteSpace(rule.DnsRuleId))
            {
                return MecError.BadRequest($"{at}.dnsRuleId", "shall not be empty");
            }

            if (dns.Take(i).Any(r => r.DnsRuleId == rule.DnsRuleId))
            {
                return MecError.BadRequest($"{at}.dnsRuleId", $"'{rule.DnsRuleId}' appears twice");
            }

            if (string.IsNullOrWhiteSpace(rule.DomainName) || rule.DomainName.Length > 253)
            {
                return MecError.BadRequest($"{at}.domainName", "shall be a domain name of 1 to 253 characters");
            }

            var family = rule.IpAddressType == IpAddressType.IpV4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
            if (!IPAddress.TryParse(rule.IpAddress, out var address) || address.AddressFamily != family)
            {
                return MecError.BadRequest($"{at}.ipAddress", $"'{rule.IpAddress}' is not an address of type {MecJson.Serialize(rule.IpAddressType)}");
            }

            if (rule.Ttl is < 0)
            {
                return MecError.BadRequest($"{at}.ttl", "shall not be negative");
            }
        }

        return null;
    }
}
