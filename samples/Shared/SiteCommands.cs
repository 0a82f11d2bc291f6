using System.Globalization;
using PrecisionCloud.Hardware;
using PrecisionCloud.Hardware.Inventory;
using PrecisionCloud.Security.Audit;
using PrecisionCloud.UserPlane.Pfcp.Simulation;

namespace PrecisionCloud.Samples;

/// <summary>
/// The commands a site host answers besides running: <c>inventory</c> prints this node's inventory as a table,
/// <c>inventory --json</c> as JSON. The inventory comes from the host's own configuration, so
/// <c>--PrecisionCloud:Hardware:Root=/path</c> inventories another tree. <c>smf-simulator</c> drives a user plane's
/// N4 agent as an SMF would (<c>--SmfSimulator:Agent=host:8805 --SmfSimulator:Sessions=N --SmfSimulator:Rate=R</c>).
/// <c>audit-verify</c> checks an audit log's hash chain.
/// </summary>
internal static class SiteCommands
{
    public const string Usage = """
        usage: <host> [inventory [--json]] [--Key=Value ...]
          (no command)       run the site
          inventory          print this node's hardware inventory as a table
          inventory --json   print it as JSON
          smf-simulator      establish (and delete) sessions on a PFCP agent and print the rate:
                             --SmfSimulator:Agent=127.0.0.1:8805 --SmfSimulator:Sessions=1000
                             --SmfSimulator:Rate=0 (as fast as the window allows) --SmfSimulator:Window=64
                             --SmfSimulator:Delete=true
          audit-verify DIR   verify the audit log in DIR (exit 0 intact, 1 broken):
                             --start=SEQ:HASH (the checkpoint before its first file, when older ones
                             were archived) --head=SEQ:HASH (a checkpoint it must still reach)
        """ + ResourceCommands.Usage;

    /// <summary>Whether the arguments ask for a command rather than for the site to run.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    /// <summary>The <c>--Key=Value</c> settings among a command's arguments.</summary>
    public static string[] Settings(string[] args) => [.. args.Where(IsSetting)];

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        switch (args)
        {
            case ["inventory", .. var rest] when rest.All(a => a == "--json" || IsSetting(a)):
                var inventory = await services.GetRequiredService<INodeInventorySource>().GetInventoryAsync(cancellationToken);
                await output.WriteAsync(rest.Contains("--json")
                    ? NodeInventoryJson.Serialize(inventory) + Environment.NewLine
                    : NodeInventoryTable.Render(inventory));
                return 0;
            case ["smf-simulator", .. var settings] when settings.All(IsSetting):
                return await SimulateSmfAsync(services, output, error, cancellationToken);
            case ["audit-verify", var directory, .. var rest] when !directory.StartsWith('-') && rest.All(IsSetting):
                return await VerifyAuditAsync(directory, rest, output, error, cancellationToken);
            case ["resources", .. var rest]:
                return await ResourceCommands.RunAsync([.. rest.Where(a => !IsSetting(a) || a.StartsWith("--replica=", StringComparison.Ordinal))], SiteApi(services), output, error, cancellationToken);
            default:
                await error.WriteLineAsync($"unknown command: {string.Join(' ', args)}{Environment.NewLine}{Usage}");
                return 2;
        }
    }

    private static async Task<int> SimulateSmfAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = new SmfSimulatorOptions();
        services.GetRequiredService<IConfiguration>().GetSection(SmfSimulatorOptions.SectionName).Bind(options);
        try
        {
            using var simulator = new SmfSimulator(options);
            var result = await simulator.RunAsync(cancellationToken);
            var rejected = string.Join(", ", result.Rejected.Select(r => $"{r.Key}: {r.Value}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"""
                agent                {options.Agent}
                established          {result.Established} of {options.Sessions}{(rejected.Length > 0 ? $" (rejected: {rejected})" : string.Empty)}
                unanswered           {result.Unanswered}
                establishments/s     {result.EstablishmentsPerSecond:F0}
                latency median, p99  {result.MedianLatency.TotalMilliseconds:F3} ms, {result.P99Latency.TotalMilliseconds:F3} ms
                deleted              {result.Deleted}
                reports answered     {result.ReportsReceived}
                """));
            return result.Established == options.Sessions && result.Unanswered == 0 ? 0 : 1;
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException or FormatException or System.Net.Sockets.SocketException)
        {
            await error.WriteLineAsync($"smf-simulator: {exception.Message}");
            return 1;
        }
    }

    private static async Task<int> VerifyAuditAsync(string directory, string[] options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            await error.WriteLineAsync($"audit-verify: no directory {directory}");
            return 2;
        }

        AuditCheckpoint? start = null, head = null;
        foreach (var option in options)
        {
            var (name, value) = (option[..option.IndexOf('=', StringComparison.Ordinal)], option[(option.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (name is not ("--start" or "--head") || !AuditCheckpoint.TryParse(value, out var checkpoint))
            {
                await error.WriteLineAsync($"audit-verify: '{option}' is not --start=SEQ:HASH or --head=SEQ:HASH{Environment.NewLine}{Usage}");
                return 2;
            }

            (start, head) = name == "--start" ? (checkpoint, head) : (start, checkpoint);
        }

        var result = await AuditLogVerifier.VerifyAsync(directory, start, head, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"""
            log        {directory}
            records    {result.Records}
            head       {result.Head?.ToString() ?? "(empty)"}
            verdict    {(result.IsIntact ? "intact" : "BROKEN: " + result.Problem)}
            """));
        return result.IsIntact ? 0 : 1;
    }

    // The site's own API: --Api=URL, else the first address it listens on.
    private static Uri SiteApi(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var url = configuration["Api"] ?? configuration["Urls"]?.Split(';')[0] ?? "http://127.0.0.1:8080";
        return new Uri(url.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));
    }

    private static bool IsSetting(string argument) => argument.StartsWith("--", StringComparison.Ordinal) && argument.Contains('=', StringComparison.Ordinal);
}
