using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;
using PrecisionCloud.Tests.Specifications;

namespace PrecisionCloud.Mec.Platform.Tests;

/// <summary>Every path and method of the ETSI files is served, under the API roots the conformance suites use.</summary>
public sealed class ApiCoverageTests : PlatformTest
{
    /// <summary>The file's placeholder for the liveness resource, whose URI the platform allocates per service.</summary>
    private const string AllocatedLiveness = "/resource_uri_allocated_by_MEC_platform";

    public static TheoryData<string, string, string> Operations()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (path, method) in MecSpecifications.Mec011ServiceManagement.Operations)
        {
            data.Add("MEC011 service management", method, "/mec_service_mgmt/v1" + (path == AllocatedLiveness ? "/applications/{appInstanceId}/services/{serviceId}/liveness" : path));
        }

        foreach (var (path, method) in MecSpecifications.Mec011ApplicationSupport.Operations)
        {
            data.Add("MEC011 application support", method, "/mec_app_support/v2" + path);
        }

        foreach (var (path, method) in MecSpecifications.Mec013Location.Operations)
        {
            data.Add("MEC013 location", method, "/location/v3" + path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Every_operation_of_the_etsi_files_is_served(string file, string method, string path)
    {
        var served = Platform.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.DisplayName?.StartsWith("405 ", StringComparison.Ordinal) != true)
            .Where(e => e.RoutePattern.RawText == path)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []);

        Assert.True(served.Contains(method), $"{file}: {method} {path} is not served");
    }

    [Fact]
    public void The_files_define_the_operations_counted()
    {
        Assert.Equal(14, MecSpecifications.Mec011ServiceManagement.Operations.Count);
        Assert.Equal(18, MecSpecifications.Mec011ApplicationSupport.Operations.Count);
        Assert.Equal(26, MecSpecifications.Mec013Location.Operations.Count);
    }
}
