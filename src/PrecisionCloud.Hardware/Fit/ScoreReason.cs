namespace PrecisionCloud.Hardware.Fit;

/// <summary>One part of a fitting node's score.</summary>
/// <param name="Reason">What earned or cost the points.</param>
/// <param name="Points">The points added (negative: taken away).</param>
public sealed record ScoreReason(string Reason, double Points)
{
    /// <inheritdoc />
    public override string ToString() => $"{Reason} ({Points:+0.#;-0.#;0})";
}
