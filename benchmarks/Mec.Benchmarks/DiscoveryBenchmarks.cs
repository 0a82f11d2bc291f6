using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrecisionCloud.Mec.Platform;
using PrecisionCloud.Mec.Platform.DataPlane;
using PrecisionCloud.Mec.Platform.Notifications;
using PrecisionCloud.Mec.Platform.Registry;
using PrecisionCloud.Mec.Platform.Storage;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.Benchmarks;

/// <summary>
/// Service discovery by name among 10,000 registered services (100 producing applications), as the platform answers
/// <c>GET /services?ser_name=...</c> without the HTTP: find the service and write the JSON array. Baseline, in the
/// same run: scan every service for the name and serialize each match with its links (what a registry without a
/// name index and without cached answers does).
/// </summary>
[MemoryDiagnoser]
public class DiscoveryBenchmarks
{
    private const int Services = 10_000;
    private const int Lookups = 1_024;
    private readonly ArrayBufferWriter<byte> _answer = new(64 * 1024);
    private string _directory = null!;
    private SqliteMecPlatformStore _store = null!;
    private MecRegistry _registry = null!;
    private (string App, ServiceInfo Info)[] _all = null!;
    private ServiceQuery[] _queries = null!;
    private string[] _names = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("mec-discovery-").FullName;
        _store = new SqliteMecPlatformStore(Path.Combine(_directory, "mec.db"));
        var none = new AbsentDataPlane();
        var options = Options.Create(new MecPlatformOptions { ConformanceMode = true, ApiRoot = new Uri("http://127.0.0.1:8080") });
        _registry = new MecRegistry(new NoServices(), _store, none, none, new Discard(), options, TimeProvider.System, NullLogger<MecRegistry>.Instance);
        _registry.LoadAsync(options.Value.ApiRoot!, CancellationToken.None).GetAwaiter().GetResult();
        var all = new List<(string, ServiceInfo)>(Services);
        for (var i = 0; i < Services; i++)
        {
            var app = $"app-{i % 100}";
            var request = new ServiceInfo
            {
                SerName = $"svc-{i}",
                Version = "1.0",
                State = ServiceState.Active,
                TransportId = MecRegistry.PlatformTransportId,
                Serializer = SerializerType.Json,
                SerCategory = new CategoryRef("http://catalogue/c", $"cat-{i % 20}", "c", "1"),
            };
            var created = _registry.CreateServiceAsync(app, request, CancellationToken.None).GetAwaiter().GetResult();
            all.Add((app, created.Value!.Stored.Info));
        }

        _all = [.. all];
        var random = new Random(42);
        _names = [.. Enumerable.Range(0, Lookups).Select(_ => $"svc-{random.Next(Services)}")];
        _queries = [.. _names.Select(name => new ServiceQuery(null, [name], null, null, null, null))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _registry.Dispose();
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    public int Platform_name_index_and_cached_answers()
    {
        var total = 0;
        foreach (var query in _queries)
        {
            _answer.ResetWrittenCount();
            _answer.Write("["u8);
            var first = true;
            foreach (var entry in _registry.Discover(query))
            {
                if (!first)
                {
                    _answer.Write(","u8);
                }

                _answer.Write(entry.Json);
                first = false;
            }

            _answer.Write("]"u8);
            total += _answer.WrittenCount;
        }

        return total;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups)]
    public int Naive_scan_and_serialize()
    {
        var total = 0;
        foreach (var name in _names)
        {
            _answer.ResetWrittenCount();
            using var writer = new Utf8JsonWriter(_answer);
            writer.WriteStartArray();
            foreach (var (app, info) in _all)
            {
                if (info.SerName == name)
                {
                    var linked = info with { IsLocal = true, Links = new ServiceLinks(new LinkType($"http://127.0.0.1:8080/mec_service_mgmt/v1/applications/{app}/services/{info.SerInstanceId}")) };
                    JsonSerializer.Serialize(writer, linked, MecJson.Options);
                }
            }

            writer.WriteEndArray();
            writer.Flush();
            total += _answer.WrittenCount;
        }

        return total;
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private sealed class Discard : INotificationQueue
    {
        public void Enqueue(IReadOnlyList<PendingNotification> notifications)
        {
        }

        public void Forget(string subscriptionId)
        {
        }

        public void Retarget(string subscriptionId, Uri callback)
        {
        }
    }
}
