namespace PrecisionCloud.Resources.Oci.Tests;

/// <summary>The end-to-end tests share the host's runtime, namespaces and bridges; they run one at a time.</summary>
[CollectionDefinition(nameof(SharedContainerHost), DisableParallelization = true)]
public sealed class SharedContainerHost;
