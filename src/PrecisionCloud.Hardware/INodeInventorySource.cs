using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware;

/// <summary>Gives the inventory of the node this process runs on (or of the tree it was pointed at).</summary>
public interface INodeInventorySource
{
    /// <summary>Reads (or returns a recent copy of) the node's inventory. Never throws for unreadable files.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The inventory; unreadable fields are unknown and named in <see cref="NodeInventory.Warnings"/>.</returns>
    ValueTask<NodeInventory> GetInventoryAsync(CancellationToken cancellationToken = default);
}
