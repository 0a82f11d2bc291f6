using System.Net;
using Microsoft.Extensions.Options;
using PrecisionCloud.UserPlane.Pfcp.Node;

namespace PrecisionCloud.UserPlane.Pfcp.Hosting;

/// <summary>Checks <see cref="PfcpNodeOptions"/> at start, naming each setting.</summary>
internal sealed class PfcpNodeOptionsValidator : IValidateOptions<PfcpNodeOptions>
{
    public const string Prefix = "PrecisionCloud:N4:";

    public ValidateOptionsResult Validate(string? name, PfcpNodeOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!IPAddress.TryParse(options.N4Address, out _))
        {
            failures.Add($"{Prefix}N4Address '{options.N4Address}' is not an IP address.");
        }

        if (options.N4IPv6Address is { } v6 && !(IPAddress.TryParse(v6, out var parsed) && parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6))
        {
            failures.Add($"{Prefix}N4IPv6Address '{v6}' is not an IPv6 address.");
        }

        for (var i = 0; i < options.CpNodes.Count; i++)
        {
            if (!IPAddress.TryParse(options.CpNodes[i], out _) && !IPEndPoint.TryParse(options.CpNodes[i], out _))
            {
                failures.Add($"{Prefix}CpNodes:{i} '{options.CpNodes[i]}' is not an address or address:port.");
            }
        }

        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"{Prefix}Port {options.Port} is not a port from 0 to 65535.");
        }

        if (options.FirstTeid == 0 || options.FirstTeid > options.LastTeid)
        {
            failures.Add($"{Prefix}FirstTeid {options.FirstTeid} must be non-zero and at most LastTeid {options.LastTeid}.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}RequestTimeout {options.RequestTimeout} must be positive.");
        }

        if (options.RequestRetries is < 0 or > 100)
        {
            failures.Add($"{Prefix}RequestRetries {options.RequestRetries} must be from 0 to 100.");
        }

        if (options.HeartbeatInterval < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}HeartbeatInterval {options.HeartbeatInterval} must not be negative (zero sends none).");
        }

        if (options.ResponseCacheSize is < 16 or > 1 << 20)
        {
            failures.Add($"{Prefix}ResponseCacheSize {options.ResponseCacheSize} must be from 16 to 1048576.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
