namespace PrecisionCloud.Tests.Oracles;

/// <summary>
/// The independent tools the wire-format tests check against. A missing tool fails the test with what to
/// install: these oracles are the point of the tests, so they are never skipped.
/// </summary>
internal static class ExternalTool
{
    public const string Tshark = "/usr/bin/tshark";
    public const string DebianPython = "/usr/bin/python3";
    public const string Openssl = "/usr/bin/openssl";
    public const string Curl = "/usr/bin/curl";

    public static void RequireOpenssl() =>
        Assert.True(File.Exists(Openssl), $"{Openssl} is missing: apt-get install openssl (Debian; .ci/run installs it).");

    /// <summary>Runs curl with the arguments and returns its result (the caller asserts on the exit code).</summary>
    public static async Task<ProcessRunner.Result> RunCurlAsync(params string[] arguments)
    {
        Assert.True(File.Exists(Curl), $"{Curl} is missing: apt-get install curl (Debian; .ci/run installs it).");
        return await ProcessRunner.RunAsync(Curl, arguments, TimeSpan.FromMinutes(1));
    }

    /// <summary>Runs openssl with the arguments and returns its result (the caller asserts on the exit code).</summary>
    public static async Task<ProcessRunner.Result> RunOpensslAsync(params string[] arguments)
    {
        RequireOpenssl();
        return await ProcessRunner.RunAsync(Openssl, arguments, TimeSpan.FromMinutes(1));
    }

    public static void RequireTshark() =>
        Assert.True(File.Exists(Tshark), $"{Tshark} is missing: apt-get install tshark (Debian; .ci/run installs it).");

    public static async Task RequireScapyAsync()
    {
        Assert.True(File.Exists(DebianPython), $"{DebianPython} is missing: apt-get install python3 (Debian).");
        var probe = await ProcessRunner.RunAsync(DebianPython, ["-c", "import scapy.contrib.gtp"], TimeSpan.FromSeconds(60));
        Assert.True(probe.ExitCode == 0, $"python3-scapy is missing: apt-get install python3-scapy (Debian; .ci/run installs it).\n{probe.All}");
    }

    /// <summary>Runs one of the scapy scripts beside the tests (Debian's python3) and returns its output lines.</summary>
    public static async Task<string[]> RunScapyAsync(string script, params string[] arguments)
    {
        await RequireScapyAsync();
        var path = Path.Combine(AppContext.BaseDirectory, "Oracles", script);
        var result = await ProcessRunner.RunAsync(DebianPython, [path, .. arguments], TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, $"{script} failed:\n{result.All}");
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Runs tshark over a capture and returns one row of tab-separated fields per packet.</summary>
    public static async Task<List<string[]>> DissectAsync(string pcap, IReadOnlyList<string> fields, IReadOnlyList<string>? decodeAs = null, IReadOnlyList<string>? preferences = null)
    {
        RequireTshark();
        var arguments = new List<string> { "-r", pcap, "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=," };
        foreach (var preference in preferences ?? [])
        {
            arguments.AddRange(["-o", preference]);
        }

        foreach (var rule in decodeAs ?? [])
        {
            arguments.AddRange(["-d", rule]);
        }

        foreach (var field in fields)
        {
            arguments.AddRange(["-e", field]);
        }

        var result = await ProcessRunner.RunAsync(Tshark, arguments, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, $"tshark failed:\n{result.All}");
        return [.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t'))];
    }

    /// <summary>The frames tshark marks malformed or with error-level expert info; must be none.</summary>
    public static async Task<string> ProblemsAsync(string pcap, IReadOnlyList<string>? decodeAs = null)
    {
        RequireTshark();
        var arguments = new List<string> { "-r", pcap, "-Y", "_ws.malformed || _ws.expert.severity >= error" };
        foreach (var rule in decodeAs ?? [])
        {
            arguments.AddRange(["-d", rule]);
        }

        var result = await ProcessRunner.RunAsync(Tshark, arguments, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, $"tshark failed:\n{result.All}");
        return result.Output.Trim();
    }
}
