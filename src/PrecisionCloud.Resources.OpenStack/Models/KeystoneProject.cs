namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Keystone project.</summary>
/// <param name="Id">The project's id.</param>
/// <param name="Name">The project's name.</param>
/// <param name="DomainId">Its domain.</param>
/// <param name="Description">The description.</param>
/// <param name="Enabled">Whether it is enabled.</param>
public sealed record KeystoneProject(string Id, string Name, string DomainId, string Description, bool Enabled);
