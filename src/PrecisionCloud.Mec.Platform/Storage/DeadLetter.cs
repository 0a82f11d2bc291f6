namespace PrecisionCloud.Mec.Platform.Storage;

/// <summary>A notification the platform gave up delivering, kept for operators to inspect.</summary>
/// <param name="Id">Its position in the outbox.</param>
/// <param name="SubscriptionId">The subscription it was for.</param>
/// <param name="Callback">Where it was posted.</param>
/// <param name="Body">Its JSON.</param>
/// <param name="Attempts">How many times it was tried.</param>
/// <param name="Reason">Why the last attempt failed, and why the platform stopped.</param>
/// <param name="FailedAt">When the platform gave up.</param>
public sealed record DeadLetter(long Id, string SubscriptionId, Uri Callback, string Body, int Attempts, string Reason, DateTimeOffset FailedAt);
