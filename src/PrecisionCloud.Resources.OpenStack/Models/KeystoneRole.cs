namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Keystone role.</summary>
/// <param name="Id">The role's id.</param>
/// <param name="Name">The role's name.</param>
public sealed record KeystoneRole(string Id, string Name);
