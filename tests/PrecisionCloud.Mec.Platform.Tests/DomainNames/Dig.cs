using System.Net;
using PrecisionCloud.Tests;

namespace PrecisionCloud.Mec.Platform.Tests.DomainNames;

/// <summary><c>dig</c> (ISC BIND's dnsutils) as the independent DNS client.</summary>
internal static class Dig
{
    /// <summary>The status and the answer records' data of a query.</summary>
    public static async Task<(string Status, string[] Answers, string Output)> QueryAsync(IPEndPoint server, string name, string type = "A", bool tcp = false)
    {
        string[] arguments = [$"@{server.Address}", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), name, type, "+noall", "+comments", "+answer", "+tries=1", "+time=3", tcp ? "+tcp" : "+notcp"];
        ProcessRunner.Result result;
        try
        {
            result = await ProcessRunner.RunAsync("dig", arguments, TimeSpan.FromSeconds(15));
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException("dig is not installed: install Debian's dnsutils (.ci/run does)", error);
        }

        var status = result.Output.Split('\n').Select(l => l.Split("status: ", 2)).FirstOrDefault(p => p.Length == 2)?[1].Split(",")[0].Trim()
            ?? throw new InvalidOperationException($"dig gave no status:\n{result.All}");
        var answers = result.Output.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith(';'))
            .Select(l => l.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 5)
            .Select(f => $"{f[1]} {f[3]} {f[4]}")
            .ToArray();
        return (status, answers, result.Output);
    }
}
