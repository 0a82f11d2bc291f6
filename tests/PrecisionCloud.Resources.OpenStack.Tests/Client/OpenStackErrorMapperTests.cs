using PrecisionCloud.Resources.OpenStack.Client;

namespace PrecisionCloud.Resources.OpenStack.Tests.Client;

public sealed class OpenStackErrorMapperTests
{
    [Theory]
    [InlineData("compute", 404, """{"itemNotFound": {"code": 404, "message": "Instance abc could not be found."}}""", typeof(OpenStackNotFoundException), "Instance abc could not be found.", "itemNotFound")]
    [InlineData("compute", 403, """{"forbidden": {"code": 403, "message": "Quota exceeded for cores: Requested 8, but already used 0 of 4 cores"}}""", typeof(OpenStackQuotaExceededException), "Quota exceeded for cores: Requested 8, but already used 0 of 4 cores", "forbidden")]
    [InlineData("compute", 403, """{"forbidden": {"code": 403, "message": "Policy doesn't allow os_compute_api:servers:create:forced_host to be performed."}}""", typeof(OpenStackForbiddenException), "Policy doesn't allow os_compute_api:servers:create:forced_host to be performed.", "forbidden")]
    [InlineData("network", 409, """{"NeutronError": {"type": "OverQuota", "message": "Quota exceeded for resources: ['network'].", "detail": ""}}""", typeof(OpenStackQuotaExceededException), "Quota exceeded for resources: ['network'].", "OverQuota")]
    [InlineData("network", 409, """{"NeutronError": {"type": "NetworkInUse", "message": "Unable to complete operation on network n1.", "detail": "There are one or more ports still in use on the network."}}""", typeof(OpenStackConflictException), "Unable to complete operation on network n1. There are one or more ports still in use on the network.", "NetworkInUse")]
    [InlineData("block-storage", 413, """{"overLimit": {"code": 413, "message": "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota."}}""", typeof(OpenStackQuotaExceededException), "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota.", "overLimit")]
    [InlineData("placement", 409, """{"errors": [{"status": 409, "title": "Conflict", "detail": "resource provider generation conflict", "code": "placement.concurrent_update", "request_id": "req-1"}]}""", typeof(OpenStackConflictException), "resource provider generation conflict", "placement.concurrent_update")]
    [InlineData("identity", 401, """{"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}""", typeof(OpenStackUnauthorizedException), "The request you have made requires authentication.", "Unauthorized")]
    [InlineData("image", 404, "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>No image found with ID x</body></html>", typeof(OpenStackNotFoundException), "404 Not Found 404 Not Found No image found with ID x", null)]
    [InlineData("compute", 503, "", typeof(OpenStackApiException), "ServiceUnavailable", null)]
    [InlineData("network", 400, """{"message": "Invalid input for cidr.", "type": "HTTPBadRequest"}""", typeof(OpenStackApiException), "Invalid input for cidr.", "HTTPBadRequest")]
    public void Each_services_error_shape_becomes_a_typed_exception_with_its_message(string service, int status, string body, Type type, string message, string? errorType)
    {
        var error = OpenStackErrorMapper.Map(service, "POST /things", status, body, "req-42");

        Assert.IsType(type, error);
        Assert.Equal((service, status, message, errorType, "req-42"), (error.Service, error.StatusCode, error.FaultMessage, error.ErrorType, error.RequestId));
        Assert.Contains("req-42", error.Message, StringComparison.Ordinal);
        Assert.Contains("POST /things", error.Message, StringComparison.Ordinal);
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public void Any_answer_maps_to_an_exception_with_a_bounded_message(string? body, FsCheck.PositiveInt status)
    {
        var error = OpenStackErrorMapper.Map("compute", "GET /x", 400 + (status.Get % 200), body, null);

        Assert.False(string.IsNullOrWhiteSpace(error.FaultMessage));
        Assert.True(error.FaultMessage.Length <= 2003);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public void Json_of_any_shape_maps_without_throwing(FsCheck.NonEmptyString key, string? value, FsCheck.PositiveInt depth)
    {
        var text = System.Text.Json.JsonSerializer.Serialize(value);
        var body = string.Concat(Enumerable.Repeat($"{{\"{key.Get.Replace("\\", string.Empty, StringComparison.Ordinal).Replace("\"", string.Empty, StringComparison.Ordinal)}\": ", depth.Get % 5)) + text + new string('}', depth.Get % 5);

        var error = OpenStackErrorMapper.Map("network", "GET /x", 409, body, null);

        Assert.NotNull(error.FaultMessage);
    }
}
