namespace Commerce.Chain.Tests.Contracts;

/// <summary>Finds the repository's root (the folder holding Commerce.sln) from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Artifacts => Path.Combine(Root, "src", "Chain", "Contracts", "Artifacts");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Commerce.sln")) && Directory.Exists(Path.Combine(dir.FullName, "contracts")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no repository root (Commerce.sln + contracts/) above {AppContext.BaseDirectory}");
    }
}
