using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PrecisionCloud.Mec.Client.Http;

/// <summary>Sending MEC requests and reading their answers: JSON through the MEC data model, problems as <see cref="MecApiException"/>.</summary>
internal static class MecHttp
{
    public static StringContent Json<T>(T value) =>
        new(JsonSerializer.Serialize(value, TypeInfo<T>()), Encoding.UTF8, "application/json");

    /// <summary>Sends a request (and disposes it) and reads a JSON answer of a MEC type.</summary>
    public static async Task<Tagged<T>> SendAsync<T>(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var owned = request;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var value = JsonSerializer.Deserialize(body, TypeInfo<T>())
            ?? throw new MecApiException($"{request.Method} {request.RequestUri} answered JSON null, not a {typeof(T).Name}");
        return new Tagged<T>(value, response.Headers.ETag?.ToString(), response.Headers.Location);
    }

    /// <summary>Sends a request (and disposes it) whose answer has no body of interest.</summary>
    public static async Task<bool> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var owned = request;
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NoContent;
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        ProblemDetails? problem = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (text.Length > 0)
            {
                problem = JsonSerializer.Deserialize(text, TypeInfo<ProblemDetails>());
            }
        }
        catch (JsonException)
        {
            // Not a problem body; the status says enough.
        }

        throw new MecApiException(response.StatusCode, problem, $"{request.Method} {request.RequestUri}");
    }

    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)MecJson.Options.GetTypeInfo(typeof(T));
}
