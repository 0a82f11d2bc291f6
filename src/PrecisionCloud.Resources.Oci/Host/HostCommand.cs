using System.Diagnostics;
using System.Text;

namespace PrecisionCloud.Resources.Oci.Host;

/// <summary>Runs a host command without a shell, capturing its output.</summary>
internal static class HostCommand
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, IEnumerable<string> arguments, CancellationToken cancellationToken, string? input = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (127, string.Empty, $"{file}: {exception.Message}");
        }

        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    /// <summary>Runs the command and returns its output; a non-zero exit is an <see cref="OciRuntimeException"/>.</summary>
    public static async Task<string> CheckedAsync(string file, IEnumerable<string> arguments, CancellationToken cancellationToken, string? input = null)
    {
        var list = arguments as IReadOnlyList<string> ?? [.. arguments];
        var (exitCode, output, error) = await RunAsync(file, list, cancellationToken, input).ConfigureAwait(false);
        return exitCode == 0 ? output : throw new OciRuntimeException(Describe(file, list), exitCode, error);
    }

    public static string Describe(string file, IEnumerable<string> arguments)
    {
        var text = new StringBuilder(file);
        foreach (var argument in arguments)
        {
            text.Append(' ').Append(argument.Contains(' ', StringComparison.Ordinal) ? $"'{argument}'" : argument);
        }

        return text.ToString();
    }

    /// <summary>The full path of a program on PATH, or <see langword="null"/>.</summary>
    public static string? Find(string program)
    {
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : null;
        }

        // System programs (ip, nft, mount) live in sbin directories that a service's PATH may lack.
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty) + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
