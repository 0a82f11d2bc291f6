namespace PrecisionCloud.Tests;

/// <summary>Finds the repository's folders from a test's output directory.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PrecisionCloud.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PrecisionCloud.slnx above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
