namespace PrecisionCloud.UserPlane.Classification;

/// <summary>The kinds of <see cref="AddressMatch"/>.</summary>
public enum AddressMatchKind
{
    /// <summary>Every address.</summary>
    Any,

    /// <summary>The UE's address, filled in when the rule is installed for a session.</summary>
    Assigned,

    /// <summary>An address prefix.</summary>
    Prefix,
}
