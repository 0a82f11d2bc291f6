using System.Collections.Concurrent;

namespace PrecisionCloud.Resources.OpenStack.Tests.Fakes;

/// <summary>Passes requests to the real network and keeps their method and address.</summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<(HttpMethod Method, Uri Uri)> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((request.Method, request.RequestUri!));
        return base.SendAsync(request, cancellationToken);
    }
}
