using PrecisionCloud.Tests;

namespace PrecisionCloud.Samples.Tests;

internal static class SampleBinaries
{
    /// <summary>Where the AllInOne sample's files are, its appsettings.json among them.</summary>
    public static string AllInOneDirectory => Path.GetDirectoryName(AllInOneDll)!;

    /// <summary>The AllInOne sample as built for this test run (same configuration as the tests).</summary>
    public static string AllInOneDll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<configuration>/net10.0
            var dll = RepositoryLayout.PathOf("samples", "AllInOne", "bin", configuration, "net10.0", "AllInOne.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"The AllInOne sample is not built at {dll}.");
        }
    }

    /// <summary>The MecApp sample as built for this test run.</summary>
    public static string MecAppDll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var dll = RepositoryLayout.PathOf("samples", "MecApp", "bin", configuration, "net10.0", "MecApp.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"The MecApp sample is not built at {dll}.");
        }
    }
}
