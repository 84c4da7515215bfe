namespace WelfareGraph.Data.Rollups;

/// <summary>
/// <c>rollups rebuild</c> (every cell recomputed from the facts) and <c>rollups verify</c> (every cell compared
/// with the facts; exit code 1 on a difference), on the configured provider and connection string, with a line
/// of progress per Solar Hijri year.
/// </summary>
public static class RollupsCommand
{
    public static bool Handles(string[] args) => args is ["rollups", ..];

    /// <param name="compose">The server's composition (the command runs on the same services as the API).</param>
    public static async Task<int> RunAsync(string[] args, Action<WebApplicationBuilder> compose)
    {
        if (args is not ["rollups", "rebuild" or "verify", ..])
        {
            Console.Error.WriteLine("usage: rollups rebuild | rollups verify   [--Section:Key=value ...]");
            return 64; // EX_USAGE
        }
        await using var app = await CommandHost.StartAsync(args, compose);

        await using var db = app.Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
        if (args[1] == "rebuild")
        {
            await MonthlyRollup.RebuildAsync(db, (year, done, all) => Console.WriteLine($"Rebuilt {year} ({done}/{all} years)."));
            Console.WriteLine(
                $"The monthly rollup holds {await db.MonthlyContributions.CountAsync()} cells, "
                    + $"the county rollup {await db.CountyMonthlyContributions.CountAsync()}."
            );
            return 0;
        }
        var differences = await MonthlyRollup.VerifyAsync(
            db,
            (year, found, done, all) =>
                Console.WriteLine(
                    $"Verified {year} ({done}/{all} years): "
                        + found switch
                        {
                            0 => "exact.",
                            1 => "1 cell differs from the facts.",
                            _ => $"{found:N0} cells differ from the facts.",
                        }
                )
        );
        Console.WriteLine(
            differences == 0 ? "The rollups equal the facts." : $"{differences:N0} cells in all differ: run `rollups rebuild`."
        );
        return differences == 0 ? 0 : 1;
    }
}
