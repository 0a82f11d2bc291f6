using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PrecisionCloud.Security.Audit;

/// <summary>
/// The append-only, hash-chained audit log (<see cref="AuditRecordFormat"/>): events are queued by any number of
/// callers and written in batches by one writer, which rotates files by size without breaking the chain and, on
/// start, continues the chain of the files already there. <see cref="FlushAsync"/> returns once everything appended
/// before it is written (and forced to the disk, by default). Verify a log with <see cref="AuditLogVerifier"/>.
/// </summary>
public sealed partial class AuditLog : IAsyncDisposable
{
    /// <summary>The name of the meter this log's counters are published on.</summary>
    public const string MeterName = "PrecisionCloud.Security.Audit";

    private readonly AuditLogOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Entry> _queue;
    private readonly Task _writer;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;
    private readonly byte[] _previousHash = new byte[AuditRecordFormat.HashLength];
    private readonly Meter? _meter;
    private readonly Counter<long>? _appended;
    private FileStream? _file;
    private string? _resumePath;
    private long _sequence;

    /// <summary>Opens the log in its directory, continuing the chain of the files already there, and starts its writer.</summary>
    /// <param name="options">Where and how to write.</param>
    /// <param name="timeProvider">The clock for events appended without a time.</param>
    /// <param name="logger">Where write failures and repairs are logged.</param>
    /// <param name="meterFactory">Where the <c>precisioncloud.audit.events</c> counter is published, if anywhere.</param>
    /// <exception cref="InvalidDataException">The newest file's last record is not a valid record: the log was tampered with; verify it.</exception>
    public AuditLog(AuditLogOptions options, TimeProvider? timeProvider = null, ILogger<AuditLog>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        OwnerOnlyFiles.EnsureDirectory(options.Directory);
        ContinueChain();
        if (meterFactory is not null)
        {
            _meter = meterFactory.Create(MeterName);
            _appended = _meter.CreateCounter<long>("precisioncloud.audit.events", "{event}", "Audit events written to the log.");
        }

        _queue = Channel.CreateBounded<Entry>(new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>The sequence number of the last record written (0 before the first).</summary>
    public long LastSequence => Volatile.Read(ref _sequence);

    /// <summary>Queues an event; waits only when the queue is full. Its time is filled in when left at its default.</summary>
    /// <param name="auditEvent">The event.</param>
    /// <param name="cancellationToken">Cancels waiting for room.</param>
    /// <returns>A task that completes when the event is queued (not yet written: see <see cref="FlushAsync"/>).</returns>
    public ValueTask AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var entry = new Entry(auditEvent.Time == default ? auditEvent with { Time = _time.GetUtcNow() } : auditEvent, null);
        return _queue.Writer.TryWrite(entry) ? ValueTask.CompletedTask : _queue.Writer.WriteAsync(entry, cancellationToken);
    }

    /// <summary>Waits until every event appended before this call is written and flushed.</summary>
    /// <param name="cancellationToken">Cancels the wait (the events are still written).</param>
    /// <returns>The checkpoint of the last record written.</returns>
    /// <exception cref="IOException">The log could not be written; the events stay queued.</exception>
    public async Task<AuditCheckpoint?> FlushAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new TaskCompletionSource<AuditCheckpoint?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(new Entry(null, flushed), cancellationToken).ConfigureAwait(false);
        return await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes what is queued, then closes the file.</summary>
    /// <returns>A task that completes when the log is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }

        await _json.DisposeAsync().ConfigureAwait(false);
        _meter?.Dispose();
    }

    /// <summary>
    /// Finds the last record of the newest file and continues from it, reading only the file's tail; cuts off a
    /// final line left half-written by a crash. The writer appends to that file while it is under the size limit.
    /// </summary>
    private void ContinueChain()
    {
        var files = AuditRecordFormat.Files(_options.Directory);
        if (files.Length == 0)
        {
            return;
        }

        var path = files[^1];
        using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            var (tail, tailStart, lineStart, end) = LastRecord(file);
            if (end < file.Length)
            {
                LogTruncated(_logger, path, (int)(file.Length - end));
                file.SetLength(end);
            }

            if (end > 0)
            {
                var line = tail.AsSpan((int)(lineStart - tailStart), (int)(end - 1 - lineStart));
                Span<byte> hash = stackalloc byte[AuditRecordFormat.HashLength];
                if (AuditRecordFormat.CheckHash(line, hash) is { } problem)
                {
                    throw new InvalidDataException($"the last audit record in {path} {problem}; verify the log");
                }

                _sequence = ReadSequence(line, path);
                hash.CopyTo(_previousHash);
            }

            _resumePath = end < _options.MaxFileBytes ? path : null;
        }
    }

    /// <summary>
    /// The end of a file, in windows that double until they hold the last whole line: the bytes read, where they
    /// start, where the last whole line starts, and where it ends (after its newline; 0 when there is none).
    /// </summary>
    private static (byte[] Tail, long TailStart, long LineStart, long End) LastRecord(FileStream file)
    {
        for (var window = 16L * 1024; ; window *= 2)
        {
            var tailStart = Math.Max(0, file.Length - window);
            var tail = new byte[file.Length - tailStart];
            file.Position = tailStart;
            file.ReadExactly(tail);
            var lastNewline = Array.LastIndexOf(tail, (byte)'\n');
            if (lastNewline < 0)
            {
                if (tailStart == 0)
                {
                    return (tail, 0, 0, 0);
                }

                continue;
            }

            var lineStart = lastNewline == 0 ? -1 : Array.LastIndexOf(tail, (byte)'\n', lastNewline - 1);
            if (lineStart < 0 && tailStart > 0)
            {
                continue;
            }

            return (tail, tailStart, tailStart + lineStart + 1, tailStart + lastNewline + 1);
        }
    }

    private static long ReadSequence(ReadOnlySpan<byte> line, string path)
    {
        var reader = new Utf8JsonReader(line);
        return reader.Read() && reader.Read() && reader.ValueSpan.SequenceEqual("seq"u8) && reader.Read() && reader.TryGetInt64(out var sequence)
            ? sequence
            : throw new InvalidDataException($"the last audit record in {path} has no sequence number; verify the log");
    }

    /// <summary>
    /// The writer: takes batches from the queue, writes them, flushes when asked. A failure to write (a full disk)
    /// fails the waiting flushes and keeps what failed: the record formatted but not written stays in the buffer,
    /// the event not yet formatted is retried first, so nothing appended is lost or reordered.
    /// </summary>
    private async Task WriteAsync()
    {
        var reader = _queue.Reader;
        List<TaskCompletionSource<AuditCheckpoint?>> flushes = [];
        AuditEvent? retry = null;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var written = 0;
            try
            {
                if (retry is not null)
                {
                    Append(retry);
                    retry = null;
                    written++;
                }

                while (written < 4096 && reader.TryRead(out var entry))
                {
                    if (entry.Flushed is { } flushed)
                    {
                        flushes.Add(flushed);
                        continue;
                    }

                    retry = entry.Event!;
                    Append(retry);
                    retry = null;
                    written++;
                }

                await WriteBufferAsync().ConfigureAwait(false);
                if (flushes.Count > 0 && _file is not null)
                {
                    await _file.FlushAsync().ConfigureAwait(false);
                    if (_options.FlushToDisk)
                    {
                        _file.Flush(flushToDisk: true);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LogWriteFailed(_logger, exception, _options.Directory);
                flushes.ForEach(f => f.TrySetException(exception));
                flushes.Clear();
                continue;
            }

            _appended?.Add(written);
            var head = _sequence == 0 ? null : new AuditCheckpoint(_sequence, Convert.ToHexStringLower(_previousHash));
            flushes.ForEach(f => f.TrySetResult(head));
            flushes.Clear();
        }
    }

    private void Append(AuditEvent auditEvent)
    {
        if (_file is null || _file.Position + _buffer.WrittenCount >= _options.MaxFileBytes)
        {
            Rotate();
        }

        Span<byte> hash = stackalloc byte[AuditRecordFormat.HashLength];
        AuditRecordFormat.Write(_buffer, _json, _sequence + 1, auditEvent, _previousHash, hash);
        hash.CopyTo(_previousHash);
        Volatile.Write(ref _sequence, _sequence + 1);
    }

    /// <summary>Writes the buffer to the current file, then starts the next file with the next record.</summary>
    private void Rotate()
    {
        if (_file is not null)
        {
            _file.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
            _file.Flush(flushToDisk: _options.FlushToDisk);
            _file.Dispose();
            _file = null;
        }

        var path = _resumePath ?? Path.Combine(_options.Directory, AuditRecordFormat.FileName(_sequence + 1));
        _resumePath = null;

        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        _file = new FileStream(path, options);
    }

    private async Task WriteBufferAsync()
    {
        if (_buffer.WrittenCount == 0)
        {
            return;
        }

        await _file!.WriteAsync(_buffer.WrittenMemory).ConfigureAwait(false);
        _buffer.ResetWrittenCount();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Audit log {Path}: cut off {Bytes} bytes of a record left half-written")]
    private static partial void LogTruncated(ILogger logger, string path, int bytes);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Audit log in {Directory} could not be written")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string directory);

    private readonly record struct Entry(AuditEvent? Event, TaskCompletionSource<AuditCheckpoint?>? Flushed);
}
