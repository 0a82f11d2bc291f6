using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PrecisionCloud.Hardware.Inventory;

/// <summary>
/// Writes and reads <see cref="NodeInventory"/> as JSON without reflection, so hosts published with trimming
/// or NativeAOT can print and exchange inventories. Property names are camelCase; enums are their names.
/// </summary>
public static class NodeInventoryJson
{
    /// <summary>The source-generated type information, for use with <see cref="JsonSerializer"/> overloads.</summary>
    public static JsonTypeInfo<NodeInventory> TypeInfo => HardwareJsonContext.Default.NodeInventory;

    /// <summary>Serializes an inventory as indented JSON.</summary>
    /// <param name="inventory">The inventory.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(NodeInventory inventory) => JsonSerializer.Serialize(inventory, TypeInfo);

    /// <summary>Reads an inventory written by <see cref="Serialize"/> (for example one sent by another node).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The inventory.</returns>
    /// <exception cref="JsonException">The text is not an inventory.</exception>
    public static NodeInventory Deserialize(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo) ?? throw new JsonException("The JSON text is null, not an inventory.");
}
