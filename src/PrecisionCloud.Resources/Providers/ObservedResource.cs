namespace PrecisionCloud.Resources.Providers;

/// <summary>A resource as a provider holds it.</summary>
/// <param name="Uid">The uid it was deployed with.</param>
/// <param name="BackendId">Its id at the provider.</param>
/// <param name="SpecHash">The spec hash it was last applied with; differs from the desired hash after a change behind our back.</param>
/// <param name="Ready">Whether it is usable.</param>
/// <param name="Message">What the provider says about it, if anything.</param>
public sealed record ObservedResource(string Uid, string BackendId, string SpecHash, bool Ready, string? Message = null);
