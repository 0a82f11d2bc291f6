using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>Lenient readers of API answers: a field of the wrong type or missing reads as absent, never throws.</summary>
internal static class JsonRead
{
    public static string? String(JsonNode? node, string key) => node?[key] is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;

    public static long? Long(JsonNode? node, string key) => node?[key] is JsonValue value
        ? value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) ? number
        : value.GetValueKind() == JsonValueKind.String && long.TryParse(value.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var real) ? (long)real
        : null
        : null;

    public static double? Double(JsonNode? node, string key) => node?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) ? number : null;

    public static bool? Bool(JsonNode? node, string key) => node?[key] is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => bool.TryParse(value.GetValue<string>(), out var parsed) ? parsed : null,
            _ => null,
        }
        : null;

    public static IReadOnlyList<string> Strings(JsonNode? node, string key) =>
        node?[key] is JsonArray array ? [.. array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())] : [];

    public static Dictionary<string, string> Map(JsonNode? node, string key)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node?[key] is JsonObject obj)
        {
            foreach (var (name, value) in obj)
            {
                if (value is JsonValue scalar)
                {
                    map[name] = scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
                }
            }
        }

        return map;
    }

    public static JsonObject Required(JsonNode? body, string key, string service, string operation) =>
        body?[key] as JsonObject ?? throw new OpenStackApiException(service, operation, 200, $"the answer has no '{key}' object", null, null);
}
