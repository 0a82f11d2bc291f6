using PrecisionCloud.Mec.ApplicationSupport;

namespace PrecisionCloud.Mec.Platform.DataPlane;

/// <summary>The enforcer of a platform with no data plane or resolver attached: it honours no rule and says so.</summary>
internal sealed class AbsentDataPlane : ITrafficRuleEnforcer, IDnsRuleEnforcer
{
    public ValueTask<RuleApplication> ApplyAsync(string appInstanceId, TrafficRule rule, CancellationToken cancellationToken) =>
        ValueTask.FromResult(RuleApplication.Refused("no data plane is attached to this MEC platform"));

    public ValueTask<RuleApplication> ApplyAsync(string appInstanceId, DnsRule rule, CancellationToken cancellationToken) =>
        ValueTask.FromResult(RuleApplication.Refused("no DNS responder is attached to this MEC platform"));

    public ValueTask WithdrawAsync(string appInstanceId, string ruleId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
