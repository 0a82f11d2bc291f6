using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Models;

namespace PrecisionCloud.Resources.OpenStack.Services;

/// <summary>Glance (API v2): image lookup, creation with upload, and deletion.</summary>
public sealed class ImageService
{
    private const string Service = "image";
    private readonly OpenStackTransport _transport;

    internal ImageService(OpenStackTransport transport) => _transport = transport;

    /// <summary>An image by id, or <see langword="null"/> when there is none.</summary>
    /// <param name="id">The image.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<GlanceImage?> GetImageAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _transport.SendUnlessGoneAsync(new OpenStackRequest(Service, HttpMethod.Get, $"images/{Uri.EscapeDataString(id)}"), cancellationToken).ConfigureAwait(false);
        return response?.Body is JsonObject image ? ParseImage(image) : null;
    }

    /// <summary>Images matching a filter (for example <c>name=cirros</c>), page by page.</summary>
    /// <param name="query">Filters as a query string without <c>?</c>, or empty.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<GlanceImage> ListImagesAsync(string query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var image in _transport.ListAsync(Service, "images" + (string.IsNullOrEmpty(query) ? string.Empty : "?" + query), "images", null, cancellationToken).ConfigureAwait(false))
        {
            yield return ParseImage(image);
        }
    }

    /// <summary>
    /// The image a reference names: its id, or else the one active image of that name; <see langword="null"/> when
    /// there is none.
    /// </summary>
    /// <param name="reference">An id or a name.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <exception cref="OpenStackException">Several active images have the name.</exception>
    public async Task<GlanceImage?> FindImageAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (Guid.TryParse(reference, out _) && await GetImageAsync(reference, cancellationToken).ConfigureAwait(false) is { } byId)
        {
            return byId;
        }

        var matches = new List<GlanceImage>();
        await foreach (var image in ListImagesAsync($"name={Uri.EscapeDataString(reference)}&status=active", cancellationToken).ConfigureAwait(false))
        {
            matches.Add(image);
        }

        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new OpenStackException($"{matches.Count} active images are named '{reference}' ({string.Join(", ", matches.Select(m => m.Id))}); name one by id"),
        };
    }

    /// <summary>Creates an image and uploads its data; returns it once Glance has it active.</summary>
    /// <param name="name">The name.</param>
    /// <param name="diskFormat">The disk format (<c>qcow2</c>, <c>raw</c>...).</param>
    /// <param name="data">Opens the data; called once.</param>
    /// <param name="isPublic">Whether every project sees it (an administrator's right); else only the owning project.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public async Task<GlanceImage> CreateImageAsync(string name, string diskFormat, Func<Stream> data, bool isPublic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var body = new JsonObject { ["name"] = name, ["disk_format"] = diskFormat, ["container_format"] = "bare", ["visibility"] = isPublic ? "public" : "private" };
        var created = await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Post, "images") { Body = body }, cancellationToken).ConfigureAwait(false);
        var image = created.Body is JsonObject node ? ParseImage(node) : throw new OpenStackApiException(Service, "POST /images", created.Status, "the answer has no image", null, created.RequestId);
        try
        {
            await _transport.SendAsync(new OpenStackRequest(Service, HttpMethod.Put, $"images/{Uri.EscapeDataString(image.Id)}/file")
            {
                Content = () =>
                {
                    var content = new StreamContent(data());
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                    return content;
                },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // An image without data is useless; do not leave it behind (a failure here must not hide the first one).
            try
            {
                await DeleteImageAsync(image.Id, CancellationToken.None).ConfigureAwait(false);
            }
            catch (OpenStackException)
            {
            }

            throw;
        }

        return await GetImageAsync(image.Id, cancellationToken).ConfigureAwait(false) ?? image;
    }

    /// <summary>Deletes an image; one already gone counts as deleted.</summary>
    /// <param name="id">The image.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteImageAsync(string id, CancellationToken cancellationToken) =>
        _transport.SendUnlessGoneAsync(new OpenStackRequest(Service, HttpMethod.Delete, $"images/{Uri.EscapeDataString(id)}"), cancellationToken);

    private static GlanceImage ParseImage(JsonObject image) => new(
        JsonRead.String(image, "id") ?? string.Empty,
        JsonRead.String(image, "name") ?? string.Empty,
        JsonRead.String(image, "status") ?? string.Empty,
        JsonRead.String(image, "disk_format"),
        JsonRead.String(image, "container_format"),
        JsonRead.Long(image, "size"),
        JsonRead.String(image, "os_hash_value") ?? JsonRead.String(image, "checksum"));
}
