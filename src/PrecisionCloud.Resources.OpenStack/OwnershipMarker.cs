namespace PrecisionCloud.Resources.OpenStack;

/// <summary>
/// What marks an object as a provider's own: <c>precisioncloud owner=NAME uid=UID spec=HASH</c> in a Keystone or
/// Neutron description (written with the object, so no window leaves it unmarked), and <c>pc-owner</c>,
/// <c>pc-uid</c>, <c>pc-spec</c> in Nova and Cinder metadata.
/// </summary>
internal static class OwnershipMarker
{
    public const string OwnerKey = "pc-owner";
    public const string UidKey = "pc-uid";
    public const string SpecKey = "pc-spec";
    public const string ReplicaKey = "pc-replica";
    public const string BootKey = "pc-boot";
    private const string Prefix = "precisioncloud ";

    public static string Describe(string owner, string uid, string specHash, int? replica = null) =>
        $"{Prefix}owner={owner} uid={uid} spec={specHash}{(replica is { } r ? $" replica={r}" : string.Empty)}";

    public static (string Owner, string Uid, string SpecHash, int? Replica)? Read(string? description)
    {
        if (description is null || !description.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        string? owner = null, uid = null, spec = null;
        int? replica = null;
        foreach (var part in description[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var value = part[(equals + 1)..];
            switch (part[..equals])
            {
                case "owner": owner = value; break;
                case "uid": uid = value; break;
                case "spec": spec = value; break;
                case "replica" when int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index): replica = index; break;
            }
        }

        return owner is null || uid is null ? null : (owner, uid, spec ?? string.Empty, replica);
    }

    public static Dictionary<string, string> Metadata(string owner, string uid, string specHash) =>
        new(StringComparer.Ordinal) { [OwnerKey] = owner, [UidKey] = uid, [SpecKey] = specHash };
}
