namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>The links of a service instance (ETSI GS MEC 011 clause 8.1.2.2, <c>_links</c>).</summary>
/// <param name="Self">This service instance.</param>
/// <param name="Liveness">Where the platform expects its heartbeats, when it requires them.</param>
public sealed record ServiceLinks(LinkType Self, LinkType? Liveness = null);
