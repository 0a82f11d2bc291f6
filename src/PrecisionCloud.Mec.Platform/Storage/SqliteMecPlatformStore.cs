using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PrecisionCloud.Mec.Platform.Storage;

/// <summary>
/// The default store: one SQLite database file in WAL mode. A commit is one transaction, so a killed process
/// loses nothing it acknowledged. With <c>synchronousFull</c> every commit also waits for the disk (survives a power
/// cut, costs an fsync per commit); without it, the default, a power cut may lose the last commits but never
/// corrupts the file.
/// </summary>
public sealed class SqliteMecPlatformStore : IMecPlatformStore, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS records (kind INTEGER NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, subscription TEXT NOT NULL, callback TEXT NOT NULL, body TEXT NOT NULL,
            attempts INTEGER NOT NULL, due INTEGER NOT NULL, expires INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS outbox_subscription ON outbox (subscription);
        CREATE TABLE IF NOT EXISTS dead_letters (id INTEGER PRIMARY KEY, subscription TEXT NOT NULL, callback TEXT NOT NULL, body TEXT NOT NULL,
            attempts INTEGER NOT NULL, reason TEXT NOT NULL, failed_at INTEGER NOT NULL);
        """;

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _put;
    private readonly SqliteCommand _remove;
    private readonly SqliteCommand _enqueue;
    private bool _disposed;

    /// <summary>Opens (or creates) the database file.</summary>
    /// <param name="path">The database file; its directory is created when missing.</param>
    /// <param name="synchronousFull">Whether every commit waits for the disk.</param>
    public SqliteMecPlatformStore(string path, bool synchronousFull = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        DatabaseFile = path;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute($"PRAGMA journal_mode=WAL; PRAGMA synchronous={(synchronousFull ? "FULL" : "NORMAL")}; PRAGMA foreign_keys=OFF;");
        Execute(Schema);
        _put = Prepare("INSERT INTO records (kind, id, body) VALUES ($kind, $id, $body) ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body", "$kind", "$id", "$body");
        _remove = Prepare("DELETE FROM records WHERE kind = $kind AND id = $id", "$kind", "$id");
        _enqueue = Prepare(
            "INSERT INTO outbox (subscription, callback, body, attempts, due, expires) VALUES ($subscription, $callback, $body, 0, $due, $expires) RETURNING id",
            "$subscription", "$callback", "$body", "$due", "$expires");
    }

    /// <summary>The database file.</summary>
    public string DatabaseFile { get; }

    /// <inheritdoc/>
    public Task<IReadOnlyList<MecRecord>> LoadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            using var command = Command("SELECT kind, id, body FROM records ORDER BY kind, id");
            using var reader = command.ExecuteReader();
            List<MecRecord> records = [];
            while (reader.Read())
            {
                records.Add(new MecRecord((MecRecordKind)reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
            }

            return Task.FromResult<IReadOnlyList<MecRecord>>(records);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<PendingNotification>> CommitAsync(IReadOnlyList<MecStoreChange> changes, IReadOnlyList<OutgoingNotification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(notifications);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _connection.BeginTransaction();
            foreach (var change in changes)
            {
                var command = change.Body is null ? _remove : _put;
                command.Transaction = transaction;
                command.Parameters[0].Value = (int)change.Kind;
                command.Parameters[1].Value = change.Id;
                if (change.Body is { } body)
                {
                    command.Parameters[2].Value = body;
                }

                command.ExecuteNonQuery();
            }

            var now = DateTimeOffset.UtcNow;
            var enqueued = new PendingNotification[notifications.Count];
            _enqueue.Transaction = transaction;
            for (var i = 0; i < notifications.Count; i++)
            {
                var notification = notifications[i];
                _enqueue.Parameters[0].Value = notification.SubscriptionId;
                _enqueue.Parameters[1].Value = notification.Callback.OriginalString;
                _enqueue.Parameters[2].Value = notification.Body;
                _enqueue.Parameters[3].Value = now.ToUnixTimeMilliseconds();
                _enqueue.Parameters[4].Value = notification.ExpiresAt.ToUnixTimeMilliseconds();
                var id = (long)_enqueue.ExecuteScalar()!;
                enqueued[i] = new PendingNotification(id, notification.SubscriptionId, notification.Callback, notification.Body, 0, now, notification.ExpiresAt);
            }

            transaction.Commit();
            return Task.FromResult<IReadOnlyList<PendingNotification>>(enqueued);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<PendingNotification>> LoadPendingAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            using var command = Command("SELECT id, subscription, callback, body, attempts, due, expires FROM outbox ORDER BY id");
            using var reader = command.ExecuteReader();
            List<PendingNotification> pending = [];
            while (reader.Read())
            {
                pending.Add(new PendingNotification(
                    reader.GetInt64(0), reader.GetString(1), new Uri(reader.GetString(2), UriKind.Absolute), reader.GetString(3), reader.GetInt32(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
            }

            return Task.FromResult<IReadOnlyList<PendingNotification>>(pending);
        }
    }

    /// <inheritdoc/>
    public Task MarkDeliveredAsync(long id, CancellationToken cancellationToken) =>
        Write("DELETE FROM outbox WHERE id = $1", [id], cancellationToken);

    /// <inheritdoc/>
    public Task RescheduleAsync(long id, int attempts, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        Write("UPDATE outbox SET attempts = $1, due = $2 WHERE id = $3", [attempts, dueAt.ToUnixTimeMilliseconds(), id], cancellationToken);

    /// <inheritdoc/>
    public Task DeadLetterAsync(long id, int attempts, string reason, DateTimeOffset failedAt, CancellationToken cancellationToken) =>
        Write(
            """
            INSERT INTO dead_letters (id, subscription, callback, body, attempts, reason, failed_at)
                SELECT id, subscription, callback, body, $1, $2, $3 FROM outbox WHERE id = $4;
            DELETE FROM outbox WHERE id = $4;
            """,
            [attempts, reason, failedAt.ToUnixTimeMilliseconds(), id],
            cancellationToken);

    /// <inheritdoc/>
    public Task<int> DiscardAsync(string subscriptionId, CancellationToken cancellationToken) =>
        Write("DELETE FROM outbox WHERE subscription = $1", [subscriptionId], cancellationToken);

    /// <inheritdoc/>
    public Task<int> RetargetAsync(string subscriptionId, Uri callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Write("UPDATE outbox SET callback = $1 WHERE subscription = $2", [callback.OriginalString, subscriptionId], cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<DeadLetter>> LoadDeadLettersAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            using var command = Command("SELECT id, subscription, callback, body, attempts, reason, failed_at FROM dead_letters ORDER BY id");
            using var reader = command.ExecuteReader();
            List<DeadLetter> letters = [];
            while (reader.Read())
            {
                letters.Add(new DeadLetter(
                    reader.GetInt64(0), reader.GetString(1), new Uri(reader.GetString(2), UriKind.Absolute), reader.GetString(3), reader.GetInt32(4),
                    reader.GetString(5), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
            }

            return Task.FromResult<IReadOnlyList<DeadLetter>>(letters);
        }
    }

    /// <summary>Closes the database.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _put.Dispose();
            _remove.Dispose();
            _enqueue.Dispose();
            _connection.Dispose();
        }
    }

    private Task<int> Write(string sql, object[] values, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _connection.BeginTransaction();
            using var command = Command(sql);
            command.Transaction = transaction;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), values[i]);
            }

            var changed = command.ExecuteNonQuery();
            transaction.Commit();
            return Task.FromResult(changed);
        }
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = Command(sql);
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
