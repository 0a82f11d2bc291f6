namespace PrecisionCloud.Security.Authorization;

/// <summary>What is acted on: a resource's type, its tenant and its owner.</summary>
/// <param name="Type">The resource type (for example <c>mec.service</c>).</param>
/// <param name="Tenant">The tenant the resource belongs to.</param>
/// <param name="Owner">The identity that owns it (for example the app instance that registered it), if any.</param>
public readonly record struct ResourceReference(string Type, string Tenant, string? Owner = null);
