using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace PrecisionCloud.Mec.Client.Http;

/// <summary>
/// Retries what a busy or restarting platform refused: 429 and 503 for every method (the platform did not act),
/// 502 and 504 for the idempotent ones, and connections that could not be made. The wait doubles from
/// <see cref="MecClientOptions.RetryDelay"/> with jitter; a longer <c>Retry-After</c> from the platform wins.
/// </summary>
internal sealed class MecRetryHandler(IOptions<MecClientOptions> options, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var idempotent = request.Method != HttpMethod.Post && request.Method != HttpMethod.Patch;
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException error) when (attempt < settings.MaxRetries && error.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                await Task.Delay(Backoff(attempt, null, settings), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var retry = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                || (idempotent && response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout);
            if (!retry || attempt >= settings.MaxRetries)
            {
                return response;
            }

            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - time.GetUtcNow(),
                _ => (TimeSpan?)null,
            };
            response.Dispose();
            await Task.Delay(Backoff(attempt, retryAfter, settings), time, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static TimeSpan Backoff(int attempt, TimeSpan? retryAfter, MecClientOptions settings)
    {
        var exponential = settings.RetryDelay * Math.Pow(2, Math.Min(attempt, 20));
        var jittered = (exponential > settings.MaxRetryDelay ? settings.MaxRetryDelay : exponential) * (0.5 + (Random.Shared.NextDouble() * 0.5));
        var wait = retryAfter is { } asked && asked > jittered ? asked : jittered;
        return wait > settings.MaxRetryDelay ? settings.MaxRetryDelay : wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
