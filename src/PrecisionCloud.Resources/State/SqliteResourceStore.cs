using Microsoft.Data.Sqlite;

namespace PrecisionCloud.Resources.State;

/// <summary>
/// The desired state and its change log in SQLite: a record and its change are committed together, so a watch that
/// resumes from a revision misses nothing that was stored. An empty path keeps everything in memory.
/// </summary>
internal sealed class SqliteResourceStore : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS resources (kind INTEGER NOT NULL, key TEXT NOT NULL, document TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS changes (revision INTEGER PRIMARY KEY AUTOINCREMENT, kind INTEGER NOT NULL, key TEXT NOT NULL,
            type INTEGER NOT NULL, reason TEXT NOT NULL, document TEXT NOT NULL);
        """;

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _put;
    private readonly SqliteCommand _remove;
    private readonly SqliteCommand _change;
    private readonly int _history;
    private long _writesSincePrune;

    public SqliteResourceStore(string? path, bool synchronousFull, int history)
    {
        var inMemory = string.IsNullOrWhiteSpace(path);
        if (!inMemory && Path.GetDirectoryName(Path.GetFullPath(path!)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        _history = history;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = inMemory ? ":memory:" : path, Pooling = false }.ToString());
        _connection.Open();
        Execute(inMemory ? "PRAGMA journal_mode=MEMORY;" : $"PRAGMA journal_mode=WAL; PRAGMA synchronous={(synchronousFull ? "FULL" : "NORMAL")};");
        Execute(Schema);
        _put = Prepare("INSERT INTO resources (kind, key, document) VALUES ($kind, $key, $document) ON CONFLICT (kind, key) DO UPDATE SET document = excluded.document",
            "$kind", "$key", "$document");
        _remove = Prepare("DELETE FROM resources WHERE kind = $kind AND key = $key", "$kind", "$key");
        _change = Prepare("INSERT INTO changes (kind, key, type, reason, document) VALUES ($kind, $key, $type, $reason, $document) RETURNING revision",
            "$kind", "$key", "$type", "$reason", "$document");
    }

    public IReadOnlyList<StoredResource> Load()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT kind, key, document FROM resources ORDER BY kind, key";
            using var reader = command.ExecuteReader();
            List<StoredResource> resources = [];
            while (reader.Read())
            {
                resources.Add(new StoredResource((ResourceKind)reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
            }

            return resources;
        }
    }

    public long LastRevision()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(MAX(revision), 0) FROM changes";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Stores (or removes) a record and logs its change in one transaction; returns the change's revision.</summary>
    public long Commit(ResourceKind kind, string key, ResourceChangeType type, string reason, string document)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var write = type == ResourceChangeType.Deleted ? _remove : _put;
            write.Transaction = transaction;
            write.Parameters["$kind"].Value = (int)kind;
            write.Parameters["$key"].Value = key;
            if (type != ResourceChangeType.Deleted)
            {
                write.Parameters["$document"].Value = document;
            }

            write.ExecuteNonQuery();
            _change.Transaction = transaction;
            _change.Parameters["$kind"].Value = (int)kind;
            _change.Parameters["$key"].Value = key;
            _change.Parameters["$type"].Value = (int)type;
            _change.Parameters["$reason"].Value = reason;
            _change.Parameters["$document"].Value = document;
            var revision = Convert.ToInt64(_change.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (++_writesSincePrune >= 1024)
            {
                _writesSincePrune = 0;
                using var prune = _connection.CreateCommand();
                prune.Transaction = transaction;
                prune.CommandText = "DELETE FROM changes WHERE revision <= $floor";
                prune.Parameters.AddWithValue("$floor", revision - _history);
                prune.ExecuteNonQuery();
            }

            transaction.Commit();
            return revision;
        }
    }

    /// <summary>The stored changes after a revision, oldest first; the first revision kept tells whether some were pruned.</summary>
    public IReadOnlyList<StoredChange> ReadChanges(long afterRevision, int max)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT revision, kind, key, type, reason, document FROM changes WHERE revision > $after ORDER BY revision LIMIT $max";
            command.Parameters.AddWithValue("$after", afterRevision);
            command.Parameters.AddWithValue("$max", max);
            using var reader = command.ExecuteReader();
            List<StoredChange> changes = [];
            while (reader.Read())
            {
                changes.Add(new StoredChange(reader.GetInt64(0), (ResourceKind)reader.GetInt32(1), reader.GetString(2),
                    (ResourceChangeType)reader.GetInt32(3), reader.GetString(4), reader.GetString(5)));
            }

            return changes;
        }
    }

    public long FirstRevision()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(MIN(revision), 0) FROM changes";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public void Dispose()
    {
        _put.Dispose();
        _remove.Dispose();
        _change.Dispose();
        _connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
