namespace PrecisionCloud.Security.Authorization;

/// <summary>
/// Tenant-aware authorization, deny by default: a platform administrator may do anything; anyone else acts only
/// within their own tenant, and only where a rule for one of their roles allows the action on the resource type
/// (and, for owner-only rules, only on resources they own); a matching deny rule overrides any allow. Every
/// decision names the rule that made it or says why none could. The rules are compiled into candidate lists per
/// resource type and action, and roles into bit masks, so a decision looks at the few rules that can apply, not
/// the whole policy. Immutable; thread-safe.
/// </summary>
public sealed class PolicyEngine
{
    private const string Wildcard = "*";
    private static readonly AuthorizationDecision PlatformAdministration = new(true, null, "allowed: the subject administers the platform");
    private readonly Dictionary<string, int> _roleBits = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Action), CompiledRule[]> _byTypeAndAction = [];
    private readonly Dictionary<string, CompiledRule[]> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompiledRule[]> _byAction = new(StringComparer.Ordinal);
    private readonly CompiledRule[] _any;
    private readonly int _maskWords;

    /// <summary>Compiles a policy.</summary>
    /// <param name="rules">The rules, in order (the first allowing rule is the one a decision names).</param>
    /// <exception cref="ArgumentException">A rule has no name, roles, types or actions, or two rules share a name.</exception>
    public PolicyEngine(IEnumerable<PolicyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        Validate(list);
        foreach (var role in list.SelectMany(r => r.Roles).Distinct(StringComparer.Ordinal))
        {
            _roleBits[role] = _roleBits.Count;
        }

        _maskWords = Math.Max(1, (_roleBits.Count + 63) / 64);
        var compiled = list.Select(Compile).ToList();
        var types = list.SelectMany(r => r.ResourceTypes).Where(t => t != Wildcard).ToHashSet(StringComparer.Ordinal);
        var actions = list.SelectMany(r => r.Actions).Where(a => a != Wildcard).ToHashSet(StringComparer.Ordinal);
        foreach (var type in types)
        {
            foreach (var action in actions)
            {
                _byTypeAndAction[(type, action)] = [.. compiled.Where(c => Covers(c.Rule.ResourceTypes, type) && Covers(c.Rule.Actions, action))];
            }

            _byType[type] = [.. compiled.Where(c => Covers(c.Rule.ResourceTypes, type) && c.Rule.Actions.Contains(Wildcard))];
        }

        foreach (var action in actions)
        {
            _byAction[action] = [.. compiled.Where(c => c.Rule.ResourceTypes.Contains(Wildcard) && Covers(c.Rule.Actions, action))];
        }

        _any = [.. compiled.Where(c => c.Rule.ResourceTypes.Contains(Wildcard) && c.Rule.Actions.Contains(Wildcard))];
        Rules = list;
    }

    /// <summary>The policy's rules.</summary>
    public IReadOnlyList<PolicyRule> Rules { get; }

    /// <summary>Resolves a subject's roles against this policy once, for many decisions.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>The prepared subject.</returns>
    public PreparedSubject Prepare(AuthorizationSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var mask = new ulong[_maskWords];
        foreach (var role in subject.Roles)
        {
            if (_roleBits.TryGetValue(role, out var bit))
            {
                mask[bit >> 6] |= 1UL << (bit & 63);
            }
        }

        return new PreparedSubject(subject, mask);
    }

    /// <summary>Decides whether <paramref name="subject"/> may perform <paramref name="action"/> on <paramref name="resource"/>.</summary>
    /// <param name="subject">Who asks.</param>
    /// <param name="action">The action.</param>
    /// <param name="resource">The resource.</param>
    /// <returns>The decision and why.</returns>
    public AuthorizationDecision Decide(AuthorizationSubject subject, string action, ResourceReference resource) => Decide(Prepare(subject), action, resource);

    /// <summary>Decides for a prepared subject (no allocation when a rule decides).</summary>
    /// <param name="subject">Who asks.</param>
    /// <param name="action">The action.</param>
    /// <param name="resource">The resource.</param>
    /// <returns>The decision and why.</returns>
    public AuthorizationDecision Decide(PreparedSubject subject, string action, ResourceReference resource)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(action);
        var who = subject.Subject;
        if (who.IsPlatformAdmin)
        {
            return PlatformAdministration;
        }

        if (!string.Equals(who.Tenant, resource.Tenant, StringComparison.Ordinal))
        {
            return new AuthorizationDecision(false, null, $"denied: '{who.Id}' acts for tenant '{who.Tenant}', and the {resource.Type} belongs to tenant '{resource.Tenant}'");
        }

        CompiledRule? allowing = null;
        CompiledRule? ownedOnly = null;
        foreach (var rule in Candidates(resource.Type, action))
        {
            if (!rule.AppliesTo(subject.RoleMask))
            {
                continue;
            }

            if (rule.Rule.OwnerOnly && (resource.Owner is null || !string.Equals(resource.Owner, who.Id, StringComparison.Ordinal)))
            {
                ownedOnly ??= rule;
                continue;
            }

            if (rule.Rule.Effect == PolicyEffect.Deny)
            {
                return rule.Decision;
            }

            allowing ??= rule;
        }

        return allowing?.Decision ?? new AuthorizationDecision(false, null, ownedOnly is not null
            ? $"denied: rule '{ownedOnly.Rule.Name}' allows {action} on {resource.Type} only to its owner, and '{who.Id}' does not own it"
            : $"denied: no rule allows {action} on {resource.Type} to roles [{string.Join(", ", who.Roles)}] (deny by default)");
    }

    private static bool Covers(IReadOnlyList<string> values, string value) => values.Contains(Wildcard) || values.Contains(value);

    private static void Validate(List<PolicyRule> rules)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            if (string.IsNullOrWhiteSpace(rule.Name) || !names.Add(rule.Name))
            {
                throw new ArgumentException($"every rule needs a name of its own ('{rule.Name}' is blank or used twice)", nameof(rules));
            }

            if (rule.Roles.Count == 0 || rule.ResourceTypes.Count == 0 || rule.Actions.Count == 0)
            {
                throw new ArgumentException($"rule '{rule.Name}' needs at least one role, resource type and action", nameof(rules));
            }
        }
    }

    private ReadOnlySpan<CompiledRule> Candidates(string type, string action) =>
        _byTypeAndAction.TryGetValue((type, action), out var both) ? both
        : _byType.TryGetValue(type, out var byType) ? byType
        : _byAction.TryGetValue(action, out var byAction) ? byAction
        : _any;

    private CompiledRule Compile(PolicyRule rule)
    {
        var mask = new ulong[_maskWords];
        foreach (var role in rule.Roles)
        {
            var bit = _roleBits[role];
            mask[bit >> 6] |= 1UL << (bit & 63);
        }

        var decision = rule.Effect == PolicyEffect.Allow
            ? new AuthorizationDecision(true, rule.Name, $"allowed by rule '{rule.Name}'{(rule.OwnerOnly ? " (the subject owns the resource)" : string.Empty)}")
            : new AuthorizationDecision(false, rule.Name, $"denied by rule '{rule.Name}'");
        return new CompiledRule(rule, mask, decision);
    }

    private sealed class CompiledRule(PolicyRule rule, ulong[] roleMask, AuthorizationDecision decision)
    {
        public PolicyRule Rule { get; } = rule;

        public AuthorizationDecision Decision { get; } = decision;

        public bool AppliesTo(ulong[] subjectMask)
        {
            for (var i = 0; i < roleMask.Length; i++)
            {
                if ((roleMask[i] & subjectMask[i]) != 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
