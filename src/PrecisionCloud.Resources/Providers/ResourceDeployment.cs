namespace PrecisionCloud.Resources.Providers;

/// <summary>A resource handed to a provider: its spec, its stable identity and the hash the provider reports back.</summary>
/// <typeparam name="TSpec">The spec type.</typeparam>
/// <param name="Uid">The resource's uid: stable for its life, the key a provider finds it by.</param>
/// <param name="Spec">The desired state.</param>
/// <param name="SpecHash">A hash of everything the provider applies; reported back in <see cref="ObservedResource.SpecHash"/>.</param>
public sealed record ResourceDeployment<TSpec>(string Uid, TSpec Spec, string SpecHash);
