using System.Diagnostics;
using System.Text;
using System.Text.Json;
using WelfareGraph.Data;
using WelfareGraph.Querying;
using WelfareGraph.Security;

namespace WelfareGraph.Ingestion;

/// <summary>
/// <c>dotnet run --project src/WelfareGraph -- import contributions &lt;file.csv|file.json&gt; --source &lt;system&gt;</c>:
/// streams the file through the same validation and upsert as the API, in batches, with a progress bar, a
/// summary and a rejected-rows file. Every batch commits whole, and a checkpoint after each commit lets a
/// rerun after a crash skip what is done; the upsert's idempotency covers the batch a crash interrupted.
/// </summary>
public static class ImportCommand
{
    public static bool Handles(string[] args) => args is ["import", ..];

    /// <param name="compose">The server's composition (the command runs on the same services as the API).</param>
    public static async Task<int> RunAsync(string[] args, Action<WebApplicationBuilder> compose)
    {
        if (args is not ["import", "contributions", var file, ..] || Option(args, "--source") is not { } source)
        {
            Console.Error.WriteLine("usage: import contributions <file.csv|file.json> --source <system> [--batch-size N] [--parallel N]");
            return 64;
        }
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"No such file: {file}");
            return 66;
        }

        await using var app = await CommandHost.StartAsync(args, compose);

        var options = app.Services.GetRequiredService<IngestionOptions>();
        var batchSize = int.TryParse(Option(args, "--batch-size"), out var size)
            ? Math.Clamp(size, 1, options.MaxBatchSize)
            : options.MaxBatchSize;
        var writer = app.Services.GetRequiredService<BatchWriter>();
        var contributions = app.Services.GetRequiredService<ContributionMapping>();
        var system = app.Services.GetRequiredService<SystemDbContextFactory>();
        var checkpoint = Checkpoint.For(file, source);
        var done = checkpoint.Load();
        var rejectedPath = file + ".rejected.csv";
        await using var rejected = new StreamWriter(rejectedPath, append: done > 0, new UTF8Encoding(true));
        if (done == 0)
            await rejected.WriteLineAsync("row,externalId,field,code,message");

        var total = CountRecords(file);
        var progress = new Progress(total, done);
        long inserted = 0,
            updated = 0,
            unchanged = 0,
            refused = 0;
        var clock = Stopwatch.StartNew();
        // Batches are written by a few writers at once (each batch is its own transaction); the checkpoint
        // only moves past a batch when every batch before it has committed too.
        var writers = int.TryParse(Option(args, "--parallel"), out var parallel) ? Math.Clamp(parallel, 1, 8) : 2;
        var slots = new SemaphoreSlim(writers);
        var gate = new object();
        var finished = new SortedDictionary<long, long>(); // batch number -> its last row
        long nextToCheckpoint = 0,
            batchNumber = 0;
        var running = new List<Task>();

        async Task WriteBatchAsync(long number, List<(long Row, ContributionRecord Record)> batch)
        {
            try
            {
                await using var db = system.CreateDbContext();
                await using var reference = system.CreateDbContext();
                var result = await writer.UpsertAsync(
                    contributions,
                    db,
                    reference,
                    new UpsertBatch<ContributionRecord>(source, batch.Select(b => b.Record).ToList(), Atomic: false),
                    CancellationToken.None
                );
                var lines = result
                    .Errors.Select(error =>
                        string.Join(
                            ',',
                            error.Index >= 0 ? batch[error.Index].Row : -1,
                            CsvRecords.Escape(error.ExternalId),
                            error.Field,
                            error.Code,
                            CsvRecords.Escape(error.Message)
                        )
                    )
                    .ToList();
                lock (gate)
                {
                    (inserted, updated, unchanged) = (inserted + result.Inserted, updated + result.Updated, unchanged + result.Unchanged);
                    refused += result.Errors.Select(e => e.Index).Distinct().Count();
                    foreach (var line in lines)
                        rejected.WriteLine(line);
                    rejected.Flush();
                    finished[number] = batch[^1].Row;
                    while (finished.Remove(nextToCheckpoint, out var lastRow))
                    {
                        nextToCheckpoint++;
                        done = lastRow;
                        checkpoint.Save(done); // after the commit: a crash before this line only repeats idempotent batches
                    }
                    progress.Report(done);
                }
            }
            finally
            {
                slots.Release();
            }
        }

        var pending = new List<(long Row, ContributionRecord Record)>(batchSize);
        async Task DispatchAsync()
        {
            if (pending.Count == 0)
                return;
            await slots.WaitAsync();
            var batch = pending;
            pending = new List<(long Row, ContributionRecord Record)>(batchSize);
            running.Add(WriteBatchAsync(batchNumber++, batch));
            running.RemoveAll(t => t.IsCompletedSuccessfully);
            if (running.FirstOrDefault(t => t.IsFaulted) is { } failed)
                await failed;
        }

        await foreach (var (row, record) in ReadAsync(file))
        {
            if (row <= done)
                continue;
            pending.Add((row, record));
            if (pending.Count == batchSize)
                await DispatchAsync();
        }
        await DispatchAsync();
        await Task.WhenAll(running);
        checkpoint.Delete();
        progress.Finish();

        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        Console.WriteLine(
            $"Imported {file} from {source}: {inserted:N0} inserted, {updated:N0} updated, {unchanged:N0} unchanged, {refused:N0} rejected "
                + $"in {clock.Elapsed.TotalSeconds:N1} s ({(inserted + updated + unchanged) / seconds:N0} rows/s)."
        );
        if (refused > 0)
            Console.WriteLine($"Rejected rows and reasons: {rejectedPath}");
        return refused > 0 ? 2 : 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Records with their 1-based row number (the header is row 0 for CSV; array position for JSON).</summary>
    private static async IAsyncEnumerable<(long, ContributionRecord)> ReadAsync(string file)
    {
        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            await using var stream = File.OpenRead(file);
            long row = 0;
            await foreach (var item in JsonSerializer.DeserializeAsyncEnumerable<Dictionary<string, JsonElement>>(stream))
                if (item is not null)
                    yield return (++row, FromJson(item));
            yield break;
        }

        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        // Column positions by name, any case, read once from the header (the first of two same-named columns wins).
        Dictionary<string, int>? columns = null;
        long line = 0;
        await foreach (var fields in CsvRecords.ReadAsync(reader))
        {
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < fields.Length; i++)
                    columns.TryAdd(fields[i].Trim(), i);
                continue;
            }
            yield return (
                ++line,
                ContributionRecord.From(name =>
                    columns.TryGetValue(name, out var i) && i < fields.Length && fields[i].Length > 0 ? fields[i] : null
                )
            );
        }
    }

    private static ContributionRecord FromJson(Dictionary<string, JsonElement> item) =>
        ContributionRecord.From(name =>
            item.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value
                is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } v
                ? v.ValueKind == JsonValueKind.String
                    ? v.GetString()
                    : v.GetRawText()
                : null
        );

    /// <summary>Lines of a CSV or items of a JSON file, for the progress bar (a fast byte scan, not a parse).</summary>
    private static long CountRecords(string file)
    {
        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return 0;
        long lines = 0;
        using var stream = File.OpenRead(file);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = stream.Read(buffer)) > 0)
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        return Math.Max(0, lines - 1);
    }

    /// <summary>The last committed row of an import of this file from this source, kept beside the file.</summary>
    private sealed class Checkpoint(string path, string identity)
    {
        public static Checkpoint For(string file, string source)
        {
            var info = new FileInfo(file);
            return new Checkpoint(file + ".checkpoint", $"{source}|{info.Length}|{info.LastWriteTimeUtc.Ticks}");
        }

        public long Load()
        {
            if (!File.Exists(path))
                return 0;
            var parts = File.ReadAllText(path).Split('\n');
            // A checkpoint of another source or another version of the file means nothing here.
            return parts.Length == 2 && parts[0] == identity && long.TryParse(parts[1], out var row) ? row : 0;
        }

        public void Save(long row)
        {
            File.WriteAllText(path + ".tmp", identity + "\n" + row);
            File.Move(path + ".tmp", path, overwrite: true);
        }

        public void Delete() => File.Delete(path);
    }

    private sealed class Progress(long total, long start)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly bool _interactive = !Console.IsErrorRedirected;
        private int _lastPercent = -1;

        public void Report(long done)
        {
            var percent = total > 0 ? (int)Math.Min(100, done * 100 / total) : 0;
            var rate = (done - start) / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            var bar = new string('#', percent / 5).PadRight(20, '.');
            if (_interactive)
                Console.Error.Write($"\r[{bar}] {percent.ToString().PadLeft(3)}% {done:N0}/{total:N0} rows  {rate:N0} rows/s   ");
            else if (percent / 10 != _lastPercent / 10)
                Console.Error.WriteLine($"[{bar}] {percent.ToString().PadLeft(3)}% {done:N0}/{total:N0} rows  {rate:N0} rows/s");
            _lastPercent = percent;
        }

        public void Finish()
        {
            if (_interactive)
                Console.Error.WriteLine();
        }
    }
}
