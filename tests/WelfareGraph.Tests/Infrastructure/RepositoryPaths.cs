namespace WelfareGraph.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding WelfareGraph.sln and the one appsettings.json.</summary>
    public static string Root { get; } = FindRoot();

    public static string Schema => Path.Combine(Root, "schema");

    /// <summary>The server's own build output, next to the tests' (same configuration), for tests that run it as a program.</summary>
    public static string ServerAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(Root, "src", "WelfareGraph", "bin", configuration, "net10.0", "WelfareGraph.dll");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WelfareGraph.sln")))
                return dir.FullName;
        throw new InvalidOperationException("WelfareGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
