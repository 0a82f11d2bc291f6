using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace PrecisionCloud.Tests.Specifications;

/// <summary>
/// The schemas of an ETSI OpenAPI 3.1 file (JSON Schema 2020-12) as an independent validator of our JSON: the YAML
/// is read as it is, its <c>components/schemas</c> become <c>$defs</c>, and a body is evaluated against one of them
/// by JsonSchema.Net. The files' known defects are fixed here, each by name and with the clause of the GS that
/// says what is right, never in the files.
/// </summary>
internal sealed partial class OpenApiSchemas
{
    private readonly JsonObject _definitions;
    private readonly Dictionary<string, JsonSchema> _compiled = new(StringComparer.Ordinal);

    private readonly string _file;

    private OpenApiSchemas(string file, JsonObject definitions, IReadOnlyList<(string Path, string Method)> operations)
    {
        _file = file;
        _definitions = definitions;
        Operations = operations;
    }

    /// <summary>Every path and method the file defines (methods in upper case).</summary>
    public IReadOnlyList<(string Path, string Method)> Operations { get; }

    /// <summary>The fixes applied to the file's schemas, by schema, with why.</summary>
    public List<string> Fixes { get; } = [];

    /// <summary>Reads the OpenAPI file under <c>specs/etsi-mec</c> of the repository.</summary>
    public static OpenApiSchemas Load(string fileName)
    {
        var path = RepositoryLayout.PathOf("specs", "etsi-mec", fileName);
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var document = (JsonObject)ToJson(yaml.Documents[0].RootNode)!;
        var schemas = (JsonObject)document["components"]!["schemas"]!;
        string[] methods = ["get", "put", "post", "patch", "delete"];
        var operations = ((JsonObject)document["paths"]!)
            .SelectMany(path => ((JsonObject)path.Value!).Where(m => methods.Contains(m.Key)).Select(m => (path.Key, m.Key.ToUpperInvariant())))
            .ToList();
        return new OpenApiSchemas(Path.GetFileNameWithoutExtension(fileName), (JsonObject)RewriteReferences(schemas.DeepClone()), operations);
    }

    /// <summary>Replaces one schema (or a property of one, <c>Schema/properties/name</c>) and records why.</summary>
    public OpenApiSchemas Fix(string path, string schemaJson, string why)
    {
        var parts = path.Split('/');
        JsonNode target = _definitions;
        foreach (var part in parts[..^1])
        {
            target = target[part] ?? throw new InvalidOperationException($"no '{part}' on the way to {path}");
        }

        target[parts[^1]] = JsonNode.Parse(schemaJson);
        Fixes.Add($"{path}: {why}");
        _compiled.Clear();
        return this;
    }

    /// <summary>The problems of <paramref name="json"/> against schema <paramref name="schemaName"/>; none when valid.</summary>
    public IReadOnlyList<string> Problems(string schemaName, string json)
    {
        JsonSchema schema;
        lock (_compiled)
        {
            // Compiling registers the schema's $id globally: tests running side by side compile each schema once.
            if (!_compiled.TryGetValue(schemaName, out schema!))
            {
                var root = new JsonObject
                {
                    ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                    ["$id"] = $"https://precisioncloud.test/{_file}/{schemaName}",
                    ["$defs"] = _definitions.DeepClone(),
                    ["$ref"] = $"#/$defs/{schemaName}",
                };
                schema = _compiled[schemaName] = JsonSchema.FromText(root.ToJsonString());
            }
        }

        using var instance = System.Text.Json.JsonDocument.Parse(json);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => Plain(scalar.Value ?? string.Empty),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    /// <summary>A plain scalar as YAML 1.2's core schema reads it: null, a boolean, an integer, a float, or text.</summary>
    private static JsonValue? Plain(string value) => value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ when Integer().IsMatch(value) => JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture)),
        _ when Float().IsMatch(value) => JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value),
    };

    private static JsonNode RewriteReferences(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value is JsonValue reference && reference.GetValue<string>() is { } text && text.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        obj[key] = "#/$defs/" + text["#/components/schemas/".Length..];
                    }
                    else if (value is not null)
                    {
                        RewriteReferences(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        RewriteReferences(item);
                    }
                }

                break;
        }

        return node;
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
