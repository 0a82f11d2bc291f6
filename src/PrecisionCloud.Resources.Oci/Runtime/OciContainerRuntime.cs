using System.Text.Json;
using PrecisionCloud.Resources.Oci.Host;

namespace PrecisionCloud.Resources.Oci.Runtime;

/// <summary>
/// Drives runc or crun through their command line (OCI runtime specification, <c>runtime.md</c> lifecycle). No
/// daemon: each container runs under a small detached shell that waits for <c>run</c> and records the exit code
/// beside the bundle, so containers outlive this process and their exit codes are never lost. Output goes to a log
/// file in the bundle.
/// </summary>
internal sealed class OciContainerRuntime(string runtime, string stateDirectory)
{
    // Runs detached in its own session; positional parameters avoid any quoting of paths. The shell first lets go
    // of the pipes it inherited, or whoever started it would wait for the container to end.
    private const string Shim = "exec </dev/null >/dev/null 2>&1; \"$0\" --root \"$1\" run --bundle \"$2\" \"$3\" </dev/null >>\"$4\" 2>&1; echo $? >\"$5.tmp\"; mv \"$5.tmp\" \"$5\"";

    public string Runtime => runtime;

    public async Task StartAsync(string id, string bundle, string logFile, string exitFile, CancellationToken cancellationToken)
    {
        File.Delete(exitFile);
        await HostCommand.CheckedAsync(HostCommand.Find("setsid") ?? "/usr/bin/setsid",
            ["-f", "/bin/sh", "-c", Shim, runtime, stateDirectory, bundle, id, logFile, exitFile], cancellationToken).ConfigureAwait(false);

        // Wait until the container runs or has already exited; a bundle the runtime refuses exits at once.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (File.Exists(exitFile) || await StateAsync(id, cancellationToken).ConfigureAwait(false) is { Status: "running" or "stopped" })
            {
                return;
            }

            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }

        throw new OciRuntimeException($"{runtime} run {id}", -1, "the container did not start within 5 s");
    }

    public async Task<ContainerStatus?> StateAsync(string id, CancellationToken cancellationToken)
    {
        var (exitCode, output, _) = await HostCommand.RunAsync(runtime, ["--root", stateDirectory, "state", id], cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            return null;
        }

        using var json = JsonDocument.Parse(output);
        return Read(json.RootElement);
    }

    public async Task<IReadOnlyDictionary<string, ContainerStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var output = await HostCommand.CheckedAsync(runtime, ["--root", stateDirectory, "list", "--format", "json"], cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, ContainerStatus>(StringComparer.Ordinal);
        using var json = JsonDocument.Parse(string.IsNullOrWhiteSpace(output) ? "null" : output);
        if (json.RootElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in json.RootElement.EnumerateArray())
            {
                var status = Read(item);
                result[status.Id] = status;
            }
        }

        return result;
    }

    /// <summary>Stops a container: SIGTERM, then SIGKILL after the timeout, then deletes it from the runtime.</summary>
    public async Task StopAndDeleteAsync(string id, string exitFile, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (await StateAsync(id, cancellationToken).ConfigureAwait(false) is { Status: "running" })
        {
            await HostCommand.RunAsync(runtime, ["--root", stateDirectory, "kill", id, "TERM"], cancellationToken).ConfigureAwait(false);
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline && await StateAsync(id, cancellationToken).ConfigureAwait(false) is { Status: "running" })
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }

            await HostCommand.RunAsync(runtime, ["--root", stateDirectory, "kill", id, "KILL"], cancellationToken).ConfigureAwait(false);
        }

        var (exitCode, _, error) = await HostCommand.RunAsync(runtime, ["--root", stateDirectory, "delete", "--force", id], cancellationToken).ConfigureAwait(false);
        if (exitCode != 0 && !error.Contains("does not exist", StringComparison.OrdinalIgnoreCase) && !error.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            throw new OciRuntimeException($"{runtime} delete --force {id}", exitCode, error);
        }

        // The shim records the exit code once run returns; give it a moment so a restart does not race it.
        for (var attempt = 0; attempt < 40 && !File.Exists(exitFile); attempt++)
        {
            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ContainerStatus Read(JsonElement element) => new(
        element.GetProperty("id").GetString()!,
        element.GetProperty("status").GetString()!,
        element.TryGetProperty("pid", out var pid) && pid.ValueKind == JsonValueKind.Number ? pid.GetInt32() : 0);
}
