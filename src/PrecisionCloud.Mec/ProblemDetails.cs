namespace PrecisionCloud.Mec;

/// <summary>An error answer of a MEC API (IETF RFC 7807, ETSI GS MEC 009 clause 6.15).</summary>
public sealed record ProblemDetails
{
    /// <summary>A URI reference that identifies the problem type.</summary>
    public string? Type { get; init; }

    /// <summary>A short, human-readable summary of the problem type.</summary>
    public string? Title { get; init; }

    /// <summary>The HTTP status code of this occurrence of the problem.</summary>
    public int? Status { get; init; }

    /// <summary>A human-readable explanation of this occurrence, naming the field that failed.</summary>
    public string? Detail { get; init; }

    /// <summary>A URI reference that identifies this occurrence of the problem.</summary>
    public string? Instance { get; init; }
}
