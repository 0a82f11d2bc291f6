namespace PrecisionCloud.Hardware.Inventory;

/// <summary>A form factor and the rule that chose it.</summary>
/// <param name="FormFactor">The chosen form factor.</param>
/// <param name="Reason">The rule, in words, with the node's values.</param>
public sealed record FormFactorDecision(FormFactor FormFactor, string Reason);
