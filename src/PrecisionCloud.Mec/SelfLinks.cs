namespace PrecisionCloud.Mec;

/// <summary>The <c>_links</c> of a resource that links only to itself, such as a subscription (ETSI GS MEC 011 clauses 7.1.3.2 and 8.1.3.2).</summary>
/// <param name="Self">The resource.</param>
public sealed record SelfLinks(LinkType Self);
