namespace PrecisionCloud.Resources.Reconciliation;

/// <summary>What one reconcile pass did.</summary>
public sealed record ReconcileReport
{
    /// <summary>Resources created at a backend.</summary>
    public int Created { get; init; }

    /// <summary>Resources changed at a backend to a new spec.</summary>
    public int Updated { get; init; }

    /// <summary>Resources deleted at their backends and forgotten.</summary>
    public int Deleted { get; init; }

    /// <summary>Resources found deleted or changed behind our back and repaired.</summary>
    public int DriftRepaired { get; init; }

    /// <summary>Workloads restarted after exiting.</summary>
    public int Restarted { get; init; }

    /// <summary>Backend objects of ours with no desired resource, deleted.</summary>
    public int OrphansDeleted { get; init; }

    /// <summary>Resources already as desired.</summary>
    public int Unchanged { get; init; }

    /// <summary>Backend calls that failed (retried later with backoff).</summary>
    public int Failed { get; init; }

    /// <summary>Resources waiting for their retry backoff.</summary>
    public int Waiting { get; init; }
}
