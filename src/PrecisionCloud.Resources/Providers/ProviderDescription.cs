namespace PrecisionCloud.Resources.Providers;

/// <summary>A provider as a site's operators see it: what it can do here, what it lacks, and its nodes with their free capacity.</summary>
/// <param name="Name">The provider's name.</param>
/// <param name="Capabilities">What it can do on this host, with what is missing and why.</param>
/// <param name="Nodes">Its nodes.</param>
public sealed record ProviderDescription(string Name, ProviderCapabilities Capabilities, IReadOnlyList<NodeDescription> Nodes);
