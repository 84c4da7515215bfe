using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace WelfareGraph.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 cluster for the tests of one run: initdb into a fresh temp folder,
/// trust authentication, a free port on 127.0.0.1, the unix socket inside the temp folder, and
/// durability switched off (the data is thrown away anyway). Stopped and deleted on dispose.
/// Share it through <see cref="PostgresCollection"/>; give each test class its own database
/// (<see cref="CreateDatabaseAsync"/>), so classes cannot see each other's rows.
/// </summary>
public sealed partial class PostgresServer : IAsyncLifetime
{
    private const string Superuser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _createLock = new(1, 1);
    private readonly HashSet<string> _knownDatabases = new(StringComparer.Ordinal) { "postgres" };
    private string? _binDir;
    private string? _root;
    private bool _started;

    /// <summary>The temp folder holding the data directory, the socket and the log.</summary>
    public string RootDirectory => _root ?? throw NotStarted();

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string SocketDirectory => Path.Combine(RootDirectory, "socket");

    public string LogFile => Path.Combine(RootDirectory, "postgres.log");

    public int Port { get; private set; }

    /// <summary>True when the cluster's default collation is ICU's root locale ("und"); false when initdb fell back to libc.</summary>
    public bool UsesIcu { get; private set; }

    /// <summary>How long initdb + start took; useful when a run is slow.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>A connection string to the maintenance database "postgres".</summary>
    public string AdminConnectionString => Build("postgres");

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        _binDir = FindBinDirectory();

        _root = Directory.CreateTempSubdirectory("welfaregraph-pg-").FullName;
        Directory.CreateDirectory(SocketDirectory);
        // PostgreSQL refuses to run as root: the cluster then belongs to the postgres OS user,
        // who must own the temp folder to create the data directory, the socket and the log.
        if (RunningAsRoot)
            await RunAsync("chown", ["-R", $"{Superuser}:{Superuser}", _root], asPostgres: false);

        try
        {
            await InitDbAsync();
            await StartWithFreePortAsync();
        }
        catch
        {
            // The exception already carries initdb's output and the log's tail; do not leave the folder behind.
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException) { }
            throw;
        }
        _started = true;
        // A run that is aborted (Ctrl+C, a crashed test host) skips DisposeAsync: stop the server anyway.
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
        StartupTime = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        // Pooled connections would point at a dead server; drop them before it goes away.
        if (_started)
        {
            _started = false;
            await RunAsync(PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], asPostgres: true, throwOnError: false);
        }
        if (_root is not null && Directory.Exists(_root))
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException) { } // a leftover temp folder is not worth failing the run for
            catch (UnauthorizedAccessException) { }
        }
        _createLock.Dispose();
    }

    /// <summary>
    /// Stops the cluster the way a crash would (<c>pg_ctl stop -m immediate</c>), keeping its data, for outage tests.
    /// The test cluster commits without waiting for its log (<c>synchronous_commit = off</c>), so the log is flushed
    /// first: what was committed survives, as it would on a server that waits for its log before answering.
    /// </summary>
    public async Task KillAsync()
    {
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var flush = new NpgsqlCommand("CHECKPOINT", connection);
            await flush.ExecuteNonQueryAsync();
        }
        await RunAsync(PgCtl, ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "60"], asPostgres: true);
    }

    /// <summary>Starts a stopped cluster again, on the same port (its settings file still names it).</summary>
    public Task RestartAsync() => RunAsync(PgCtl, ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60"], asPostgres: true);

    /// <summary>Creates <paramref name="database"/> if missing and returns a connection string to it.</summary>
    public string ConnectionStringFor(string database)
    {
        ValidateName(database);
        _createLock.Wait();
        try
        {
            if (!_knownDatabases.Contains(database))
            {
                using var connection = new NpgsqlConnection(AdminConnectionString);
                connection.Open();
                using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
                exists.Parameters.AddWithValue(database);
                if (exists.ExecuteScalar() is null)
                {
                    using var create = new NpgsqlCommand(CreateDatabaseSql(database), connection);
                    try
                    {
                        create.ExecuteNonQuery();
                    }
                    catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
                }
                _knownDatabases.Add(database);
            }
        }
        finally
        {
            _createLock.Release();
        }
        return Build(database);
    }

    /// <summary>Creates a fresh, uniquely named database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        // Identifiers are at most 63 bytes; keep the prefix short and plain so the name needs no quoting care.
        var cleaned = NotIdentifierChars().Replace((prefix ?? "test").ToLowerInvariant(), "_").Trim('_');
        if (cleaned.Length == 0 || char.IsDigit(cleaned[0]))
            cleaned = "db_" + cleaned;
        if (cleaned.Length > 30)
            cleaned = cleaned[..30];
        var database = $"{cleaned}_{Guid.NewGuid():N}";

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand(CreateDatabaseSql(database), connection);
        await create.ExecuteNonQueryAsync();
        await _createLock.WaitAsync();
        try
        {
            _knownDatabases.Add(database);
        }
        finally
        {
            _createLock.Release();
        }
        return Build(database);
    }

    /// <summary>The last lines of the server log, for error messages.</summary>
    public string LogTail(int lines = 40)
    {
        if (_root is null || !File.Exists(LogFile))
            return "(no server log)";
        try
        {
            // The server may still be writing: open with sharing instead of File.ReadAllLines.
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException e)
        {
            return "(server log unreadable: " + e.Message + ")";
        }
    }

    private string Build(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = Superuser,
            Database = database,
            IncludeErrorDetail = true,
        }.ConnectionString;

    private static string CreateDatabaseSql(string database) =>
        // template0 + explicit UTF8: independent of what template1 holds, and Persian text always fits.
        $"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\" TEMPLATE template0 ENCODING 'UTF8'";

    private static void ValidateName(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        if (Encoding.UTF8.GetByteCount(database) > 63)
            throw new ArgumentException($"Database name '{database}' is longer than PostgreSQL's 63 bytes.", nameof(database));
        if (database.Contains(';') || database.Contains('\0'))
            throw new ArgumentException($"Database name '{database}' may not contain ';' or NUL.", nameof(database));
    }

    private async Task InitDbAsync()
    {
        string[] common =
        [
            "-D",
            DataDirectory,
            "--username",
            Superuser,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C.UTF-8",
            "--no-sync", // nothing here needs to survive a power cut; saves seconds
        ];
        // ICU's root collation ("und") sorts Persian sensibly and makes the ICU collations the default
        // provider; PostgreSQL built without ICU rejects the flags, then libc's C.UTF-8 has to do.
        var icu = await RunAsync(
            InitDb,
            [.. common, "--locale-provider", "icu", "--icu-locale", "und"],
            asPostgres: true,
            throwOnError: false
        );
        if (icu.ExitCode == 0)
        {
            UsesIcu = true;
            return;
        }
        if (Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true);
        var libc = await RunAsync(InitDb, common, asPostgres: true, throwOnError: false);
        if (libc.ExitCode != 0)
            throw new InvalidOperationException(
                $"initdb failed (exit {libc.ExitCode}).\n--- with ICU ---\n{icu.Output}\n--- with libc ---\n{libc.Output}"
            );
    }

    private async Task StartWithFreePortAsync()
    {
        // Between asking the OS for a free port and the server binding it, another process may take it:
        // retry a few times with a new port when that happens.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            Port = LoopbackPort.Free();
            WriteSettings();
            var start = await RunAsync(
                PgCtl,
                ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60"],
                asPostgres: true,
                throwOnError: false
            );
            if (start.ExitCode == 0)
                return;

            var log = LogTail();
            var portTaken =
                log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                || log.Contains("Address already in use", StringComparison.OrdinalIgnoreCase);
            // A half-started server would keep the data directory locked.
            await RunAsync(PgCtl, ["stop", "-D", DataDirectory, "-m", "immediate", "-w"], asPostgres: true, throwOnError: false);
            if (!portTaken || attempt == attempts)
                throw new InvalidOperationException(
                    $"PostgreSQL did not start on 127.0.0.1:{Port} (pg_ctl exit {start.ExitCode}).\n{start.Output}\n"
                        + $"--- tail of {LogFile} ---\n{log}"
                );
        }
    }

    private void WriteSettings()
    {
        // postgresql.auto.conf is read after postgresql.conf and is rewritten whole on each attempt,
        // so a retry with a new port replaces the old one instead of piling up lines.
        var settings = $"""
            # Written by the test fixture WelfareGraph.Tests.Infrastructure.PostgresServer.
            listen_addresses = '127.0.0.1'
            port = {Port}
            unix_socket_directories = '{SocketDirectory.Replace("'", "''")}'
            max_connections = 200
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            logging_collector = off
            lc_messages = 'C'
            timezone = 'UTC'

            """;
        var file = Path.Combine(DataDirectory, "postgresql.auto.conf");
        // Overwriting keeps the owner (postgres) when running as root; the server only needs to read it.
        File.WriteAllText(file, settings);
    }

    private string InitDb => Path.Combine(_binDir ?? throw NotStarted(), "initdb");

    private string PgCtl => Path.Combine(_binDir ?? throw NotStarted(), "pg_ctl");

    private static bool RunningAsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private static string FindBinDirectory()
    {
        static bool HasServer(string? dir) =>
            !string.IsNullOrWhiteSpace(dir) && File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

        // 1. Debian/Ubuntu's versioned location of PostgreSQL 15, the version the tests are written for.
        const string debian15 = "/usr/lib/postgresql/15/bin";
        if (HasServer(debian15))
            return debian15;

        // 2. pg_config knows where its installation keeps the server binaries.
        var pgConfig = FindOnPath("pg_config");
        if (pgConfig is not null)
        {
            try
            {
                var info = new ProcessStartInfo(pgConfig, "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true };
                using var process = Process.Start(info);
                var dir = process?.StandardOutput.ReadToEnd().Trim();
                process?.WaitForExit();
                if (HasServer(dir))
                    return dir!;
            }
            catch (System.ComponentModel.Win32Exception) { }
        }

        // 3. PATH (source builds, Homebrew, ...).
        var initdb = FindOnPath("initdb");
        if (initdb is not null && HasServer(Path.GetDirectoryName(initdb)))
            return Path.GetDirectoryName(initdb)!;

        throw new InvalidOperationException(
            "PostgreSQL 15 server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/15/bin, "
                + "in `pg_config --bindir`, or on PATH. Run ./test.sh from the repository root: it installs PostgreSQL "
                + "(on Debian/Ubuntu as root: apt-get install postgresql-15) and then runs the tests."
        );
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static string RunUser =>
        FindOnPath("runuser")
        ?? new[] { "/usr/sbin/runuser", "/sbin/runuser" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "Running as root, so PostgreSQL must run as the 'postgres' OS user, but runuser (util-linux) was not found."
        );

    private sealed record Result(int ExitCode, string Output);

    private async Task<Result> RunAsync(string program, string[] arguments, bool asPostgres, bool throwOnError = true)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user may not be allowed into the current folder (say /root): start where it may.
            WorkingDirectory = _root ?? Path.GetTempPath(),
        };
        if (asPostgres && RunningAsRoot)
        {
            info.FileName = RunUser;
            foreach (var argument in new[] { "-u", Superuser, "--", program })
                info.ArgumentList.Add(argument);
        }
        else
        {
            info.FileName = program;
        }
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        // Variables from a developer's shell must not redirect these commands to another cluster.
        foreach (var name in new[] { "PGDATA", "PGPORT", "PGHOST", "PGUSER", "PGDATABASE", "PGOPTIONS" })
            info.Environment.Remove(name);

        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (output)
                    output.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (output)
                    output.AppendLine(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {CommandTimeout}.\n{output}");
        }
        process.WaitForExit(); // flushes the asynchronous output readers

        var text = output.ToString();
        if (throwOnError && process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed (exit {process.ExitCode}).\n{text}");
        return new Result(process.ExitCode, text);
    }

    private void StopOnExit(object? sender, EventArgs e)
    {
        if (!_started)
            return;
        _started = false;
        try
        {
            RunAsync(PgCtl, ["stop", "-D", DataDirectory, "-m", "immediate", "-w"], asPostgres: true, throwOnError: false)
                .GetAwaiter()
                .GetResult();
            Directory.Delete(RootDirectory, recursive: true);
        }
        catch (Exception) { } // best effort while the process is going away
    }

    private static InvalidOperationException NotStarted() =>
        new("The PostgreSQL test server has not been started (InitializeAsync was not called).");

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex NotIdentifierChars();
}

/// <summary>Test classes marked <c>[Collection("postgres")]</c> share one <see cref="PostgresServer"/>.</summary>
[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;
