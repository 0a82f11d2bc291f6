using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrecisionCloud.Security.Sealing;
using PrecisionCloud.Security.Tokens;

namespace PrecisionCloud.Security.Hosting;

/// <summary>Loads (or first writes) the sealed token signing keys when the host starts, before tokens are issued.</summary>
internal sealed class SigningKeysPersistence(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IOptions<AuthorizationServerOptions>>().Value.KeyDirectory is not { } directory)
        {
            return;
        }

        var sealer = services.GetService<ISecretSealer>()
            ?? throw new InvalidOperationException($"{AuthorizationServerOptions.SectionName}:KeyDirectory needs sealing: call AddPrecisionCloudSealing");
        await services.GetRequiredService<TokenSigningKeys>().PersistAsync(directory, sealer, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
