namespace PrecisionCloud.Resources.Providers;

/// <summary>A compute provider that keeps its workloads' output.</summary>
public interface IWorkloadLogSource
{
    /// <summary>The end of a replica's output (standard output and error, interleaved as written).</summary>
    /// <param name="uid">The workload's uid.</param>
    /// <param name="replica">The replica's index.</param>
    /// <param name="maxBytes">The most bytes to return, from the end.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The output, or <see langword="null"/> when the provider holds no such replica.</returns>
    Task<string?> ReadLogAsync(string uid, int replica, int maxBytes, CancellationToken cancellationToken);
}
