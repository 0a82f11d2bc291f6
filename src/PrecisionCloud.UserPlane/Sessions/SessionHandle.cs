namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>
/// A session's stable identity in the indexes. Its compiled rule set is replaced by one reference write, so a
/// packet that read <see cref="Current"/> once works with one whole rule set.
/// </summary>
internal sealed class SessionHandle(ulong seid, CompiledSession current)
{
    private CompiledSession _current = current;

    public ulong Seid { get; } = seid;

    public CompiledSession Current => Volatile.Read(ref _current);

    public void Publish(CompiledSession next) => Volatile.Write(ref _current, next);
}
