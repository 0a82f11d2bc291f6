using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace PrecisionCloud.Tests;

/// <summary>A site host started as its own process on a free loopback port; killed when disposed.</summary>
internal sealed partial class SiteProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DirectoryInfo _resources = Directory.CreateTempSubdirectory("site-resources-");

    private Process _process = null!;

    /// <summary>Where this site keeps its resource state, OCI bundles, volumes and images.</summary>
    public string ResourcesDirectory => _resources.FullName;

    /// <summary>This site's OCI runtime state directory.</summary>
    public string RuntimeStateDirectory => Path.Combine("/run", "pc-" + _resources.Name);

    private void Start(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["DOTNET_NOLOGO"] = "1";
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        _process.OutputDataReceived += (_, e) => Observe(e.Data);
        _process.ErrorDataReceived += (_, e) => Observe(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"The site exited with {_process.ExitCode} before listening:\n{Log}"));
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public Process Process => _process;

    /// <summary>Starts a host (an apphost binary or <c>dotnet x.dll</c>) and waits until Kestrel says where it listens.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments; a listening URL and a DNS port, both free, are added.</param>
    /// <param name="workingDirectory">The content root: where the host finds its appsettings.json.</param>
    /// <param name="timeout">How long to wait for it to listen.</param>
    public static async Task<(SiteProcess Site, Uri Address)> StartAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls=http://127.0.0.1:0");

        // Every other listener on a free port too, so sites of tests running side by side do not collide.
        start.ArgumentList.Add("--PrecisionCloud:Mec:Dns:Port=0");
        var site = new SiteProcess();

        // Each site keeps its own resource state and containers: a site treats containers under its root that it
        // did not ask for as orphans, so two sites must never share one.
        start.ArgumentList.Add($"--PrecisionCloud:Resources:DatabasePath={Path.Combine(site.ResourcesDirectory, "resources.db")}");
        start.ArgumentList.Add($"--PrecisionCloud:Resources:Oci:RootDirectory={Path.Combine(site.ResourcesDirectory, "oci")}");
        start.ArgumentList.Add($"--PrecisionCloud:Resources:Oci:StateDirectory={site.RuntimeStateDirectory}");
        site.Start(start);
        try
        {
            var address = await site._listening.Task.WaitAsync(timeout);
            return (site, address);
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await RemoveContainersAsync();
        _resources.Delete(recursive: true);
    }

    // Containers outlive their site by design; a test's site takes its own along when it goes.
    private async Task RemoveContainersAsync()
    {
        if (Directory.Exists(RuntimeStateDirectory))
        {
            foreach (var container in Directory.GetDirectories(RuntimeStateDirectory).Select(Path.GetFileName))
            {
                await ProcessRunner.RunAsync("runc", ["--root", RuntimeStateDirectory, "delete", "--force", container!], TimeSpan.FromSeconds(30));
            }

            Directory.Delete(RuntimeStateDirectory, recursive: true);
        }

        var workloads = Path.Combine(ResourcesDirectory, "oci", "workloads");
        foreach (var mount in File.ReadLines("/proc/self/mountinfo").Select(l => l.Split(' ')[4]).Where(m => m.StartsWith(ResourcesDirectory, StringComparison.Ordinal)).ToArray())
        {
            await ProcessRunner.RunAsync("umount", [mount], TimeSpan.FromSeconds(30));
        }

        if (Directory.Exists(workloads))
        {
            foreach (var uid in Directory.GetDirectories(workloads).Select(Path.GetFileName))
            {
                foreach (var ns in Directory.Exists("/var/run/netns") ? Directory.GetFiles("/var/run/netns", $"pc-{uid}-*") : [])
                {
                    await ProcessRunner.RunAsync("ip", ["netns", "delete", Path.GetFileName(ns)], TimeSpan.FromSeconds(30));
                }
            }
        }

        foreach (var network in Directory.Exists(Path.Combine(ResourcesDirectory, "oci", "networks")) ? Directory.GetFiles(Path.Combine(ResourcesDirectory, "oci", "networks"), "*.json") : [])
        {
            var uid = Path.GetFileNameWithoutExtension(network);
            await ProcessRunner.RunAsync("ip", ["link", "delete", "pcbr" + uid[..Math.Min(10, uid.Length)]], TimeSpan.FromSeconds(30));
        }
    }

    private void Observe(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
