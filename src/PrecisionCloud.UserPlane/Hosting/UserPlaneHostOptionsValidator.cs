using System.Net;
using Microsoft.Extensions.Options;

namespace PrecisionCloud.UserPlane.Hosting;

/// <summary>Checks <see cref="UserPlaneHostOptions"/> at start, naming each setting.</summary>
internal sealed class UserPlaneHostOptionsValidator : IValidateOptions<UserPlaneHostOptions>
{
    private const string Prefix = "PrecisionCloud:UserPlane:";

    public ValidateOptionsResult Validate(string? name, UserPlaneHostOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!IPAddress.TryParse(options.N3Address, out _))
        {
            failures.Add($"{Prefix}N3Address '{options.N3Address}' is not an IP address.");
        }

        if (options.N3Port is < 1 or > 65535)
        {
            failures.Add($"{Prefix}N3Port {options.N3Port} is not a port from 1 to 65535.");
        }

        if (options.PathEchoInterval < TimeSpan.Zero || options.PathEchoRetries is < 0 or > 100)
        {
            failures.Add($"{Prefix}PathEchoInterval {options.PathEchoInterval} must not be negative (zero sends no Echo Requests) and PathEchoRetries {options.PathEchoRetries} must be from 0 to 100.");
        }

        if (options.Workers is < 1 or > 64)
        {
            failures.Add($"{Prefix}Workers {options.Workers} must be from 1 to 64.");
        }

        if (options.N3PacketRingInterface is { } ring)
        {
            if (ring.Length is < 1 or > 15 || ring.Any(char.IsWhiteSpace))
            {
                failures.Add($"{Prefix}N3PacketRingInterface '{ring}' must be an interface name of 1 to 15 characters.");
            }

            if (IPAddress.TryParse(options.N3Address, out var n3) && n3.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                failures.Add($"{Prefix}N3PacketRingInterface receives IPv4 only, but N3Address '{options.N3Address}' is not IPv4.");
            }

            if (options.N3PacketRingFrames is < 64 or > 1 << 20)
            {
                failures.Add($"{Prefix}N3PacketRingFrames {options.N3PacketRingFrames} must be from 64 to 1048576.");
            }
        }

        if (options.BatchSize is < 1 or > 1024)
        {
            failures.Add($"{Prefix}BatchSize {options.BatchSize} must be from 1 to 1024.");
        }

        for (var i = 0; i < options.N6Ports.Count; i++)
        {
            var port = options.N6Ports[i];
            if (string.IsNullOrWhiteSpace(port.TunDevice) || port.TunDevice.Length > 15)
            {
                failures.Add($"{Prefix}N6Ports:{i}:TunDevice '{port.TunDevice}' must be an interface name of 1 to 15 characters.");
            }

            foreach (var route in port.Routes.Where(r => !IPNetwork.TryParse(r, out _)))
            {
                failures.Add($"{Prefix}N6Ports:{i}:Routes '{route}' is not a prefix such as 10.45.0.0/16.");
            }
        }

        var teids = new HashSet<uint>();
        var ues = new HashSet<string>();
        for (var i = 0; i < options.StaticSessions.Count; i++)
        {
            var session = options.StaticSessions[i];
            var at = $"{Prefix}StaticSessions:{i}:";
            if (!IPAddress.TryParse(session.UeAddress, out var ue) || ue.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                failures.Add($"{at}UeAddress '{session.UeAddress}' is not an IPv4 address.");
            }
            else if (!ues.Add(session.UeAddress))
            {
                failures.Add($"{at}UeAddress '{session.UeAddress}' is used by another static session.");
            }

            if (!IPAddress.TryParse(session.GnbAddress, out _))
            {
                failures.Add($"{at}GnbAddress '{session.GnbAddress}' is not an IP address.");
            }

            if (session.UplinkTeid == 0 || !teids.Add(session.UplinkTeid))
            {
                failures.Add($"{at}UplinkTeid {session.UplinkTeid} must be non-zero and unique.");
            }

            if (session.DownlinkTeid == 0)
            {
                failures.Add($"{at}DownlinkTeid must be non-zero.");
            }

            if (session.Qfi > 63)
            {
                failures.Add($"{at}Qfi {session.Qfi} must be from 0 to 63.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
