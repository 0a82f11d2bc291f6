namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>Why the platform refused a request: the HTTP status and a detail that names the field or resource at fault.</summary>
internal sealed record MecError(int Status, string Title, string Detail)
{
    public static MecError BadRequest(string field, string why) => new(400, "Bad Request", $"{field}: {why}");

    public static MecError NotFound(string what) => new(404, "Not Found", $"{what} does not exist");

    public static MecError Forbidden(string why) => new(403, "Forbidden", why);

    public static MecError Conflict(string why) => new(409, "Conflict", why);

    public static MecError PreconditionFailed(string etag) => new(412, "Precondition Failed", $"If-Match does not match the current ETag {etag}: the resource changed since it was read");
}
