using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Tests.Fakes;

namespace PrecisionCloud.Resources.Benchmarks;

/// <summary>
/// What every OpenStack request pays for its token while the token is valid: <see cref="KeystoneSession.GetAccessAsync"/>
/// (a volatile read and an expiry check, single-flight only on renewal). Baseline, in the same run: the usual cache
/// guarded by a <see cref="SemaphoreSlim"/> around the check, so that concurrent renewals cannot happen.
/// </summary>
[MemoryDiagnoser]
public class TokenCacheBenchmarks
{
    private const int Calls = 1000;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FakeOpenStack _cloud = null!;
    private HttpClient _http = null!;
    private KeystoneSession _session = null!;
    private KeystoneAccess? _cached;

    [GlobalSetup]
    public void Setup()
    {
        _cloud = new FakeOpenStack();
        _http = new HttpClient(_cloud);
        _session = new KeystoneSession(_http, new OpenStackCloudOptions { AuthUrl = FakeOpenStack.AuthUrl, Username = "u", Password = "p", ProjectName = "p" },
            new OpenStackClientOptions(), TimeProvider.System, NullLogger.Instance);
        _cached = _session.GetAccessAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _cloud.Dispose();
        _gate.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public async Task<int> SemaphoreGuardedCache()
    {
        var length = 0;
        for (var i = 0; i < Calls; i++)
        {
            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                if (_cached is null || _cached.ExpiresAt - TimeSpan.FromMinutes(5) <= TimeProvider.System.GetUtcNow())
                {
                    _cached = await _session.GetAccessAsync(CancellationToken.None).ConfigureAwait(false);
                }

                length += _cached.Token.Length;
            }
            finally
            {
                _gate.Release();
            }
        }

        return length;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task<int> KeystoneSessionCache()
    {
        var length = 0;
        for (var i = 0; i < Calls; i++)
        {
            length += (await _session.GetAccessAsync(CancellationToken.None).ConfigureAwait(false)).Token.Length;
        }

        return length;
    }
}
