namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Keystone application credential.</summary>
/// <param name="Id">The credential's id.</param>
/// <param name="Name">The credential's name.</param>
/// <param name="Secret">The secret (only known right after creation).</param>
/// <param name="ProjectId">The project it is bound to.</param>
public sealed record KeystoneApplicationCredential(string Id, string Name, string Secret, string? ProjectId)
{
    /// <summary>The id, name and project; never the secret.</summary>
    public override string ToString() => $"application credential {Name} ({Id}) for project {ProjectId}";
}
