using System.Net;
using Microsoft.Extensions.Options;

namespace PrecisionCloud.Mec.Platform.DomainNames;

/// <summary>Refuses DNS responder options it cannot run with, naming each one.</summary>
internal sealed class DnsResponderOptionsValidator : IValidateOptions<DnsResponderOptions>
{
    public ValidateOptionsResult Validate(string? name, DnsResponderOptions options)
    {
        List<string> failures = [];
        if (!IPAddress.TryParse(options.Address, out _))
        {
            failures.Add($"{DnsResponderOptions.SectionName}:Address '{options.Address}' is not an IP address");
        }

        if (options.Port is < 0 or > 65_535)
        {
            failures.Add($"{DnsResponderOptions.SectionName}:Port shall be within 0 to 65535");
        }

        if (options.Upstream is { Length: > 0 } upstream && !IPEndPoint.TryParse(upstream, out _))
        {
            failures.Add($"{DnsResponderOptions.SectionName}:Upstream '{upstream}' is not an address or address:port");
        }

        if (options.DefaultTtl < 0 || options.UpstreamTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{DnsResponderOptions.SectionName}: DefaultTtl shall not be negative and UpstreamTimeout shall be positive");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
