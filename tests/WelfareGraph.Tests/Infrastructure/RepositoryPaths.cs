namespace WelfareGraph.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding WelfareGraph.sln and the one appsettings.json.</summary>
    public static string Root { get; } = FindRoot();

    public static string Schema => Path.Combine(Root, "schema");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WelfareGraph.sln")))
                return dir.FullName;
        throw new InvalidOperationException("WelfareGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
