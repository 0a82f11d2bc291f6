using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Client.Http;
using PrecisionCloud.Mec.Location;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.Client.Notifications;

/// <summary>
/// An embedded HTTP listener for the platform's notifications: give its callback URIs to the subscriptions and
/// read what arrives as <see cref="IAsyncEnumerable{T}"/>. A body that is not the notification it should be (not
/// JSON, a mandatory field missing or null, another notification type) gets 400, which the platform records as
/// refused; an accepted one gets 204 once it is queued for the reader.
/// </summary>
public sealed class MecNotificationListener : IAsyncDisposable
{
    private const string ServiceAvailabilityPath = "/notifications/service-availability";
    private const string TerminationPath = "/notifications/termination";
    private const string ZoneLocationPath = "/notifications/zone-location";
    private const string UserLocationPath = "/notifications/user-location";
    private readonly WebApplication _app;
    private readonly Channel<ServiceAvailabilityNotification> _services = Channel.CreateUnbounded<ServiceAvailabilityNotification>();
    private readonly Channel<AppTerminationNotification> _terminations = Channel.CreateUnbounded<AppTerminationNotification>();
    private readonly Channel<ZoneLocationEventNotification> _zones = Channel.CreateUnbounded<ZoneLocationEventNotification>();
    private readonly Channel<UserLocationEventNotification> _users = Channel.CreateUnbounded<UserLocationEventNotification>();

    private int _testNotifications;

    private MecNotificationListener(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Where the listener listens (scheme, host and port).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The callback URI for service availability subscriptions.</summary>
    public Uri ServiceAvailabilityCallback => new(Address, ServiceAvailabilityPath);

    /// <summary>The callback URI for termination subscriptions.</summary>
    public Uri TerminationCallback => new(Address, TerminationPath);

    /// <summary>The callback URI for MEC 013 zone location event subscriptions.</summary>
    public Uri ZoneLocationCallback => new(Address, ZoneLocationPath);

    /// <summary>The callback URI for MEC 013 user location event subscriptions.</summary>
    public Uri UserLocationCallback => new(Address, UserLocationPath);

    /// <summary>The test notifications that arrived (MEC 013 subscriptions that asked for one).</summary>
    public int TestNotifications => Volatile.Read(ref _testNotifications);

    /// <summary>Starts a listener.</summary>
    /// <param name="address">Where to listen, for example <c>http://127.0.0.1:0</c> (0: a free port); the platform must reach it.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The listening listener.</returns>
    public static async Task<MecNotificationListener> StartAsync(Uri address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(
            address.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(address.Host.Trim('[', ']')),
            address.Port));
        var app = builder.Build();
        var listener = new MecNotificationListener(app);
        app.MapPost(ServiceAvailabilityPath, context => ReceiveAsync(context, listener._services.Writer, n => n.NotificationType == ServiceAvailabilityNotification.Type));
        app.MapPost(TerminationPath, context => ReceiveAsync(context, listener._terminations.Writer, n => n.NotificationType == AppTerminationNotification.Type));
        app.MapPost(ZoneLocationPath, context => listener.ReceiveLocationAsync<InlineZoneLocationEventNotification, ZoneLocationEventNotification>(context, listener._zones.Writer, n => n.ZoneLocationEventNotification));
        app.MapPost(UserLocationPath, context => listener.ReceiveLocationAsync<InlineUserLocationEventNotification, UserLocationEventNotification>(context, listener._users.Writer, n => n.UserLocationEventNotification));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        listener.Address = new UriBuilder(address.Scheme, address.Host, bound.Port).Uri;
        return listener;
    }

    /// <summary>The service availability notifications, as they arrive.</summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The notifications.</returns>
    public IAsyncEnumerable<ServiceAvailabilityNotification> ServiceAvailabilityAsync(CancellationToken cancellationToken) =>
        Read(_services.Reader, cancellationToken);

    /// <summary>The termination notifications, as they arrive.</summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The notifications.</returns>
    public IAsyncEnumerable<AppTerminationNotification> TerminationsAsync(CancellationToken cancellationToken) =>
        Read(_terminations.Reader, cancellationToken);

    /// <summary>The zone location event notifications, as they arrive.</summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The notifications.</returns>
    public IAsyncEnumerable<ZoneLocationEventNotification> ZoneLocationEventsAsync(CancellationToken cancellationToken) =>
        Read(_zones.Reader, cancellationToken);

    /// <summary>The user location event notifications, as they arrive.</summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The notifications.</returns>
    public IAsyncEnumerable<UserLocationEventNotification> UserLocationEventsAsync(CancellationToken cancellationToken) =>
        Read(_users.Reader, cancellationToken);

    /// <summary>Stops listening; the enumerations end.</summary>
    /// <returns>A task that completes when the listener stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        _services.Writer.TryComplete();
        _terminations.Writer.TryComplete();
        _zones.Writer.TryComplete();
        _users.Writer.TryComplete();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<T> Read<T>(ChannelReader<T> reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    /// <summary>MEC 013 wraps each notification in an object named after its type; a test notification is counted and acknowledged.</summary>
    private async Task ReceiveLocationAsync<TInline, T>(HttpContext context, ChannelWriter<T> writer, Func<TInline, T?> unwrap)
        where T : class
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        try
        {
            if (JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), MecHttp.TypeInfo<InlineTestNotification>())?.TestNotification is { NotificationType: TestNotification.Type })
            {
                Interlocked.Increment(ref _testNotifications);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            if (JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), MecHttp.TypeInfo<TInline>()) is { } inline && unwrap(inline) is { } notification && writer.TryWrite(notification))
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }
        }
        catch (JsonException)
        {
            // Not a notification; answered below.
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static async Task ReceiveAsync<T>(HttpContext context, ChannelWriter<T> writer, Func<T, bool> isExpected)
    {
        T? notification;
        try
        {
            notification = await JsonSerializer.DeserializeAsync(context.Request.Body, MecHttp.TypeInfo<T>(), context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            notification = default;
        }

        if (notification is null || !isExpected(notification) || !writer.TryWrite(notification))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
