namespace PrecisionCloud.Mec;

/// <summary>A link to a resource (ETSI GS MEC 011 clause 6.3.2).</summary>
/// <param name="Href">The URI of the resource.</param>
public sealed record LinkType(string Href);
