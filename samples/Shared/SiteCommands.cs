using PrecisionCloud.Hardware;
using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Samples;

/// <summary>
/// The commands a site host answers besides running: <c>inventory</c> prints this node's inventory as a table,
/// <c>inventory --json</c> as JSON. The inventory comes from the host's own configuration, so
/// <c>--PrecisionCloud:Hardware:Root=/path</c> inventories another tree.
/// </summary>
internal static class SiteCommands
{
    public const string Usage = """
        usage: <host> [inventory [--json]] [--Key=Value ...]
          (no command)       run the site
          inventory          print this node's hardware inventory as a table
          inventory --json   print it as JSON
        """;

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
            default:
                await error.WriteLineAsync($"unknown command: {string.Join(' ', args)}{Environment.NewLine}{Usage}");
                return 2;
        }
    }

    private static bool IsSetting(string argument) => argument.StartsWith("--", StringComparison.Ordinal) && argument.Contains('=', StringComparison.Ordinal);
}
