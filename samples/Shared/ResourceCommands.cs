using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using PrecisionCloud.Resources;
using PrecisionCloud.Resources.Compute;

namespace PrecisionCloud.Samples;

/// <summary>
/// <c>resources ...</c>: the unified resource API of a running site from its command line (like kubectl for a
/// site): providers with what they lack, workloads with their status, a workload's placement decision and history,
/// apply and delete, logs, and a placement dry run. Talks to the site at <c>--Api=URL</c> (default: the site's
/// first <c>Urls</c> entry).
/// </summary>
internal static class ResourceCommands
{
    public const string Usage = """
          resources providers                      what each provider can do here, what it lacks, its nodes
          resources workloads [TENANT]             workloads with phase, placement and addresses
          resources show TENANT/NAME               a workload's status, placement decision and events
          resources apply KIND FILE                create or change (KIND: tenant, network, securitypolicy, volume, workload)
          resources explain FILE                   where a workload spec would run and why, without applying it
          resources delete KIND TENANT/NAME        delete (KIND as above; a tenant by its name alone)
          resources logs TENANT/NAME [--replica=N] a replica's output
                                                   (--Api=http://127.0.0.1:8080 names the site)
        """;

    public static async Task<int> RunAsync(string[] words, Uri api, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(api, "/resources/v1/"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            switch (words)
            {
                case ["providers"]:
                    return await PrintAsync(http, "providers", Providers, output, error, cancellationToken);
                case ["workloads"]:
                    return await PrintAsync(http, "workloads", Workloads, output, error, cancellationToken);
                case ["workloads", var tenant]:
                    return await PrintAsync(http, $"tenants/{tenant}/workloads", Workloads, output, error, cancellationToken);
                case ["show", var key] when Split(key) is { } k:
                    return await PrintAsync(http, $"tenants/{k.Tenant}/workloads/{k.Name}", json => Show(ResourceJson.ReadWorkload(json)), output, error, cancellationToken);
                case ["apply", var kind, var file] when Plural(kind) is { } plural:
                    return await ApplyAsync(http, kind, plural, file, output, error, cancellationToken);
                case ["explain", var file]:
                    var text = await File.ReadAllTextAsync(file, cancellationToken);
                    var spec = ResourceJson.ReadWorkloadSpec(text);
                    return await SendAsync(http, HttpMethod.Post, $"tenants/{spec.Tenant}/workloads/{spec.Name}/placement", text, output, error, cancellationToken);
                case ["delete", "tenant", var name]:
                    return await SendAsync(http, HttpMethod.Delete, $"tenants/{name}", null, output, error, cancellationToken);
                case ["delete", var kind, var key] when Plural(kind) is { } plural && Split(key) is { } k:
                    return await SendAsync(http, HttpMethod.Delete, $"tenants/{k.Tenant}/{plural}/{k.Name}", null, output, error, cancellationToken);
                case ["logs", var key, .. var rest] when Split(key) is { } k:
                    var replica = rest.Select(r => r.StartsWith("--replica=", StringComparison.Ordinal) ? r["--replica=".Length..] : null).LastOrDefault(r => r is not null) ?? "0";
                    return await PrintAsync(http, $"tenants/{k.Tenant}/workloads/{k.Name}/logs?replica={replica}", text => text, output, error, cancellationToken);
                default:
                    await error.WriteLineAsync($"unknown resources command: {string.Join(' ', words)}{Environment.NewLine}{Usage}");
                    return 2;
            }
        }
        catch (HttpRequestException exception)
        {
            await error.WriteLineAsync($"resources: the site at {api} does not answer ({exception.Message}); is it running?");
            return 1;
        }
        catch (ResourceValidationException exception)
        {
            await error.WriteLineAsync($"resources: {exception.Message}");
            return 2;
        }
    }

    private static async Task<int> ApplyAsync(HttpClient http, string kind, string plural, string file, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var body = await File.ReadAllTextAsync(file, cancellationToken);
        var (tenant, name) = kind switch
        {
            "tenant" => (ResourceJson.ReadTenantSpec(body).Name, string.Empty),
            "network" => ResourceJson.ReadNetworkSpec(body) is var network ? (network.Tenant, network.Name) : default,
            "securitypolicy" => ResourceJson.ReadSecurityPolicySpec(body) is var policy ? (policy.Tenant, policy.Name) : default,
            "volume" => ResourceJson.ReadVolumeSpec(body) is var volume ? (volume.Tenant, volume.Name) : default,
            _ => ResourceJson.ReadWorkloadSpec(body) is var workload ? (workload.Tenant, workload.Name) : default,
        };
        var path = kind == "tenant" ? $"tenants/{tenant}" : $"tenants/{tenant}/{plural}/{name}";
        return await SendAsync(http, HttpMethod.Put, path, body, output, error, cancellationToken);
    }

    private static async Task<int> SendAsync(HttpClient http, HttpMethod method, string path, string? body, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        await (response.IsSuccessStatusCode ? output : error).WriteLineAsync(text.Length > 0 ? text : $"{(int)response.StatusCode} {response.ReasonPhrase}");
        return response.IsSuccessStatusCode ? 0 : 1;
    }

    private static async Task<int> PrintAsync(HttpClient http, string path, Func<string, string> render, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            await error.WriteLineAsync(text);
            return 1;
        }

        await output.WriteAsync(render(text));
        return 0;
    }

    private static string Providers(string json)
    {
        var text = new StringBuilder();
        foreach (var provider in ResourceJson.ReadProviders(json))
        {
            var capabilities = provider.Capabilities;
            text.AppendLine(CultureInfo.InvariantCulture, $"provider {provider.Name}: kinds {Join(capabilities.Kinds)}; volumes {Join(capabilities.VolumeKinds)}; networks {capabilities.Networks}; security policies {capabilities.SecurityPolicies}; cpu limits {capabilities.CpuLimits}; memory limits {capabilities.MemoryLimits}");
            foreach (var missing in capabilities.Missing)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  missing {missing.Feature}: {missing.Reason}");
            }

            foreach (var node in provider.Nodes)
            {
                var capacity = node.Node.Capacity;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  node {node.Node.Name} at {node.Node.Site} ({node.Node.LatencyClass}): free {node.Free.VCpus:0.###} of {capacity.VCpus:0.###} vCPU, {node.Free.MemoryMiB} of {capacity.MemoryMiB} MiB, {node.Free.DiskGiB} of {capacity.DiskGiB} GiB disk");
            }
        }

        return text.ToString();
    }

    private static string Workloads(string json)
    {
        var rows = ResourceJson.ReadWorkloads(json).Select(w => new[]
        {
            w.Key,
            w.Status.Kind.ToString(),
            w.Status.Phase.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"{w.Status.ReadyReplicas}/{w.Spec.Replicas}"),
            $"{w.Status.Provider}/{w.Status.Node}",
            string.Join(",", w.Status.Addresses.SelectMany(a => a.Value)),
            w.Status.Restarts.ToString(CultureInfo.InvariantCulture),
            w.Status.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-",
        }).ToList();
        rows.Insert(0, ["WORKLOAD", "KIND", "PHASE", "READY", "PLACED ON", "ADDRESSES", "RESTARTS", "EXIT"]);
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        return string.Concat(rows.Select(r => string.Join("  ", r.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd() + Environment.NewLine));
    }

    private static string Show(Workload workload)
    {
        var status = workload.Status;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"workload     {workload.Key} (uid {workload.Uid}, generation {workload.Generation})");
        text.AppendLine(CultureInfo.InvariantCulture, $"image        {workload.Spec.Image.Reference}");
        text.AppendLine(CultureInfo.InvariantCulture, $"phase        {status.Phase}, {status.ReadyReplicas}/{workload.Spec.Replicas} ready, {status.Restarts} restarts{(status.ExitCode is { } code ? $", last exit {code}" : string.Empty)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"placed on    {status.Provider}/{status.Node} as {status.Kind} (backend id {status.BackendId ?? "-"})");
        foreach (var (network, addresses) in status.Addresses)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"network      {network}: {string.Join(", ", addresses)}");
        }

        if (status.Placement is { } placement)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"placement    {placement.Summary}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  kind       {placement.KindReason}");
            if (placement.Chosen is { } chosen)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  chosen     {chosen.Target} score {chosen.Score:0.###}");
            }

            foreach (var runnerUp in placement.RunnersUp)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  runner-up  {runnerUp.Target} score {runnerUp.Score:0.###}");
            }

            foreach (var rejection in placement.Rejections)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  rejected   {rejection.Provider}/{rejection.Node}: {rejection.Reason}: {rejection.Detail}");
            }
        }

        foreach (var condition in status.Conditions)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"condition    {condition.Type}={condition.Status} {condition.Reason}: {condition.Message}");
        }

        foreach (var entry in status.Events)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"event        {entry.At:u} {entry.Reason}: {entry.Message}");
        }

        return text.ToString();
    }

    private static string? Plural(string kind) => kind switch
    {
        "tenant" => "tenants",
        "network" => "networks",
        "securitypolicy" => "securitypolicies",
        "volume" => "volumes",
        "workload" => "workloads",
        _ => null,
    };

    private static (string Tenant, string Name)? Split(string key) => key.Split('/') is [var tenant, var name] ? (tenant, name) : null;

    private static string Join<T>(IEnumerable<T> values) => values.Any() ? string.Join(",", values) : "none";
}
