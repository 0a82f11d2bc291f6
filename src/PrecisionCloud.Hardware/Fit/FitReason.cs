namespace PrecisionCloud.Hardware.Fit;

/// <summary>Why a node does not fit one field of a demand.</summary>
/// <param name="Field">The demand field that fails.</param>
/// <param name="Message">The need and what the node has, for example <c>needs 2 FPGA, node has 0</c>.</param>
public sealed record FitReason(DemandField Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
