namespace PrecisionCloud.UserPlane.Pfcp.Sessions;

/// <summary>
/// The QER or URR IDs of a PDR as its IEs are read: the first one inline, a list only when there are more, so the
/// usual PDR (one of each) allocates nothing until the shared result is taken.
/// </summary>
internal struct RuleIdList
{
    private uint _first;
    private List<uint>? _more;

    /// <summary>How many IDs were added.</summary>
    public int Count { get; private set; }

    public void Add(uint id)
    {
        if (Count == 0)
        {
            _first = id;
        }
        else
        {
            (_more ??= [_first]).Add(id);
        }

        Count++;
    }

    /// <summary>The IDs as a read-only list; a single small ID gives a shared one (see <see cref="Interned.Id"/>).</summary>
    public readonly IReadOnlyList<uint>? ToListOrNull() => Count switch
    {
        0 => null,
        1 => Interned.Id(_first),
        _ => _more!.ToArray(),
    };
}
