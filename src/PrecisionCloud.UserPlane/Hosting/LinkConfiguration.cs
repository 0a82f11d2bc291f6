using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace PrecisionCloud.UserPlane.Hosting;

/// <summary>Brings a TUN device up and routes the UE pool into it with iproute2; says what to run when it cannot.</summary>
internal static partial class LinkConfiguration
{
    public static void BringUp(string device, IEnumerable<string> routes, ILogger logger)
    {
        var commands = new List<string[]> { new[] { "link", "set", device, "up" } };
        commands.AddRange(routes.Select(r => new[] { "route", "replace", r, "dev", device }));
        foreach (var arguments in commands)
        {
            var line = "ip " + string.Join(' ', arguments);
            try
            {
                var start = new ProcessStartInfo("ip") { RedirectStandardError = true, RedirectStandardOutput = true };
                arguments.ToList().ForEach(start.ArgumentList.Add);
                using var process = Process.Start(start)!;
                var error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    LogFailed(logger, line, error.Trim());
                }
            }
            catch (Win32Exception)
            {
                LogFailed(logger, line, "iproute2 ('ip') is not installed");
            }
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not run '{Command}' ({Reason}); run it yourself so N6 traffic reaches the user plane")]
    private static partial void LogFailed(ILogger logger, string command, string reason);
}
