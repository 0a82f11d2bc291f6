namespace PrecisionCloud.Resources.Compute;

/// <summary>Something that happened to a resource, kept in its history.</summary>
/// <param name="At">When.</param>
/// <param name="Reason">A short reason in PascalCase (<c>Placed</c>, <c>Created</c>, <c>DriftDetected</c>, <c>Restarted</c>).</param>
/// <param name="Message">A sentence for people.</param>
public sealed record ResourceEvent(DateTimeOffset At, string Reason, string Message);
