using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrecisionCloud.Security.Authorization;

namespace PrecisionCloud.Security.Tests.Authorization;

public sealed class PolicyEngineTests
{
    private static readonly PolicyEngine Mec = new(
    [
        new PolicyRule { Name = "apps-read-services", Roles = ["app"], ResourceTypes = ["mec.service"], Actions = ["read"] },
        new PolicyRule { Name = "apps-manage-own", Roles = ["app"], ResourceTypes = ["mec.service", "mec.subscription", "mec.traffic-rule"], Actions = ["create", "update", "delete"], OwnerOnly = true },
        new PolicyRule { Name = "operators-anything", Roles = ["tenant-operator"], ResourceTypes = ["*"], Actions = ["*"] },
        new PolicyRule { Name = "nobody-deletes-audit", Effect = PolicyEffect.Deny, Roles = ["tenant-operator", "app"], ResourceTypes = ["audit.log"], Actions = ["delete", "update"] },
    ]);

    private static readonly AuthorizationSubject Camera = new("spiffe://op.example/site/edge-1/app/cam", "tenant-a", ["app"]);
    private static readonly AuthorizationSubject Operator = new("alice", "tenant-a", ["tenant-operator"]);

    [Fact]
    public void An_app_changes_only_what_it_owns_and_the_decision_names_the_rule()
    {
        var own = Mec.Decide(Camera, "update", new ResourceReference("mec.service", "tenant-a", Camera.Id));
        var others = Mec.Decide(Camera, "update", new ResourceReference("mec.service", "tenant-a", "spiffe://op.example/site/edge-1/app/other"));

        Assert.Equal(new AuthorizationDecision(true, "apps-manage-own", "allowed by rule 'apps-manage-own' (the subject owns the resource)"), own);
        Assert.False(others.IsAllowed);
        Assert.Contains("rule 'apps-manage-own' allows update on mec.service only to its owner", others.Reason, StringComparison.Ordinal);
        Assert.True(Mec.Decide(Camera, "read", new ResourceReference("mec.service", "tenant-a", "someone")).IsAllowed);
    }

    [Fact]
    public void Cross_tenant_reads_and_writes_are_refused_even_with_a_role_that_allows_everything()
    {
        foreach (var action in new[] { "read", "update", "delete" })
        {
            var decision = Mec.Decide(Operator, action, new ResourceReference("mec.service", "tenant-b", "x"));
            Assert.False(decision.IsAllowed);
            Assert.Contains("acts for tenant 'tenant-a', and the mec.service belongs to tenant 'tenant-b'", decision.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Deny_rules_override_allows_and_nothing_is_allowed_by_default()
    {
        var tamper = Mec.Decide(Operator, "delete", new ResourceReference("audit.log", "tenant-a"));
        Assert.Equal(new AuthorizationDecision(false, "nobody-deletes-audit", "denied by rule 'nobody-deletes-audit'"), tamper);
        Assert.True(Mec.Decide(Operator, "read", new ResourceReference("audit.log", "tenant-a")).IsAllowed);

        var nothing = Mec.Decide(Camera, "delete", new ResourceReference("resources.volume", "tenant-a", Camera.Id));
        Assert.Equal("denied: no rule allows delete on resources.volume to roles [app] (deny by default)", nothing.Reason);
        Assert.False(Mec.Decide(new AuthorizationSubject("guest", "tenant-a", []), "read", new ResourceReference("mec.service", "tenant-a")).IsAllowed);
    }

    [Fact]
    public void The_platform_administrator_may_do_anything_anywhere()
    {
        var admin = new AuthorizationSubject("root", "platform", [], IsPlatformAdmin: true);

        Assert.True(Mec.Decide(admin, "delete", new ResourceReference("mec.service", "tenant-b")).IsAllowed);
    }

    [Fact]
    public void Malformed_policies_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new PolicyEngine([new PolicyRule { Name = "a", Roles = [], ResourceTypes = ["*"], Actions = ["*"] }]));
        Assert.Throws<ArgumentException>(() => new PolicyEngine(
        [
            new PolicyRule { Name = "a", Roles = ["r"], ResourceTypes = ["*"], Actions = ["*"] },
            new PolicyRule { Name = "a", Roles = ["r"], ResourceTypes = ["t"], Actions = ["read"] },
        ]));
    }

    [Property(MaxTest = 300)]
    public Property Compiled_decisions_are_those_of_reading_every_rule_in_order()
    {
        var roles = Gen.Elements("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9");
        var types = Gen.Elements("*", "t0", "t1", "t2", "t3");
        var actions = Gen.Elements("*", "read", "create", "update", "delete");
        var rules = Gen.Choose(1, 40).SelectMany(count => Gen.ArrayOf(
            from effect in Gen.Elements(PolicyEffect.Allow, PolicyEffect.Allow, PolicyEffect.Deny)
            from ruleRoles in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(roles, n))
            from ruleTypes in Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(types, n))
            from ruleActions in Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(actions, n))
            from ownerOnly in Gen.Elements(false, false, true)
            select (effect, ruleRoles, ruleTypes, ruleActions, ownerOnly), count))
            .Select(specs => specs.Select((s, i) => new PolicyRule { Name = $"rule-{i}", Effect = s.effect, Roles = s.ruleRoles, ResourceTypes = s.ruleTypes, Actions = s.ruleActions, OwnerOnly = s.ownerOnly }).ToArray());
        var requests = Gen.ArrayOf(
            from subjectRoles in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(roles, n))
            from action in Gen.Elements("read", "create", "update", "delete", "other")
            from type in Gen.Elements("t0", "t1", "t2", "t3", "t9")
            from owned in Gen.Elements(true, false)
            from sameTenant in Gen.Elements(true, true, true, false)
            select (subjectRoles, action, type, owned, sameTenant), 30);

        return Prop.ForAll(rules.ToArbitrary(), requests.ToArbitrary(), (policy, asked) =>
        {
            var engine = new PolicyEngine(policy);
            return asked.All(request =>
            {
                var subject = new AuthorizationSubject("me", "t", request.subjectRoles);
                var resource = new ResourceReference(request.type, request.sameTenant ? "t" : "u", request.owned ? "me" : "someone");
                var decision = engine.Decide(subject, request.action, resource);
                var expected = ReadEveryRule(policy, subject, request.action, resource);
                return decision.IsAllowed == expected.Allowed && decision.Rule == expected.Rule;
            });
        });
    }

    /// <summary>The same semantics, read off the rule list one by one: the reference the compiled engine must agree with.</summary>
    private static (bool Allowed, string? Rule) ReadEveryRule(PolicyRule[] policy, AuthorizationSubject subject, string action, ResourceReference resource)
    {
        if (subject.Tenant != resource.Tenant)
        {
            return (false, null);
        }

        var matching = policy.Where(r => r.Roles.Intersect(subject.Roles).Any()
            && (r.ResourceTypes.Contains("*") || r.ResourceTypes.Contains(resource.Type))
            && (r.Actions.Contains("*") || r.Actions.Contains(action))
            && (!r.OwnerOnly || resource.Owner == subject.Id)).ToList();
        var deny = matching.FirstOrDefault(r => r.Effect == PolicyEffect.Deny);
        if (deny is not null)
        {
            return (false, deny.Name);
        }

        var allow = matching.FirstOrDefault();
        return allow is null ? (false, null) : (true, allow.Name);
    }
}
