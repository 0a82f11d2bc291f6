using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using PrecisionCloud.Security.Audit;

namespace PrecisionCloud.Security.Tests.Audit;

public sealed class AuditLogTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Appended_events_verify_and_the_flush_names_the_head()
    {
        AuditCheckpoint? head;
        await using (var log = Open())
        {
            await AppendAsync(log, 100);
            head = await log.FlushAsync();
        }

        var result = await AuditLogVerifier.VerifyAsync(_directory.Path);

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(100, result.Records);
        Assert.Equal(head, result.Head);
        Assert.Equal(100, head!.Sequence);
    }

    [Fact]
    public async Task A_flush_before_any_event_answers_without_a_head_and_the_log_goes_on()
    {
        await using var log = Open();

        Assert.Null(await log.FlushAsync());
        await log.AppendAsync(Event(1));
        Assert.Equal(1, (await log.FlushAsync())!.Sequence);
    }

    [Fact]
    public async Task Every_record_holds_who_what_which_resource_decision_and_when()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        await using (var log = new AuditLog(Options(), time))
        {
            await log.AppendAsync(new AuditEvent
            {
                Subject = "spiffe://op.example/site/edge-1/app/cam",
                Tenant = "tenant-a",
                Action = "mec.service.create",
                Resource = "/mec_service_mgmt/v1/applications/a1/services",
                Decision = AuditDecision.Deny,
                Reason = "not the owner",
            });
            await log.FlushAsync();
        }

        var line = (await File.ReadAllLinesAsync(Files()[0]))[0];
        Assert.StartsWith("""{"seq":1,"time":"2026-11-26T08:00:00+00:00","subject":"spiffe://op.example/site/edge-1/app/cam","tenant":"tenant-a","action":"mec.service.create","resource":"/mec_service_mgmt/v1/applications/a1/services","decision":"deny","reason":"not the owner","prev":"0000""", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"decision\":\"allow\"", "\"decision\":\"deny\"")]
    [InlineData("\"subject\":\"user-41\"", "\"subject\":\"user-14\"")]
    [InlineData("\"resource\":\"/r/41\"", "\"resource\":\"/r/40\"")]
    public async Task An_edited_record_is_found_by_its_line(string original, string edited)
    {
        await WriteAsync(100);
        var lines = await File.ReadAllLinesAsync(Files()[0]);
        lines[41] = lines[41].Replace(original, edited, StringComparison.Ordinal);
        await File.WriteAllLinesAsync(Files()[0], lines);

        var result = await AuditLogVerifier.VerifyAsync(_directory.Path);

        Assert.False(result.IsIntact);
        Assert.Equal(41, result.Records);
        Assert.Contains("line 42 (record 42) was changed", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_whose_hash_was_computed_again_breaks_the_next_link()
    {
        await WriteAsync(10);
        var lines = await File.ReadAllLinesAsync(Files()[0]);
        var body = lines[4][..lines[4].LastIndexOf(",\"hash\":\"", StringComparison.Ordinal)].Replace("allow", "deny", StringComparison.Ordinal);
        lines[4] = body + ",\"hash\":\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body))) + "\"}";
        await File.WriteAllLinesAsync(Files()[0], lines);

        var result = await AuditLogVerifier.VerifyAsync(_directory.Path);

        Assert.False(result.IsIntact);
        Assert.Contains("line 6 (record 6) does not follow the record before it", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_record_is_found()
    {
        await WriteAsync(20);
        var lines = (await File.ReadAllLinesAsync(Files()[0])).ToList();
        lines.RemoveAt(7);
        await File.WriteAllLinesAsync(Files()[0], lines);

        var result = await AuditLogVerifier.VerifyAsync(_directory.Path);

        Assert.Contains("line 8 (record 8) has sequence number 9 where 8 was due", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reordered_records_are_found()
    {
        await WriteAsync(20);
        var lines = await File.ReadAllLinesAsync(Files()[0]);
        (lines[10], lines[11]) = (lines[11], lines[10]);
        await File.WriteAllLinesAsync(Files()[0], lines);

        var result = await AuditLogVerifier.VerifyAsync(_directory.Path);

        Assert.False(result.IsIntact);
        Assert.Equal(10, result.Records);
    }

    [Fact]
    public async Task Rotation_keeps_one_chain_across_files_and_a_missing_file_is_found()
    {
        await using (var log = Open(maxFileBytes: 8 * 1024))
        {
            await AppendAsync(log, 500);
            await log.FlushAsync();
        }

        var files = Files();
        Assert.True(files.Length > 3, $"{files.Length} files");
        Assert.True((await AuditLogVerifier.VerifyAsync(_directory.Path)).IsIntact);

        File.Delete(files[2]);
        var result = await AuditLogVerifier.VerifyAsync(_directory.Path);
        Assert.False(result.IsIntact);
        Assert.Contains(Path.GetFileName(files[3]) + " line 1", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archived_older_files_verify_from_the_checkpoint_before_them()
    {
        AuditCheckpoint? archivedHead;
        await using (var log = Open(maxFileBytes: 8 * 1024))
        {
            await AppendAsync(log, 300);
            await log.FlushAsync();
        }

        var first = Files()[0];
        archivedHead = (await AuditLogVerifier.VerifyAsync(_directory.Path)) is { IsIntact: true } ? await HeadOfAsync(first) : null;
        File.Delete(first);

        Assert.False((await AuditLogVerifier.VerifyAsync(_directory.Path)).IsIntact);
        var result = await AuditLogVerifier.VerifyAsync(_directory.Path, start: archivedHead);
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(300, result.Head!.Sequence);
    }

    [Fact]
    public async Task Records_cut_off_the_end_are_found_against_a_checkpoint_kept_elsewhere()
    {
        AuditCheckpoint? head;
        await using (var log = Open())
        {
            await AppendAsync(log, 50);
            head = await log.FlushAsync();
        }

        var lines = await File.ReadAllLinesAsync(Files()[0]);
        await File.WriteAllLinesAsync(Files()[0], lines[..45]);

        Assert.True((await AuditLogVerifier.VerifyAsync(_directory.Path)).IsIntact);
        var result = await AuditLogVerifier.VerifyAsync(_directory.Path, expectedHead: head);
        Assert.False(result.IsIntact);
        Assert.Contains("ends at record 45, before the expected record 50", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_continues_the_chain_and_cuts_off_a_half_written_record()
    {
        await WriteAsync(30);
        await File.AppendAllTextAsync(Files()[0], "{\"seq\":31,\"time\":\"2026-");

        await using (var log = Open())
        {
            Assert.Equal(30, log.LastSequence);
            await AppendAsync(log, 20);
            await log.FlushAsync();
        }

        var result = await AuditLogVerifier.VerifyAsync(_directory.Path);
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(50, result.Records);
    }

    [Fact]
    public async Task A_restart_continues_after_records_longer_than_the_tail_it_reads_first()
    {
        await using (var log = Open())
        {
            await log.AppendAsync(Event(1) with { Reason = new string('r', 40_000) });
            await log.AppendAsync(Event(2) with { Reason = new string('s', 40_000) });
            await log.FlushAsync();
        }

        await using (var log = Open())
        {
            Assert.Equal(2, log.LastSequence);
            await log.AppendAsync(Event(3));
            await log.FlushAsync();
        }

        var result = await AuditLogVerifier.VerifyAsync(_directory.Path);
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(3, result.Records);
        Assert.Single(Files());
    }

    [Fact]
    public async Task A_tampered_last_record_stops_the_log_from_continuing_it()
    {
        await WriteAsync(5);
        var lines = await File.ReadAllLinesAsync(Files()[0]);
        lines[^1] = lines[^1].Replace("allow", "deny", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(Files()[0], lines);

        var refused = Assert.Throws<InvalidDataException>(() => Open());
        Assert.Contains("was changed", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_appenders_lose_nothing()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var collector = new MetricCollector<long>(meterFactory, AuditLog.MeterName, "precisioncloud.audit.events");
        await using (var log = new AuditLog(Options(), meterFactory: meterFactory))
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
            {
                for (var i = 0; i < 1_000; i++)
                {
                    await log.AppendAsync(Event(writer * 1_000 + i));
                }
            })));
            await log.FlushAsync();
        }

        var result = await AuditLogVerifier.VerifyAsync(_directory.Path);
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(8_000, result.Records);
        var subjects = (await File.ReadAllLinesAsync(Files()[0])).Select(l => l[(l.IndexOf("\"subject\":\"", StringComparison.Ordinal) + 11)..]).Select(l => l[..l.IndexOf('"', StringComparison.Ordinal)]).ToHashSet();
        Assert.Equal(8_000, subjects.Count);
        Assert.Equal(8_000, collector.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task Any_changed_byte_anywhere_fails_verification()
    {
        await WriteAsync(40);
        var original = await File.ReadAllBytesAsync(Files()[0]);
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var changed = (byte[])original.Clone();
            var at = random.Next(changed.Length);
            changed[at] = (byte)(changed[at] == (byte)'a' ? 'b' : 'a');
            await File.WriteAllBytesAsync(Files()[0], changed);

            var result = await AuditLogVerifier.VerifyAsync(_directory.Path);
            Assert.False(result.IsIntact, $"byte {at} changed, still intact");
        }
    }

    private static AuditEvent Event(int i) => new()
    {
        Subject = $"user-{i}",
        Tenant = i % 2 == 0 ? "tenant-a" : null,
        Action = "resource.update",
        Resource = $"/r/{i}",
        Decision = AuditDecision.Allow,
        Reason = i % 3 == 0 ? "role admin" : null,
    };

    private static async Task AppendAsync(AuditLog log, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(Event(i));
        }
    }

    private static async Task<AuditCheckpoint> HeadOfAsync(string file)
    {
        var last = (await File.ReadAllLinesAsync(file))[^1];
        var sequence = long.Parse(last.AsSpan(7, last.IndexOf(',', StringComparison.Ordinal) - 7), System.Globalization.CultureInfo.InvariantCulture);
        return new AuditCheckpoint(sequence, last[^66..^2]);
    }

    private async Task WriteAsync(int count)
    {
        await using var log = Open();
        await AppendAsync(log, count);
        await log.FlushAsync();
    }

    private string[] Files() => [.. Directory.GetFiles(_directory.Path, "audit-*.jsonl").Order(StringComparer.Ordinal)];

    private AuditLog Open(long maxFileBytes = 64L * 1024 * 1024) => new(Options(maxFileBytes));

    private AuditLogOptions Options(long maxFileBytes = 64L * 1024 * 1024) => new() { Directory = _directory.Path, MaxFileBytes = maxFileBytes, FlushToDisk = false };
}
