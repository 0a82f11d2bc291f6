namespace PrecisionCloud.UserPlane.Rules;

/// <summary>A Buffering Action Rule (3GPP TS 29.244 §5.2.4, §7.5.2.6).</summary>
public sealed record BufferingActionRule
{
    /// <summary>The BAR ID, unique in the session.</summary>
    public required byte Id { get; init; }

    /// <summary>How many packets to hold at most; the user plane's default when absent.</summary>
    public ushort? SuggestedBufferingPacketsCount { get; init; }
}
