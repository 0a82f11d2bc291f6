using System.Runtime.CompilerServices;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Models;

namespace PrecisionCloud.Resources.OpenStack.Services;

/// <summary>Ironic (API v1), where the cloud has it: its bare-metal nodes. Servers are deployed on them through Nova with bare-metal flavors.</summary>
public sealed class BareMetalService
{
    private const string Service = "baremetal";
    private const string Version = "baremetal 1.46";
    private readonly OpenStackTransport _transport;

    internal BareMetalService(OpenStackTransport transport) => _transport = transport;

    /// <summary>Whether the cloud's catalog has a bare-metal service.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<bool> IsPresentAsync(CancellationToken cancellationToken) =>
        (await _transport.Session.GetAccessAsync(cancellationToken).ConfigureAwait(false)).Catalog.Has(Service);

    /// <summary>The nodes, with their provision and power state, page by page.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<IronicNode> ListNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var node in _transport.ListAsync(Service, "nodes/detail", "nodes", Version, cancellationToken).ConfigureAwait(false))
        {
            yield return new IronicNode(
                JsonRead.String(node, "uuid") ?? string.Empty,
                JsonRead.String(node, "name"),
                JsonRead.String(node, "provision_state") ?? "unknown",
                JsonRead.String(node, "power_state"),
                JsonRead.String(node, "resource_class"),
                JsonRead.Bool(node, "maintenance") ?? false,
                JsonRead.String(node, "instance_uuid"));
        }
    }
}
