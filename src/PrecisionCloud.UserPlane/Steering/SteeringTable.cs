using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Steering;

/// <summary>The steering rules compiled for the fast path; replaced as a whole.</summary>
internal sealed class SteeringTable
{
    public static SteeringTable Empty { get; } = new([], PacketClassifier.Build([]), []);

    private SteeringTable(SteeringRule[] rules, PacketClassifier classifier, int[] ports)
    {
        Rules = rules;
        Classifier = classifier;
        Ports = ports;
    }

    public SteeringRule[] Rules { get; }

    public PacketClassifier Classifier { get; }

    /// <summary>The N6 port of each rule, or -1.</summary>
    public int[] Ports { get; }

    public bool IsEmpty => Rules.Length == 0;

    public static SteeringTable Build(IReadOnlyList<SteeringRule> rules, Func<string?, int> portOf, out List<RuleProblem> problems)
    {
        problems = [];
        var ordered = rules.OrderBy(r => r.Priority).ToArray();
        var ports = new int[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var rule = ordered[i];
            ports[i] = -1;
            if (rule.Filter.Source.Kind == AddressMatchKind.Assigned || rule.Filter.Destination.Kind == AddressMatchKind.Assigned)
            {
                problems.Add(new RuleProblem(RuleKind.Far, (uint)i, $"steering rule '{rule.Id}': 'assigned' has no meaning outside a session; name the UE addresses"));
            }

            if (rule.Action is SteeringAction.ForwardDecapsulated or SteeringAction.DuplicateDecapsulated)
            {
                ports[i] = portOf(rule.NetworkInstance);
                if (ports[i] < 0)
                {
                    problems.Add(new RuleProblem(RuleKind.Far, (uint)i, $"steering rule '{rule.Id}': no N6 port serves network instance '{rule.NetworkInstance}'"));
                }
            }
        }

        return problems.Count > 0 ? Empty : new SteeringTable(ordered, PacketClassifier.Build([.. ordered.Select(r => r.Filter)]), ports);
    }
}
