namespace PrecisionCloud.Mec.Platform.Storage;

/// <summary>
/// Where a MEC platform keeps its state and its notification outbox. The platform acknowledges a request only after
/// <see cref="CommitAsync"/> returns, so an implementation must make a commit durable (and atomic: every change and
/// notification of it, or none) before it returns. The platform calls the store from one writer at a time.
/// </summary>
public interface IMecPlatformStore
{
    /// <summary>Every stored record, to rebuild the platform's state at start.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<MecRecord>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Applies changes and enqueues notifications, atomically and durably.</summary>
    /// <param name="changes">Records to write or remove.</param>
    /// <param name="notifications">Notifications the changes cause.</param>
    /// <param name="cancellationToken">Cancels the commit before it starts.</param>
    /// <returns>The enqueued notifications with their outbox positions.</returns>
    Task<IReadOnlyList<PendingNotification>> CommitAsync(IReadOnlyList<MecStoreChange> changes, IReadOnlyList<OutgoingNotification> notifications, CancellationToken cancellationToken);

    /// <summary>Every notification not yet delivered, in outbox order.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The pending notifications.</returns>
    Task<IReadOnlyList<PendingNotification>> LoadPendingAsync(CancellationToken cancellationToken);

    /// <summary>Records that a notification was delivered (removes it from the outbox).</summary>
    /// <param name="id">Its outbox position.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    Task MarkDeliveredAsync(long id, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and when to try next.</summary>
    /// <param name="id">Its outbox position.</param>
    /// <param name="attempts">The failed attempts so far.</param>
    /// <param name="dueAt">When to try next.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    Task RescheduleAsync(long id, int attempts, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>Moves a notification from the outbox to the dead letters.</summary>
    /// <param name="id">Its outbox position.</param>
    /// <param name="attempts">How many times it was tried.</param>
    /// <param name="reason">Why the platform gave up.</param>
    /// <param name="failedAt">When.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    Task DeadLetterAsync(long id, int attempts, string reason, DateTimeOffset failedAt, CancellationToken cancellationToken);

    /// <summary>Drops the undelivered notifications of a subscription that no longer exists.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many were dropped.</returns>
    Task<int> DiscardAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Sends a subscription's undelivered notifications to its new callback.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="callback">Where its notifications go now.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many were moved.</returns>
    Task<int> RetargetAsync(string subscriptionId, Uri callback, CancellationToken cancellationToken);

    /// <summary>The dead letters, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dead letters.</returns>
    Task<IReadOnlyList<DeadLetter>> LoadDeadLettersAsync(CancellationToken cancellationToken);
}
