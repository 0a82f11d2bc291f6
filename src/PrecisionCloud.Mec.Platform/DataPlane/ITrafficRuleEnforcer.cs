using PrecisionCloud.Mec.ApplicationSupport;

namespace PrecisionCloud.Mec.Platform.DataPlane;

/// <summary>
/// The data plane as the MEC platform sees it: it puts an application's ACTIVE traffic rules into effect (local
/// breakout, steering, duplication, dropping) and withdraws them. The all-in-one host wires the user plane here.
/// </summary>
public interface ITrafficRuleEnforcer
{
    /// <summary>Puts a rule into effect, replacing an earlier version of it.</summary>
    /// <param name="appInstanceId">The application instance the rule belongs to.</param>
    /// <param name="rule">The rule (ACTIVE).</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>Whether the rule is in effect, and why not.</returns>
    ValueTask<RuleApplication> ApplyAsync(string appInstanceId, TrafficRule rule, CancellationToken cancellationToken);

    /// <summary>Takes a rule out of effect (nothing happens when it is not in effect).</summary>
    /// <param name="appInstanceId">The application instance.</param>
    /// <param name="trafficRuleId">The rule.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>A task that completes when the rule is out of effect.</returns>
    ValueTask WithdrawAsync(string appInstanceId, string trafficRuleId, CancellationToken cancellationToken);
}
