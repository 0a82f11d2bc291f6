namespace PrecisionCloud.UserPlane.Rules;

/// <summary>A Forwarding Action Rule (3GPP TS 29.244 §5.2.1, §7.5.2.3).</summary>
public sealed record ForwardingActionRule
{
    /// <summary>The FAR ID, unique in the session.</summary>
    public required uint Id { get; init; }

    /// <summary>What to do with matching packets.</summary>
    public required ApplyAction ApplyAction { get; init; }

    /// <summary>Where to forward, with <see cref="ApplyAction.Forward"/>.</summary>
    public ForwardingParameters? Forwarding { get; init; }

    /// <summary>Where to send a copy, with <see cref="ApplyAction.Duplicate"/>.</summary>
    public ForwardingParameters? Duplicating { get; init; }

    /// <summary>The BAR that buffers, with <see cref="ApplyAction.Buffer"/>.</summary>
    public byte? BarId { get; init; }
}
