using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PrecisionCloud.Mec.Platform.Storage;

namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>
/// What one request changes: the records to store, the notifications they cause, and how the in-memory state
/// follows once the store has committed them. Built under the writer lock from the current state.
/// </summary>
internal sealed class Plan
{
    private readonly List<Action> _afterCommit = [];

    public List<MecStoreChange> Changes { get; } = [];

    public List<OutgoingNotification> Notifications { get; } = [];

    public List<Func<CancellationToken, ValueTask>> Effects { get; } = [];

    /// <summary>What undoes work done outside the platform while planning, should the commit not happen.</summary>
    public List<Func<ValueTask>> Aborts { get; } = [];

    public bool IsEmpty => Changes.Count == 0 && Notifications.Count == 0 && _afterCommit.Count == 0;

    public void Put<T>(MecRecordKind kind, string id, T value, JsonTypeInfo<T> typeInfo, Action apply)
    {
        Changes.Add(MecStoreChange.Put(kind, id, JsonSerializer.Serialize(value, typeInfo)));
        _afterCommit.Add(apply);
    }

    public void Remove(MecRecordKind kind, string id, Action apply)
    {
        Changes.Add(MecStoreChange.Remove(kind, id));
        _afterCommit.Add(apply);
    }

    /// <summary>Work after the commit that is not a record, such as withdrawing a rule from the data plane.</summary>
    public void Then(Func<CancellationToken, ValueTask> effect) => Effects.Add(effect);

    /// <summary>Undoes, when the change is not committed, something planning already did outside the platform.</summary>
    public void OnAbort(Func<ValueTask> undo) => Aborts.Add(undo);

    public void ApplyToMemory()
    {
        foreach (var apply in _afterCommit)
        {
            apply();
        }
    }
}
