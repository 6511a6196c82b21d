using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace NanoFleet.Tests.Postgres
{
    /// <summary>
    /// A throwaway PostgreSQL server for one test run: the Debian package's binaries, <c>initdb</c> in a
    /// temporary directory (as the unprivileged <c>postgres</c> user when the tests run as root, since
    /// PostgreSQL refuses root), listening on a free loopback port only, with SCRAM password login for a
    /// password made now. Stopped and deleted on dispose and at process exit. Cannot start: the
    /// constructor throws with the reason and the server log, so tests fail rather than skip.
    /// </summary>
    public sealed class PostgresServer : IDisposable
    {
        /// <summary>The superuser the cluster is made with.</summary>
        public const string User = "nf";

        private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);

        private readonly string _bin;
        private readonly string _directory;
        private readonly bool _asPostgresUser;
        private readonly object _gate = new();
        private int _databases;
        private bool _stopped;

        /// <summary>Creates and starts the cluster.</summary>
        /// <exception cref="InvalidOperationException">PostgreSQL is not installed or did not start; the message says why.</exception>
        public PostgresServer()
        {
            _bin = FindBinaries();
            _asPostgresUser = Environment.UserName == "root";
            _directory = Directory.CreateTempSubdirectory("nanofleet-pg-").FullName;
            Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            Port = FreePort();
            try
            {
                string passwordFile = Path.Combine(_directory, "pwfile");
                File.WriteAllText(passwordFile, Password + "\n");
                if (_asPostgresUser)
                {
                    Run("chown", "-R", "postgres:postgres", _directory);
                }

                Run(Path.Combine(_bin, "initdb"), "-D", DataDirectory, "-U", User, "--pwfile", passwordFile,
                    "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C", "--no-sync");
                File.Delete(passwordFile);
                // fsync off: a throwaway cluster needs no durability, and the 2-core CI machine is shared.
                Run(Path.Combine(_bin, "pg_ctl"), "-D", DataDirectory, "-w", "-t", "120", "-l", LogFile, "-o",
                    $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
                using NpgsqlConnection probe = Connect("postgres");
                Version = (string)new NpgsqlCommand("SHOW server_version", probe).ExecuteScalar()!;
            }
            catch (Exception ex)
            {
                string log = File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no server log)";
                Stop();
                throw new InvalidOperationException($"PostgreSQL could not be started in {_directory}: {ex.Message}\nserver log:\n{log}", ex);
            }
        }

        /// <summary>The loopback port it listens on.</summary>
        public int Port { get; }

        /// <summary>The password of <see cref="User"/>, made for this run.</summary>
        public string Password { get; }

        /// <summary>The server's version, e.g. "15.18 (Debian 15.18-0+deb12u1)".</summary>
        public string Version { get; } = "";

        private string DataDirectory => Path.Combine(_directory, "data");

        private string LogFile => Path.Combine(_directory, "log");

        /// <summary>The Npgsql connection string of <paramref name="database"/>, password included.</summary>
        public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = User, Password = Password, Database = database, Pooling = false,
        }.ConnectionString;

        /// <summary>Creates an empty database, unique in this run, for one test.</summary>
        /// <returns>Its name.</returns>
        public string CreateDatabase(string prefix = "test")
        {
            string name = $"{prefix}_{System.Threading.Interlocked.Increment(ref _databases)}_{Environment.ProcessId}".ToLowerInvariant();
            using NpgsqlConnection admin = Connect("postgres");
            new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin).ExecuteNonQuery();
            return name;
        }

        /// <summary>Terminates every backend connected to <paramref name="database"/> (a lost connection, as the station sees it).</summary>
        /// <returns>How many were terminated.</returns>
        public int TerminateConnections(string database)
        {
            using NpgsqlConnection admin = Connect("postgres");
            using var command = new NpgsqlCommand(
                "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname=@db AND pid<>pg_backend_pid()) t", admin);
            command.Parameters.AddWithValue("db", database);
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>Opens a connection to <paramref name="database"/> as the superuser.</summary>
        public NpgsqlConnection Connect(string database)
        {
            var connection = new NpgsqlConnection(ConnectionString(database));
            connection.Open();
            return connection;
        }

        /// <inheritdoc/>
        public void Dispose() => Stop();

        private void Stop()
        {
            lock (_gate)
            {
                if (_stopped)
                {
                    return;
                }

                _stopped = true;
            }

            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                try
                {
                    Run(Path.Combine(_bin, "pg_ctl"), "-D", DataDirectory, "-w", "-t", "60", "-m", "immediate", "stop");
                }
                catch (InvalidOperationException)
                {
                    // Already gone; the directory is removed either way.
                }
            }

            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private static string FindBinaries()
        {
            const string root = "/usr/lib/postgresql";
            string? bin = Directory.Exists(root)
                ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin"))
                    .Where(d => File.Exists(Path.Combine(d, "initdb")))
                    .OrderByDescending(d => d.EndsWith("/15/bin", StringComparison.Ordinal)).FirstOrDefault()
                : null;
            return bin ?? throw new InvalidOperationException(
                $"PostgreSQL server binaries not found under {root}: run tools/setup.sh (apt-get install postgresql)");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private void Run(string program, params string[] args)
        {
            bool drop = _asPostgresUser && program != "chown";
            var start = new ProcessStartInfo(drop ? "runuser" : program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = _directory,
            };
            if (drop)
            {
                foreach (string a in new[] { "-u", "postgres", "--", program })
                {
                    start.ArgumentList.Add(a);
                }
            }

            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            using Process process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(StepTimeout) || process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{Path.GetFileName(program)} failed: {stderr.Trim()} {stdout.Result.Trim()}");
            }
        }
    }
}
