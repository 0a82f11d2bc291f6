using PrecisionCloud.Tests.Http;
namespace PrecisionCloud.Mec.Platform.Tests.Infrastructure;

/// <summary>A test with a platform of its own (conformance mode, its own database) and a callback receiver.</summary>
public abstract class PlatformTest : IAsyncLifetime, IDisposable
{
    private PlatformHost? _platform;
    private CallbackReceiver? _callbacks;

    internal TemporaryDirectory Directory { get; } = new();

    internal PlatformHost Platform => _platform ?? throw new InvalidOperationException("the platform is not started");

    internal CallbackReceiver Callbacks => _callbacks ?? throw new InvalidOperationException("the callback receiver is not started");

    public virtual async Task InitializeAsync()
    {
        _callbacks = await CallbackReceiver.StartAsync();
        _platform = await PlatformHost.StartAsync(Directory.Path, Configure, services: ConfigureServices);
    }

    public virtual async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }

        if (_callbacks is not null)
        {
            await _callbacks.DisposeAsync();
        }
    }

    public void Dispose()
    {
        Directory.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the platform and starts it again on the same database and port.</summary>
    internal async Task RestartAsync(Action<MecPlatformOptions>? configure = null)
    {
        var port = Platform.Root.Port;
        await Platform.DisposeAsync();
        _platform = null;
        _platform = await PlatformHost.StartAsync(Directory.Path, configure ?? Configure, port: port, services: ConfigureServices);
    }

    internal virtual void Configure(MecPlatformOptions options)
    {
    }

    internal virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }
}
