namespace PrecisionCloud.Hardware.Fit;

/// <summary>A demand matched against many nodes.</summary>
public sealed record FitResult
{
    /// <summary>The nodes that fit, best first.</summary>
    public IReadOnlyList<NodeFit> Fitting { get; init; } = [];

    /// <summary>The nodes that do not fit, each with its reasons, in the order they were given.</summary>
    public IReadOnlyList<NodeFit> NotFitting { get; init; } = [];

    /// <summary>The best node, or <see langword="null"/> when none fits.</summary>
    public NodeFit? Best => Fitting.Count > 0 ? Fitting[0] : null;
}
