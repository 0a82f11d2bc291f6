namespace PrecisionCloud.UserPlane.Pipeline;

/// <summary>
/// A view of any object's first field, to take the address where an object's fields start (for prefetching; the
/// object may move afterwards, which only makes the hint useless). Never instantiated.
/// </summary>
internal sealed class ObjectFields
{
    private ObjectFields()
    {
    }

    /// <summary>The first byte of the object's fields.</summary>
    public byte First;
}
