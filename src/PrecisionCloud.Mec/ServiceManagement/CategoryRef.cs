namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>A reference to a service category (ETSI GS MEC 011 clause 8.1.5.2).</summary>
/// <param name="Href">The reference of the catalogue.</param>
/// <param name="Id">The category's unique identifier.</param>
/// <param name="Name">The category's name.</param>
/// <param name="Version">The category's version.</param>
public sealed record CategoryRef(string Href, string Id, string Name, string Version);
