using System.Collections.Concurrent;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Platform.DataPlane;

namespace PrecisionCloud.Mec.Platform.Tests.Infrastructure;

/// <summary>A data plane and resolver that keep the rules in effect and refuse the actions they are told they cannot do.</summary>
internal sealed class RecordingRuleEnforcer : ITrafficRuleEnforcer, IDnsRuleEnforcer
{
    public ConcurrentDictionary<string, TrafficRule> Traffic { get; } = new();

    public ConcurrentDictionary<string, DnsRule> Dns { get; } = new();

    public HashSet<TrafficRuleAction> Unsupported { get; } = [];

    public ValueTask<RuleApplication> ApplyAsync(string appInstanceId, TrafficRule rule, CancellationToken cancellationToken)
    {
        if (Unsupported.Contains(rule.Action))
        {
            return ValueTask.FromResult(RuleApplication.Refused($"action {rule.Action} is not supported by this data plane"));
        }

        Traffic[appInstanceId + "/" + rule.TrafficRuleId] = rule;
        return ValueTask.FromResult(RuleApplication.InEffect);
    }

    public ValueTask<RuleApplication> ApplyAsync(string appInstanceId, DnsRule rule, CancellationToken cancellationToken)
    {
        Dns[appInstanceId + "/" + rule.DnsRuleId] = rule;
        return ValueTask.FromResult(RuleApplication.InEffect);
    }

    public ValueTask WithdrawAsync(string appInstanceId, string ruleId, CancellationToken cancellationToken)
    {
        Traffic.TryRemove(appInstanceId + "/" + ruleId, out _);
        Dns.TryRemove(appInstanceId + "/" + ruleId, out _);
        return ValueTask.CompletedTask;
    }
}
