using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Architecture;

/// <summary>
/// No line of the C# code is longer than CSharpier's print width. CSharpier breaks code at that width but cannot break a
/// long string literal or comment, so those are wrapped by hand; this test keeps them wrapped.
/// </summary>
public sealed class LineLengthTests
{
    /// <summary>CSharpier's <c>printWidth</c> in <c>.csharpierrc.json</c>.</summary>
    private const int MaxLineLength = 140;

    /// <summary>The folders whose C# files are checked, relative to the repository root.</summary>
    private static readonly string[] Folders = ["src", "tests", "benchmarks"];

    /// <summary>EF Core's generated migrations, which are left as the tool writes them.</summary>
    private static readonly string Migrations = Path.Combine("src", "WelfareGraph", "Data", "Migrations") + Path.DirectorySeparatorChar;

    /// <summary>
    /// Lengths are counted in UTF-16 code units (<see cref="string.Length"/>), so Persian text counts one per letter, as an
    /// editor shows it; a character outside the Basic Multilingual Plane (an emoji, say) would count two.
    /// </summary>
    [Fact]
    public void No_line_of_the_CSharp_code_is_longer_than_the_print_width()
    {
        var files = Folders.SelectMany(folder => CSharpFiles(Path.Combine(RepositoryPaths.Root, folder))).ToList();
        Assert.NotEmpty(files);

        var tooLong = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length > MaxLineLength)
                    tooLong.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}:{i + 1} ({lines[i].Length})");
            }
        }

        Assert.True(
            tooLong.Count == 0,
            $"{tooLong.Count} lines are longer than {MaxLineLength} characters:{Environment.NewLine}"
                + string.Join(Environment.NewLine, tooLong)
        );
    }

    private static IEnumerable<string> CSharpFiles(string folder) =>
        Directory
            .EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file =>
            {
                var relative = Path.GetRelativePath(RepositoryPaths.Root, file);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                return !parts.Contains("bin") && !parts.Contains("obj") && !relative.StartsWith(Migrations, StringComparison.Ordinal);
            })
            .Order(StringComparer.Ordinal);
}
