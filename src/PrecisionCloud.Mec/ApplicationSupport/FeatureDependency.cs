namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>A platform feature an application needs or can use (ETSI GS MEC 010-2 clause 6.2.1.8, as used by GS MEC 011).</summary>
/// <param name="FeatureName">The feature, for example <c>UserApps</c> or <c>UEIdentity</c>.</param>
/// <param name="Version">Its version.</param>
public sealed record FeatureDependency(string FeatureName, string Version);
