using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Sessions;

/// <summary>
/// The F-TEIDs one session message asks the user plane to CHOOSE (§5.2.3.1): PDRs with the same CHOOSE ID share one
/// TEID, also with PDRs of earlier messages of the session; each choice is answered in a Created PDR. When the
/// message fails, <see cref="Abandon"/> gives back what it took.
/// </summary>
internal sealed class TeidChoices
{
    private readonly TeidPool _pool;
    private readonly InetAddress _n3Address;
    private List<(byte Id, uint Teid)>? _byId;

    /// <summary>Starts with the CHOOSE IDs the session already has (copied: they change only if the message succeeds).</summary>
    public TeidChoices(TeidPool pool, InetAddress n3Address, (byte Id, uint Teid)[]? chosen)
    {
        _pool = pool;
        _n3Address = n3Address;
        _byId = chosen is null ? null : [.. chosen];
    }

    /// <summary>TEIDs taken from the pool for this message.</summary>
    public List<uint> Taken { get; } = [];

    /// <summary>The answers for the PDRs that asked.</summary>
    public List<CreatedPdr> Created { get; } = [];

    /// <summary>Every CHOOSE ID of the session after this message, or none.</summary>
    public (byte Id, uint Teid)[]? ById => _byId is null ? null : [.. _byId];

    /// <summary>The rule with the TEID chosen for it, or the rule as it is when it chose its own; none when the pool is empty.</summary>
    public PacketDetectionRule? Resolve(PacketDetectionRule rule, FTeid? localFTeid)
    {
        if (localFTeid is not { Choose: true } choose)
        {
            return rule;
        }

        if (!TryChosen(choose.ChooseId, out var teid))
        {
            if (_pool.Take() is not { } fresh)
            {
                return null;
            }

            teid = fresh;
            Taken.Add(teid);
            if (choose.ChooseId is { } newId)
            {
                (_byId ??= []).Add((newId, teid));
            }
        }

        Created.Add(new CreatedPdr(rule.Id, FTeid.FromAddress(teid, _n3Address)));
        return rule with { Pdi = rule.Pdi with { LocalTeid = teid, LocalAddress = _n3Address } };
    }

    /// <summary>The TEID chosen before for this CHOOSE ID, in this message or an earlier one of the session.</summary>
    private bool TryChosen(byte? chooseId, out uint teid)
    {
        if (chooseId is { } id && _byId is not null)
        {
            foreach (var (chosenId, chosen) in _byId)
            {
                if (chosenId == id)
                {
                    teid = chosen;
                    return true;
                }
            }
        }

        teid = 0;
        return false;
    }

    /// <summary>Gives back every TEID this message took.</summary>
    public void Abandon()
    {
        Taken.ForEach(_pool.Return);
        Taken.Clear();
    }
}
