using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PrecisionCloud.Mec;

/// <summary>
/// The JSON of the MEC data model without reflection (trimming and NativeAOT safe): names exactly as in the ETSI
/// specifications, enumerations by their specification names, absent values left out. Put
/// <see cref="TypeInfoResolver"/> first in a host's resolver chain, or serialize with <see cref="Options"/>.
/// </summary>
public static class MecJson
{
    /// <summary>The source-generated metadata of the MEC types.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => MecJsonContext.Default;

    /// <summary>Serializer options over that metadata (read-only).</summary>
    public static JsonSerializerOptions Options => MecJsonContext.Default.Options;

    /// <summary>The JSON of a value of a MEC type.</summary>
    /// <typeparam name="T">The type (one of the MEC data model).</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>A value of a MEC type from JSON.</summary>
    /// <typeparam name="T">The type (one of the MEC data model).</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value, or none for JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The text is not JSON of that type (a required field missing, a wrong type, an unknown enumeration value).</exception>
    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize(json, TypeInfo<T>());

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        (JsonTypeInfo<T>?)MecJsonContext.Default.GetTypeInfo(typeof(T)) ?? throw new NotSupportedException($"{typeof(T).Name} is not a type of the MEC data model");
}
