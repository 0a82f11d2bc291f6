namespace PrecisionCloud.Resources.Oci;

/// <summary>A host command the provider ran (the OCI runtime, <c>ip</c>, <c>nft</c>, <c>mount</c>) failed.</summary>
public sealed class OciRuntimeException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="command">The command line.</param>
    /// <param name="exitCode">Its exit code.</param>
    /// <param name="error">What it wrote to standard error.</param>
    public OciRuntimeException(string command, int exitCode, string error)
        : base($"'{command}' exited with {exitCode}: {error.Trim()}")
    {
        Command = command;
        ExitCode = exitCode;
        Error = error;
    }

    /// <summary>The command line.</summary>
    public string Command { get; }

    /// <summary>Its exit code.</summary>
    public int ExitCode { get; }

    /// <summary>What it wrote to standard error.</summary>
    public string Error { get; }
}
