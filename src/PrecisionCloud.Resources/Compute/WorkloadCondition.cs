namespace PrecisionCloud.Resources.Compute;

/// <summary>One aspect of a workload's state, with the reason it is so.</summary>
/// <param name="Type">The aspect (<c>Placed</c>, <c>Provisioned</c>, <c>Ready</c>, <c>InSync</c>).</param>
/// <param name="Status">Whether it holds.</param>
/// <param name="Reason">A short reason in PascalCase (<c>BackendRefused</c>, <c>DriftRepaired</c>).</param>
/// <param name="Message">A sentence for people.</param>
/// <param name="Since">When it last changed.</param>
public sealed record WorkloadCondition(string Type, bool Status, string Reason, string Message, DateTimeOffset Since);
