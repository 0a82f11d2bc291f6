using System.IO.Compression;
using System.Xml.Linq;
using PrecisionCloud.Tests;

namespace PrecisionCloud.Packaging.Tests;

/// <summary>
/// Packs every project under src/ the way a release does and opens each package: one per project, with its
/// README, XML docs, symbols, license and repository, and only the dependencies its layer may have.
/// </summary>
public sealed class PackageTests : IClassFixture<PackageTests.PackedRepository>
{
    private readonly PackedRepository _packed;

    public PackageTests(PackedRepository packed) => _packed = packed;

    public static TheoryData<string> SourceProjects() => [.. SourceProjectNames()];

    private static List<string> SourceProjectNames() =>
        [.. Directory.GetDirectories(RepositoryLayout.PathOf("src")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_src_project_is_packed_once_with_symbols()
    {
        var projects = SourceProjectNames();

        Assert.Equal(projects, _packed.Packages.Keys.Order(StringComparer.Ordinal));
        foreach (var project in projects)
        {
            Assert.True(File.Exists(Path.Combine(_packed.Output, $"{project}.{_packed.Version}.snupkg")), $"{project} has no .snupkg");
        }
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void Package_carries_readme_docs_license_and_repository(string project)
    {
        using var package = ZipFile.OpenRead(_packed.Packages[project]);
        var nuspec = ReadNuspec(package, project);
        var metadata = nuspec.Root!.Element(nuspec.Root.Name.Namespace + "metadata")!;
        string? Value(string name) => metadata.Element(metadata.Name.Namespace + name)?.Value;

        Assert.Equal(project, Value("id"));
        Assert.Equal("README.md", Value("readme"));
        Assert.NotNull(package.GetEntry("README.md"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")), "description");
        Assert.Contains("precisioncloud", Value("tags") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("Apache-2.0", Value("license"));
        Assert.NotNull(metadata.Element(metadata.Name.Namespace + "repository")?.Attribute("url"));
        Assert.NotNull(package.GetEntry($"lib/net10.0/{project}.dll"));

        var docs = package.GetEntry($"lib/net10.0/{project}.xml");
        Assert.NotNull(docs);
        using var docsStream = docs.Open();
        var members = XDocument.Load(docsStream).Descendants("member").ToList();
        Assert.NotEmpty(members);
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void Package_depends_only_on_lower_layers(string project)
    {
        Assert.True(ArchitectureLayers.IsKnown(project), $"{project} is not in the layer map (ArchitectureLayers, ARCHITECTURE.md).");
        using var package = ZipFile.OpenRead(_packed.Packages[project]);
        var nuspec = ReadNuspec(package, project);

        var violations = nuspec.Descendants(nuspec.Root!.Name.Namespace + "dependency")
            .Select(d => d.Attribute("id")!.Value)
            .Where(id => id.StartsWith("PrecisionCloud.", StringComparison.Ordinal))
            .Select(id => ArchitectureLayers.Violation(project, id))
            .OfType<string>()
            .ToList();

        Assert.Empty(violations);
    }

    [Fact]
    public void Layer_rules_reject_upward_and_undrawn_sideways_references()
    {
        Assert.Null(ArchitectureLayers.Violation("PrecisionCloud.Hosting", "PrecisionCloud.Hardware"));
        Assert.Null(ArchitectureLayers.Violation("PrecisionCloud.UserPlane.Pfcp", "PrecisionCloud.UserPlane"));
        Assert.Contains("upward", ArchitectureLayers.Violation("PrecisionCloud.Hardware", "PrecisionCloud.Hosting"), StringComparison.Ordinal);
        Assert.Contains("sideways", ArchitectureLayers.Violation("PrecisionCloud.UserPlane", "PrecisionCloud.Resources"), StringComparison.Ordinal);
        Assert.Contains("missing", ArchitectureLayers.Violation("PrecisionCloud.Hosting", "PrecisionCloud.Unknown"), StringComparison.Ordinal);
    }

    private static XDocument ReadNuspec(ZipArchive package, string project)
    {
        var entry = package.GetEntry($"{project}.nuspec") ?? throw new InvalidOperationException($"{project}: no nuspec");
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    /// <summary>Runs <c>dotnet pack -c Release</c> once for the class, in its own artifacts folder.</summary>
    public sealed class PackedRepository : IAsyncLifetime
    {
        public string Version { get; } = "0.0.0-packagetest";

        public string Output { get; } = Path.Combine(Path.GetTempPath(), "precisioncloud-pack-" + Guid.NewGuid().ToString("N"));

        public Dictionary<string, string> Packages { get; } = new(StringComparer.Ordinal);

        public async Task InitializeAsync()
        {
            var artifacts = Output + "-artifacts";
            var result = await ProcessRunner.RunAsync("dotnet",
                ["pack", RepositoryLayout.PathOf("PrecisionCloud.slnx"), "-c", "Release", "-o", Output, "--artifacts-path", artifacts, $"-p:Version={Version}", "-nologo"],
                TimeSpan.FromMinutes(8));
            Assert.True(result.ExitCode == 0, $"dotnet pack failed ({result.ExitCode}):\n{result.All}");
            foreach (var file in Directory.GetFiles(Output, "*.nupkg"))
            {
                var name = Path.GetFileName(file);
                Packages.Add(name[..^$".{Version}.nupkg".Length], file);
            }
        }

        public Task DisposeAsync()
        {
            foreach (var directory in new[] { Output, Output + "-artifacts" })
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }

            return Task.CompletedTask;
        }
    }
}
