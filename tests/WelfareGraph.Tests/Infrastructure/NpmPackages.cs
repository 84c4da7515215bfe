namespace WelfareGraph.Tests.Infrastructure;

/// <summary>The npm packages a test runs, restored from the folder's lock file when they are missing or older than it.</summary>
public static class NpmPackages
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task RestoreAsync(string folder)
    {
        await OneAtATime.WaitAsync();
        try
        {
            // npm writes node_modules/.package-lock.json on every install: newer than the lock file means current.
            var installed = new FileInfo(Path.Combine(folder, "node_modules", ".package-lock.json"));
            if (installed.Exists && installed.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(Path.Combine(folder, "package-lock.json")))
                return;
            var npm = await ChildProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder, TimeSpan.FromMinutes(5));
            if (npm.ExitCode != 0)
                throw new InvalidOperationException($"npm ci in {folder} exited with {npm.ExitCode}: {npm.Output}{npm.Error}");
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
