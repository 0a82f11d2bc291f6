namespace PrecisionCloud.Resources.Providers;

/// <summary>A provider that runs workloads.</summary>
public interface IComputeProvider : IResourceProvider
{
    /// <summary>
    /// Makes the workload exist as deployed: creates what is missing, changes what differs, and starts replicas that
    /// exited (the caller applies the restart policy by calling or not). Idempotent.
    /// </summary>
    /// <param name="deployment">The workload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workload as it now is.</returns>
    Task<ObservedWorkload> ApplyWorkloadAsync(WorkloadDeployment deployment, CancellationToken cancellationToken);

    /// <summary>Deletes the workload with this uid and all its replicas; succeeds when it is already gone.</summary>
    /// <param name="uid">The workload's uid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteWorkloadAsync(string uid, CancellationToken cancellationToken);

    /// <summary>Every workload this provider holds for the unified model.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ObservedWorkload>> ListWorkloadsAsync(CancellationToken cancellationToken);
}
