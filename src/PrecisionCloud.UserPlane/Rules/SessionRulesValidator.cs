namespace PrecisionCloud.UserPlane.Rules;

/// <summary>Checks a rule set for what the fast path cannot honour, and says so per rule.</summary>
public static class SessionRulesValidator
{
    /// <summary>Validates a rule set.</summary>
    /// <param name="rules">The rule set.</param>
    /// <returns>The problems; empty when the set can be installed.</returns>
    public static IReadOnlyList<RuleProblem> Validate(SessionRules rules) => Problems(rules);

    /// <summary>Validates a rule set into a list the caller may add to.</summary>
    internal static List<RuleProblem> Problems(SessionRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        // A session has a handful of rules of each kind: scanning the lists costs less than building sets.
        var problems = new List<RuleProblem>();
        Unique(rules.Fars, static f => f.Id, RuleKind.Far, problems);
        Unique(rules.Qers, static q => q.Id, RuleKind.Qer, problems);
        Unique(rules.Urrs, static u => u.Id, RuleKind.Urr, problems);
        Unique(rules.Bars, static b => b.Id, RuleKind.Bar, problems);
        Unique(rules.Pdrs, static p => p.Id, RuleKind.Pdr, problems);

        // Index loops and no closures: this runs for every session installed, and allocates only for problems.
        for (var i = 0; i < rules.Pdrs.Count; i++)
        {
            var pdr = rules.Pdrs[i];

            if (!Has(rules.Fars, static f => f.Id, pdr.FarId))
            {
                problems.Add(new RuleProblem(RuleKind.Pdr, pdr.Id, $"refers to FAR {pdr.FarId}, which the session does not have"));
            }

            for (var q = 0; q < pdr.QerIds.Count; q++)
            {
                var qer = pdr.QerIds[q];
                if (!Has(rules.Qers, static q => q.Id, qer))
                {
                    problems.Add(new RuleProblem(RuleKind.Pdr, pdr.Id, $"refers to QER {qer}, which the session does not have"));
                }
            }

            for (var u = 0; u < pdr.UrrIds.Count; u++)
            {
                var urr = pdr.UrrIds[u];
                if (!Has(rules.Urrs, static u => u.Id, urr))
                {
                    problems.Add(new RuleProblem(RuleKind.Pdr, pdr.Id, $"refers to URR {urr}, which the session does not have"));
                }
            }

            if (pdr.Pdi.ApplicationId is not null)
            {
                problems.Add(new RuleProblem(RuleKind.Pdr, pdr.Id, "application detection (Application ID) is not supported by this user plane"));
            }

            if (pdr.Pdi.Qfi is > 63)
            {
                problems.Add(new RuleProblem(RuleKind.Pdr, pdr.Id, $"QFI {pdr.Pdi.Qfi} is out of range 0-63"));
            }

            if (pdr.Pdi.SourceInterface == SourceInterface.Access && pdr.Pdi.LocalTeid is null)
            {
                problems.Add(new RuleProblem(RuleKind.Pdr, pdr.Id, "an ACCESS PDR needs the local F-TEID its tunnel arrives on"));
            }

            if (pdr.Pdi.SourceInterface != SourceInterface.Access && pdr.Pdi.UeIPv4Address is null && pdr.Pdi.UeIPv6Address is null)
            {
                problems.Add(new RuleProblem(RuleKind.Pdr, pdr.Id, "a PDR for downlink traffic needs the UE IP address to find the session"));
            }
        }

        for (var i = 0; i < rules.Fars.Count; i++)
        {
            var far = rules.Fars[i];

            if ((far.ApplyAction & (ApplyAction.Drop | ApplyAction.Forward | ApplyAction.Buffer)) == 0)
            {
                problems.Add(new RuleProblem(RuleKind.Far, far.Id, "the apply action has none of DROP, FORW, BUFF"));
            }

            if ((far.ApplyAction & ApplyAction.Forward) != 0 && far.Forwarding is null)
            {
                problems.Add(new RuleProblem(RuleKind.Far, far.Id, "FORW without forwarding parameters"));
            }

            if ((far.ApplyAction & ApplyAction.Duplicate) != 0 && far.Duplicating is null)
            {
                problems.Add(new RuleProblem(RuleKind.Far, far.Id, "DUPL without duplicating parameters"));
            }

            if (far.BarId is { } bar && !Has(rules.Bars, static b => b.Id, bar))
            {
                problems.Add(new RuleProblem(RuleKind.Far, far.Id, $"refers to BAR {bar}, which the session does not have"));
            }
        }

        for (var i = 0; i < rules.Qers.Count; i++)
        {
            var qer = rules.Qers[i];
            if (qer.Qfi is > 63)
            {
                problems.Add(new RuleProblem(RuleKind.Qer, qer.Id, $"QFI {qer.Qfi} is out of range 0-63"));
            }
        }

        for (var i = 0; i < rules.Urrs.Count; i++)
        {
            var urr = rules.Urrs[i];
            if ((urr.ReportingTriggers & ReportingTriggers.PeriodicReporting) != 0 && urr.MeasurementPeriod is not { } period)
            {
                problems.Add(new RuleProblem(RuleKind.Urr, urr.Id, "periodic reporting without a measurement period"));
            }
            else if (urr.MeasurementPeriod is { } p && p <= TimeSpan.Zero)
            {
                problems.Add(new RuleProblem(RuleKind.Urr, urr.Id, "the measurement period must be positive"));
            }
        }

        return problems;
    }

    private static void Unique<TRule, TId>(IReadOnlyList<TRule> rules, Func<TRule, TId> id, RuleKind kind, List<RuleProblem> problems)
        where TId : IEquatable<TId>
    {
        if (rules.Count > 32)
        {
            var seen = new HashSet<TId>();
            foreach (var rule in rules)
            {
                if (!seen.Add(id(rule)))
                {
                    problems.Add(new RuleProblem(kind, Convert.ToUInt32(id(rule), System.Globalization.CultureInfo.InvariantCulture), "the ID appears more than once"));
                }
            }

            return;
        }

        for (var i = 1; i < rules.Count; i++)
        {
            var current = id(rules[i]);
            for (var j = 0; j < i; j++)
            {
                if (id(rules[j]).Equals(current))
                {
                    problems.Add(new RuleProblem(kind, Convert.ToUInt32(current, System.Globalization.CultureInfo.InvariantCulture), "the ID appears more than once"));
                    break;
                }
            }
        }
    }

    private static bool Has<TRule, TId>(IReadOnlyList<TRule> rules, Func<TRule, TId> id, TId wanted)
        where TId : IEquatable<TId>
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (id(rules[i]).Equals(wanted))
            {
                return true;
            }
        }

        return false;
    }
}
