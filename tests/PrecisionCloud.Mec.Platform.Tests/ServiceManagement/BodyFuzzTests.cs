using System.Net;
using System.Text;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;

namespace PrecisionCloud.Mec.Platform.Tests.ServiceManagement;

/// <summary>Fuzz-style: request bodies changed byte by byte get 201 or a 4xx problem, never a 5xx, and only a 201 stores anything.</summary>
public sealed class BodyFuzzTests : PlatformTest
{
    [Fact]
    public async Task Mutated_bodies_get_a_4xx_or_are_accepted_whole_and_never_break_the_platform()
    {
        var valid = Encoding.UTF8.GetBytes(Bodies.Service("fuzz", category: "cat"));
        var random = new Random(1234);
        var samples = Enumerable.Range(0, 400)
            .Select(_ => Enumerable.Range(0, random.Next(1, 6)).Select(_ => (Position: random.Next(valid.Length), Value: (byte)random.Next(256))).ToArray())
            .ToList();
        var accepted = 0;
        var statuses = new Dictionary<HttpStatusCode, int>();
        foreach (var changes in samples)
        {
            var body = (byte[])valid.Clone();
            foreach (var (position, value) in changes)
            {
                body[position] = value;
            }

            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await Platform.Client.PostAsync(new Uri("/mec_service_mgmt/v1/applications/fuzzer/services", UriKind.Relative), content);
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            Assert.True((int)response.StatusCode is 201 or (>= 400 and < 500), $"{(int)response.StatusCode} for {Encoding.UTF8.GetString(body)}: {await response.Content.ReadAsStringAsync()}");
            if (response.StatusCode == HttpStatusCode.Created)
            {
                accepted++;
            }
            else
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > 100, string.Join(", ", statuses));
        var stored = (await Platform.GetAsync("/mec_service_mgmt/v1/applications/fuzzer/services")).Json!.AsArray().Count;
        Assert.Equal(accepted, stored);
    }
}
