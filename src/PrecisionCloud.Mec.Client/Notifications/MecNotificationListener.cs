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
    private readonly WebApplication _app;
    private readonly Channel<ServiceAvailabilityNotification> _services = Channel.CreateUnbounded<ServiceAvailabilityNotification>();
    private readonly Channel<AppTerminationNotification> _terminations = Channel.CreateUnbounded<AppTerminationNotification>();

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

    /// <summary>Stops listening; the enumerations end.</summary>
    /// <returns>A task that completes when the listener stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        _services.Writer.TryComplete();
        _terminations.Writer.TryComplete();
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
