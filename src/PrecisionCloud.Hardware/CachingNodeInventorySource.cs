using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware;

/// <summary>Reuses an inventory for <see cref="HardwareOptions.CacheDuration"/>; one read at a time refreshes it.</summary>
internal sealed class CachingNodeInventorySource : INodeInventorySource, IDisposable
{
    private readonly INodeInventorySource _inner;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (NodeInventory Inventory, long ReadAt)? _cached;

    public CachingNodeInventorySource(INodeInventorySource inner, TimeSpan duration, TimeProvider timeProvider)
    {
        _inner = inner;
        _duration = duration;
        _timeProvider = timeProvider;
    }

    public async ValueTask<NodeInventory> GetInventoryAsync(CancellationToken cancellationToken = default)
    {
        if (TryGetFresh(out var inventory))
        {
            return inventory;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (TryGetFresh(out inventory))
            {
                return inventory;
            }

            inventory = await _inner.GetInventoryAsync(cancellationToken);
            _cached = (inventory, _timeProvider.GetTimestamp());
            return inventory;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private bool TryGetFresh(out NodeInventory inventory)
    {
        if (_cached is { } cached && _timeProvider.GetElapsedTime(cached.ReadAt) < _duration)
        {
            inventory = cached.Inventory;
            return true;
        }

        inventory = null!;
        return false;
    }
}
