using System.Diagnostics;

namespace WelfareGraph.Tests.Infrastructure;

/// <summary>A program a test runs to completion, with its output read concurrently (a full pipe would stall it).</summary>
public static class ChildProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <param name="environment">Variables to set (a null value removes the variable) on top of the test's own.</param>
    /// <exception cref="TimeoutException">The program ran past <paramref name="timeout"/>; it has been killed.</exception>
    public static async Task<Result> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null
    )
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} ran past {timeout}; its output so far:\n{await output}{await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
