namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>A traffic rule of an application instance (ETSI GS MEC 011 clause 7.1.2.2): which user-plane packets go where.</summary>
public sealed record TrafficRule
{
    /// <summary>The rule's identifier.</summary>
    public required string TrafficRuleId { get; init; }

    /// <summary>Per flow or per packet.</summary>
    public required TrafficFilterType FilterType { get; init; }

    /// <summary>The priority from 0 to 255; when rules conflict, the higher takes precedence.</summary>
    public required int Priority { get; init; }

    /// <summary>The packets the rule matches (any of the filters).</summary>
    public required IReadOnlyList<TrafficFilter> TrafficFilter { get; init; }

    /// <summary>What the rule does with them.</summary>
    public required TrafficRuleAction Action { get; init; }

    /// <summary>Where they go: none for DROP and PASSTHROUGH, one for FORWARD_* and DUPLICATE_*, two with the second for the opposite direction.</summary>
    public IReadOnlyList<DestinationInterface>? DstInterface { get; init; }

    /// <summary>Whether the rule is applied.</summary>
    public required RuleState State { get; init; }
}
