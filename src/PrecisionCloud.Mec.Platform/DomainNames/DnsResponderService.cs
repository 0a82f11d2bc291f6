using Microsoft.Extensions.Hosting;

namespace PrecisionCloud.Mec.Platform.DomainNames;

/// <summary>Runs the DNS responder for the host's lifetime.</summary>
internal sealed class DnsResponderService(MecDnsResponder responder) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => responder.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => responder.DisposeAsync().AsTask();
}
