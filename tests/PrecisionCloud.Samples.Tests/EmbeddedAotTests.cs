using System.Net;
using System.Text.Json;
using PrecisionCloud.Tests;

namespace PrecisionCloud.Samples.Tests;

/// <summary>
/// Publishes the embedded sample with NativeAOT, as CI must on every change: a change that breaks trimming or
/// AOT (reflection-based JSON, assembly scanning) fails here with the linker's warning.
/// </summary>
public sealed class EmbeddedAotTests : IClassFixture<EmbeddedAotTests.PublishedEmbedded>
{
    private readonly PublishedEmbedded _published;

    public EmbeddedAotTests(PublishedEmbedded published) => _published = published;

    [Fact]
    public void Publishes_without_trim_or_aot_warnings()
    {
        Assert.True(_published.Result.ExitCode == 0, $"publish failed:\n{_published.Result.All}");
        var warnings = _published.Result.All.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase) && !l.Contains("0 Warning(s)", StringComparison.Ordinal)).ToList();
        Assert.Empty(warnings);
        Assert.True(File.Exists(_published.Binary), $"no native binary at {_published.Binary}");
    }

    [Fact]
    public async Task Native_binary_serves_healthz()
    {
        var (site, address) = await SiteProcess.StartAsync(_published.Binary, [], Path.GetDirectoryName(_published.Binary)!, TimeSpan.FromSeconds(30));
        await using (site)
        {
            using var http = new HttpClient { BaseAddress = address };
            using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Site embedded started with profile Embedded", site.Log, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Native_binary_prints_inventory_json()
    {
        var result = await ProcessRunner.RunAsync(_published.Binary, ["inventory", "--json"], TimeSpan.FromSeconds(30), Path.GetDirectoryName(_published.Binary));

        Assert.True(result.ExitCode == 0, result.All);
        using var json = JsonDocument.Parse(result.Output);
        Assert.True(json.RootElement.GetProperty("cpu").GetProperty("logicalCpus").GetInt32() > 0);
    }

    public sealed class PublishedEmbedded : IAsyncLifetime
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "precisioncloud-aot-" + Guid.NewGuid().ToString("N"));

        internal ProcessRunner.Result Result { get; private set; } = new(-1, string.Empty, string.Empty);

        public string Binary => Path.Combine(_root, "publish", "Embedded");

        public async Task InitializeAsync()
        {
            Result = await ProcessRunner.RunAsync("dotnet",
                ["publish", RepositoryLayout.PathOf("samples", "Embedded", "Embedded.csproj"), "-c", "Release", "-r", "linux-x64",
                 "-o", Path.Combine(_root, "publish"), "--artifacts-path", Path.Combine(_root, "artifacts"), "-nologo"],
                TimeSpan.FromMinutes(10));
        }

        public Task DisposeAsync()
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }

            return Task.CompletedTask;
        }
    }
}
