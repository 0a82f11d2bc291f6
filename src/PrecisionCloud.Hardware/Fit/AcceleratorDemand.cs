using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware.Fit;

/// <summary>A number of accelerators of one kind.</summary>
/// <param name="Kind">The kind of accelerator.</param>
/// <param name="Count">How many, at least 1.</param>
public sealed record AcceleratorDemand(AcceleratorKind Kind, int Count);
