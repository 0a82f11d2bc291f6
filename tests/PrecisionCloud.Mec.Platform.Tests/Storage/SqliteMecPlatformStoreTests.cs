using PrecisionCloud.Mec.Platform.Storage;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;

namespace PrecisionCloud.Mec.Platform.Tests.Storage;

public sealed class SqliteMecPlatformStoreTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Records_and_notifications_of_a_commit_are_there_after_reopening()
    {
        var path = _directory.File("state.db");
        IReadOnlyList<PendingNotification> enqueued;
        using (var store = new SqliteMecPlatformStore(path))
        {
            enqueued = await store.CommitAsync(
                [MecStoreChange.Put(MecRecordKind.Service, "s-1", "{\"a\":1}"), MecStoreChange.Put(MecRecordKind.Application, "app", "{}")],
                [new OutgoingNotification("sub-1", new Uri("http://127.0.0.1/cb"), "{\"n\":1}", DateTimeOffset.UtcNow.AddHours(1))],
                CancellationToken.None);
            await store.CommitAsync([MecStoreChange.Put(MecRecordKind.Service, "s-1", "{\"a\":2}"), MecStoreChange.Remove(MecRecordKind.Application, "app")], [], CancellationToken.None);
        }

        using var reopened = new SqliteMecPlatformStore(path);
        var record = Assert.Single(await reopened.LoadAsync(CancellationToken.None));
        Assert.Equal(new MecRecord(MecRecordKind.Service, "s-1", "{\"a\":2}"), record);
        var pending = Assert.Single(await reopened.LoadPendingAsync(CancellationToken.None));
        Assert.Equal(enqueued[0].Id, pending.Id);
        Assert.Equal("{\"n\":1}", pending.Body);
    }

    [Fact]
    public async Task A_notification_moves_through_retries_to_delivery_or_the_dead_letters()
    {
        using var store = new SqliteMecPlatformStore(_directory.File("state.db"));
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        var pending = await store.CommitAsync([], [
            new OutgoingNotification("a", new Uri("http://127.0.0.1/a"), "{}", expires),
            new OutgoingNotification("b", new Uri("http://127.0.0.1/b"), "{}", expires),
            new OutgoingNotification("b", new Uri("http://127.0.0.1/b"), "{}", expires),
            new OutgoingNotification("c", new Uri("http://127.0.0.1/c"), "{}", expires),
        ], CancellationToken.None);
        Assert.Equal(pending.Select(p => p.Id).Order(), pending.Select(p => p.Id));

        var due = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(5).ToUnixTimeMilliseconds());
        await store.RescheduleAsync(pending[0].Id, 3, due, CancellationToken.None);
        await store.DeadLetterAsync(pending[3].Id, 7, "gave up", due, CancellationToken.None);
        Assert.Equal(1, await store.RetargetAsync("a", new Uri("http://127.0.0.1/new"), CancellationToken.None));
        await store.MarkDeliveredAsync(pending[1].Id, CancellationToken.None);
        Assert.Equal(1, await store.DiscardAsync("b", CancellationToken.None));

        var left = Assert.Single(await store.LoadPendingAsync(CancellationToken.None));
        Assert.Equal((pending[0].Id, 3, due, new Uri("http://127.0.0.1/new")), (left.Id, left.Attempts, left.DueAt, left.Callback));
        var letter = Assert.Single(await store.LoadDeadLettersAsync(CancellationToken.None));
        Assert.Equal((pending[3].Id, "c", 7, "gave up"), (letter.Id, letter.SubscriptionId, letter.Attempts, letter.Reason));
    }

    [Fact]
    public async Task A_commit_that_fails_halfway_leaves_nothing()
    {
        using var store = new SqliteMecPlatformStore(_directory.File("state.db"));
        await store.CommitAsync([MecStoreChange.Put(MecRecordKind.Service, "kept", "{}")], [], CancellationToken.None);

        // A relative callback cannot be stored: the failure comes after the records were written in the transaction.
        await Assert.ThrowsAnyAsync<Exception>(() => store.CommitAsync(
            [MecStoreChange.Put(MecRecordKind.Service, "lost", "{}"), MecStoreChange.Remove(MecRecordKind.Service, "kept")],
            [new OutgoingNotification("s", null!, "{}", DateTimeOffset.UtcNow)],
            CancellationToken.None));

        Assert.Equal(["kept"], (await store.LoadAsync(CancellationToken.None)).Select(r => r.Id));
        Assert.Empty(await store.LoadPendingAsync(CancellationToken.None));
    }
}
