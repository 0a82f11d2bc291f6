namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Keystone user.</summary>
/// <param name="Id">The user's id.</param>
/// <param name="Name">The user's name.</param>
/// <param name="DomainId">Its domain.</param>
public sealed record KeystoneUser(string Id, string Name, string DomainId);
