using BenchmarkDotNet.Attributes;
using PrecisionCloud.Security.Authorization;

namespace PrecisionCloud.Security.Benchmarks;

/// <summary>
/// Policy decisions against a 1,000-rule policy (200 resource types, 5 actions, 50 roles, a tenth of the rules
/// owner-only, a twentieth deny rules), for 4,096 requests of subjects with 1-3 roles on random types and actions,
/// all in the subject's tenant. Baseline: the same decisions made by reading every rule in order (the reference the
/// property tests compare against), in the same run.
/// </summary>
[MemoryDiagnoser]
public class PolicyDecisionBenchmarks
{
    private const int Requests = 4_096;
    private PolicyEngine _engine = null!;
    private PolicyRule[] _rules = null!;
    private (PreparedSubject Subject, string Action, ResourceReference Resource)[] _requests = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        string[] actions = ["read", "create", "update", "delete", "list"];
        _rules = [.. Enumerable.Range(0, 1_000).Select(i => new PolicyRule
        {
            Name = $"rule-{i}",
            Effect = i % 20 == 0 ? PolicyEffect.Deny : PolicyEffect.Allow,
            Roles = [$"role-{random.Next(50)}", $"role-{random.Next(50)}"],
            ResourceTypes = [$"type-{random.Next(200)}"],
            Actions = [actions[random.Next(actions.Length)]],
            OwnerOnly = i % 10 == 0,
        })];
        _engine = new PolicyEngine(_rules);
        _requests = [.. Enumerable.Range(0, Requests).Select(i =>
        {
            var subject = new AuthorizationSubject($"app-{i % 100}", "tenant-a", [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => $"role-{random.Next(50)}")]);
            return (_engine.Prepare(subject), actions[random.Next(actions.Length)], new ResourceReference($"type-{random.Next(200)}", "tenant-a", random.Next(2) == 0 ? subject.Id : "other"));
        })];
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public int Decide_Compiled()
    {
        var allowed = 0;
        foreach (var (subject, action, resource) in _requests)
        {
            allowed += _engine.Decide(subject, action, resource).IsAllowed ? 1 : 0;
        }

        return allowed;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public int Decide_ReadingEveryRuleBaseline()
    {
        var allowed = 0;
        foreach (var (prepared, action, resource) in _requests)
        {
            var subject = prepared.Subject;
            PolicyRule? allow = null;
            var denied = false;
            foreach (var rule in _rules)
            {
                if (!rule.Roles.Any(subject.Roles.Contains) || !rule.ResourceTypes.Contains(resource.Type) || !rule.Actions.Contains(action)
                    || (rule.OwnerOnly && resource.Owner != subject.Id))
                {
                    continue;
                }

                if (rule.Effect == PolicyEffect.Deny)
                {
                    denied = true;
                    break;
                }

                allow ??= rule;
            }

            allowed += !denied && allow is not null ? 1 : 0;
        }

        return allowed;
    }
}
