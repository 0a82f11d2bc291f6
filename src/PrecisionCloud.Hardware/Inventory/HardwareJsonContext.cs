using System.Text.Json.Serialization;

namespace PrecisionCloud.Hardware.Inventory;

/// <summary>Source-generated JSON metadata for the inventory types (no reflection: trimming and NativeAOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(NodeInventory))]
internal sealed partial class HardwareJsonContext : JsonSerializerContext;
