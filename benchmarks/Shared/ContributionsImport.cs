using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Benchmarks;

/// <summary>
/// The import command as an operator runs it: the server as built beside the benchmark (same configuration), a
/// process of its own, so its CPU and memory are not the benchmark's and its start-up is part of what is timed.
/// </summary>
public static class ContributionsImport
{
    /// <returns>The command's summary line (its last; start-up warnings may come before it).</returns>
    public static async Task<string> RunAsync(string file, string connectionString, string source)
    {
        var result = await ChildProcess.RunAsync(
            "dotnet",
            ["exec", RepositoryPaths.ServerAssembly, "import", "contributions", file, "--source", source],
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(30),
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__WelfareGraph"] = connectionString,
            }
        );
        // A benchmark of an import that failed or refused rows would time something else.
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"The import exited with {result.ExitCode}:\n{result.Output}\n{result.Error}");
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }
}
