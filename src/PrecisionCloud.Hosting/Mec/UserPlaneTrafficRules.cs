using System.Net;
using Microsoft.Extensions.Options;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Platform.DataPlane;
using PrecisionCloud.UserPlane.Hosting;
using PrecisionCloud.UserPlane.Steering;

namespace PrecisionCloud.Hosting.Mec;

/// <summary>
/// The MEC platform's traffic rules in this site's user plane: each ACTIVE rule becomes steering (local breakout)
/// rules; the destination interface's address chooses the N6 port whose routes cover it. The user plane's steering
/// table is replaced as a whole, so a rule it refuses leaves every rule in effect as it was.
/// </summary>
public sealed class UserPlaneTrafficRules : ITrafficRuleEnforcer
{
    private readonly Lock _gate = new();
    private readonly UserPlane.UserPlane _userPlane;
    private readonly IReadOnlyList<(string NetworkInstance, IPNetwork Route)> _routes;
    private readonly Dictionary<string, IReadOnlyList<SteeringRule>> _active = new(StringComparer.Ordinal);

    /// <summary>Creates the enforcer over a user plane and the N6 ports its host configured.</summary>
    /// <param name="userPlane">The user plane.</param>
    /// <param name="options">The user plane host's options (its N6 ports and their routes).</param>
    public UserPlaneTrafficRules(UserPlane.UserPlane userPlane, IOptions<UserPlaneHostOptions> options)
    {
        ArgumentNullException.ThrowIfNull(userPlane);
        ArgumentNullException.ThrowIfNull(options);
        _userPlane = userPlane;
        _routes = [.. options.Value.N6Ports.SelectMany(port => port.Routes.Select(route => (port.NetworkInstance, IPNetwork.Parse(route))))];
    }

    /// <summary>The steering rules in effect, by MEC traffic rule (<c>appInstanceId/trafficRuleId</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SteeringRule>> Active
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, IReadOnlyList<SteeringRule>>(_active, StringComparer.Ordinal);
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<RuleApplication> ApplyAsync(string appInstanceId, TrafficRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var steering = TrafficRuleTranslator.Translate(appInstanceId, rule, NetworkInstanceFor, out var refusal);
        if (steering is null)
        {
            return ValueTask.FromResult(RuleApplication.Refused(refusal!));
        }

        lock (_gate)
        {
            var key = appInstanceId + "/" + rule.TrafficRuleId;
            var next = new Dictionary<string, IReadOnlyList<SteeringRule>>(_active, StringComparer.Ordinal) { [key] = steering };
            var problems = _userPlane.SetSteeringRules([.. next.Values.SelectMany(r => r)]);
            if (problems.Count > 0)
            {
                return ValueTask.FromResult(RuleApplication.Refused(string.Join("; ", problems.Select(p => p.Message))));
            }

            _active[key] = steering;
            return ValueTask.FromResult(RuleApplication.InEffect);
        }
    }

    /// <inheritdoc/>
    public ValueTask WithdrawAsync(string appInstanceId, string trafficRuleId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_active.Remove(appInstanceId + "/" + trafficRuleId))
            {
                _userPlane.SetSteeringRules([.. _active.Values.SelectMany(r => r)]);
            }
        }

        return ValueTask.CompletedTask;
    }

    private string? NetworkInstanceFor(IPAddress address)
    {
        var target = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _routes.Where(r => r.Route.Contains(target)).OrderByDescending(r => r.Route.PrefixLength).Select(r => r.NetworkInstance).FirstOrDefault();
    }
}
