using System.Text;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.Client;

/// <summary>The filters of a service discovery (ETSI GS MEC 011 clause 8.2.3.3.1): at most one of instance ids, names and category.</summary>
public sealed record ServiceFilter
{
    /// <summary>Service instance identifiers.</summary>
    public IReadOnlyList<string>? InstanceIds { get; init; }

    /// <summary>Service names.</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>A service category identifier.</summary>
    public string? CategoryId { get; init; }

    /// <summary>The scope of locality.</summary>
    public LocalityType? ScopeOfLocality { get; init; }

    /// <summary>Only services consumed locally only (true) or not (false).</summary>
    public bool? ConsumedLocalOnly { get; init; }

    /// <summary>Only services local to this application (true) or remote (false).</summary>
    public bool? IsLocal { get; init; }

    /// <summary>The query string of the filter (with its leading <c>?</c>, empty when there is no filter).</summary>
    /// <returns>The query string.</returns>
    public string ToQueryString()
    {
        var query = new StringBuilder();
        void Add(string name, string value) => query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        if (InstanceIds is { Count: > 0 } ids)
        {
            Add("ser_instance_id", string.Join(',', ids));
        }

        if (Names is { Count: > 0 } names)
        {
            Add("ser_name", string.Join(',', names));
        }

        if (CategoryId is { } category)
        {
            Add("ser_category_id", category);
        }

        if (ScopeOfLocality is { } scope)
        {
            Add("scope_of_locality", MecJson.Serialize(scope).Trim('"'));
        }

        if (ConsumedLocalOnly is { } consumed)
        {
            Add("consumed_local_only", consumed ? "true" : "false");
        }

        if (IsLocal is { } local)
        {
            Add("is_local", local ? "true" : "false");
        }

        return query.ToString();
    }
}
