using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PrecisionCloud.Security.Audit;

namespace PrecisionCloud.Security.Benchmarks;

/// <summary>
/// Audit append: 100,000 events (subject, tenant, action, resource, decision, reason) appended by one caller, then
/// one flush that forces them to the disk; a fresh log directory per iteration. Baseline: the naive way, each
/// event serialized with <see cref="JsonSerializer"/> and written as a line to a file stream, without a chain,
/// flushed to the disk once at the end, in the same run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class AuditAppendBenchmarks
{
    private const int Events = 100_000;
    private AuditEvent[] _events = null!;
    private string _directory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _events = [.. Enumerable.Range(0, Events).Select(i => new AuditEvent
        {
            Subject = $"spiffe://operator.example/site/edge-7/app/app-{i % 500}",
            Tenant = $"tenant-{i % 20}",
            Action = "mec.service.update",
            Resource = $"/mec_service_mgmt/v1/applications/{i % 500:x8}/services/{i:x8}",
            Decision = i % 10 == 0 ? AuditDecision.Deny : AuditDecision.Allow,
            Reason = i % 10 == 0 ? "not the owner of the app instance" : "owner of the app instance",
            Time = DateTimeOffset.UnixEpoch.AddSeconds(i),
        })];
    }

    [IterationSetup]
    public void FreshDirectory() => _directory = Directory.CreateTempSubdirectory("precisioncloud-audit-bench-").FullName;

    [IterationCleanup]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<long> Append_HashChained()
    {
        await using var log = new AuditLog(new AuditLogOptions { Directory = _directory });
        foreach (var auditEvent in _events)
        {
            await log.AppendAsync(auditEvent);
        }

        return (await log.FlushAsync())!.Sequence;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public long Append_NaiveJsonLinesBaseline()
    {
        using var file = new FileStream(Path.Combine(_directory, "naive.jsonl"), FileMode.Create, FileAccess.Write);
        foreach (var auditEvent in _events)
        {
#pragma warning disable CA1869 // the naive way: default options per call, as plain code does
            file.Write(JsonSerializer.SerializeToUtf8Bytes(auditEvent));
#pragma warning restore CA1869
            file.WriteByte((byte)'\n');
        }

        file.Flush(flushToDisk: true);
        return file.Length;
    }
}
