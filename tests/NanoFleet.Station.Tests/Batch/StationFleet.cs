using System;
using System.Collections.Generic;
using System.IO;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using NanoFleet.Station.Records;
using NanoFleet.Station.Simulator;
using NanoFleet.Station.Tests.Simulator;
using Xunit;

namespace NanoFleet.Station.Tests.Batch
{
    /// <summary>
    /// Several `nanofleet station run` processes, each a named station with its own simulated ports, on one
    /// record store at once. Each round of a station is one real process flashing fresh devices (new MACs);
    /// one round of one station can be killed with SIGKILL while a device is in progress, then that
    /// station runs the same devices again, as an operator would.
    /// </summary>
    internal sealed class StationFleet : IDisposable
    {
        private readonly StationFixture _claim = new(0);
        private readonly string _db;
        private readonly string _inspectDb;
        private readonly IReadOnlyDictionary<string, string> _environment;
        private readonly string _app, _slowApp;
        private int _marked;

        /// <param name="db">The `--db` value every station gets (no password in it).</param>
        /// <param name="environment">Extra environment for the stations (PGPASSWORD).</param>
        /// <param name="inspectDb">The same store as the test opens it (password included).</param>
        public StationFleet(string db, IReadOnlyDictionary<string, string> environment, string inspectDb)
        {
            _db = db;
            _inspectDb = inspectDb;
            _environment = environment;
            _app = Path.Combine(_claim.Directory, "app.bin");
            File.WriteAllBytes(_app, SyntheticAppImage.Build(32 * 1024, 9));
            // The killed round writes a larger image at the real baud rate, so the kill lands mid-write.
            _slowApp = Path.Combine(_claim.Directory, "slow-app.bin");
            File.WriteAllBytes(_slowApp, SyntheticAppImage.Build(384 * 1024, 5));
        }

        /// <summary>Devices left in progress by the killed round (seen in the store just before the kill).</summary>
        public int KilledInProgress { get; private set; }

        /// <summary>Devices the station processes reported marking interrupted, all rounds together.</summary>
        public int MarkedInterrupted => _marked;

        /// <summary>The MAC of a device: station, round and port in its low bytes, unique over the fleet.</summary>
        public static string Mac(int station, int round, int port) => $"24:0a:c4:{station:x2}:{round:x2}:{port:x2}";

        public static string StationName(int station) => $"st-{station}";

        /// <summary>
        /// Runs every station's rounds in parallel; station <paramref name="killStation"/> is killed in its
        /// round <paramref name="killRound"/> and then runs that round again.
        /// </summary>
        public void Run(int stations, int ports, int rounds, int killStation, int killRound)
        {
            var failures = new List<string>();
            var threads = Enumerable.Range(0, stations).Select(station => new Thread(() =>
            {
                try
                {
                    for (int round = 0; round < rounds; round++)
                    {
                        if (station == killStation && round == killRound)
                        {
                            KilledInProgress = RunKilled(station, ports, round);
                        }

                        int code = RunRound(station, ports, round, out string output);
                        if (code != 0)
                        {
                            lock (failures) failures.Add($"{StationName(station)} round {round} exited {code}:\n{output}");
                        }
                    }
                }
                catch (Exception ex)
                {
                    lock (failures) failures.Add($"{StationName(station)}: {ex}");
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        }

        /// <summary>One station process over the devices of (<paramref name="round"/>, each port).</summary>
        public int RunRound(int station, int ports, int round, out string output, Func<int, int, string>? mac = null)
        {
            var devices = Devices(station, ports, round, throttle: false, mac);
            try
            {
                using NanofleetProcess child = Start(station, devices, _app);
                int code = child.Wait();
                output = child.Output;
                Match marked = Regex.Match(output, @"^(\d+) unfinished device\(s\) of stopped stations marked interrupted$", RegexOptions.Multiline);
                Interlocked.Add(ref _marked, marked.Success ? int.Parse(marked.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
                return code;
            }
            finally
            {
                devices.ForEach(d => d.Dispose());
            }
        }

        /// <summary>Runs `nanofleet ARGS` against the fleet's store, e.g. report or export.</summary>
        public NanofleetProcess Cli(params string[] args) =>
            NanofleetProcess.Start(args.Concat(new[] { "--db", _db }), _environment);

        public void Dispose() => _claim.Dispose();

        private int RunKilled(int station, int ports, int round)
        {
            var devices = Devices(station, ports, round, throttle: true, null);
            try
            {
                using NanofleetProcess child = Start(station, devices, _slowApp);
                Assert.True(WaitForInProgress(StationName(station), child), $"{StationName(station)} finished before a device was in progress:\n{child.Output}");
                child.Process.Kill(entireProcessTree: true); // SIGKILL: no handler runs, nothing is finished
                child.Process.WaitForExit();
                // Counted once it is dead: its other port may have started a device after the poll saw the first.
                using IRecordStore store = RecordStores.Open(_inspectDb);
                return store.All(StationName(station)).Count(r => r.Result == DeviceResult.InProgress);
            }
            finally
            {
                devices.ForEach(d => d.Dispose());
            }
        }

        // Polls the store (the station commits the in-progress row before it writes a byte).
        private bool WaitForInProgress(string station, NanofleetProcess child)
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (DateTime.UtcNow < deadline && !child.Process.HasExited)
            {
                try
                {
                    using IRecordStore peek = RecordStores.Open(_inspectDb);
                    if (peek.All(station).Any(r => r.Result == DeviceResult.InProgress)) return true;
                }
                catch (Microsoft.Data.Sqlite.SqliteException)
                {
                    // A SQLite writer holds the lock for a moment; look again.
                }

                Thread.Sleep(20);
            }

            return false;
        }

        private static List<SimulatedDevice> Devices(int station, int ports, int round, bool throttle, Func<int, int, string>? mac) =>
            Enumerable.Range(0, ports).Select(port =>
            {
                string text = mac?.Invoke(round, port) ?? Mac(station, round, port);
                byte[] bytes = Convert.FromHexString(text.Replace(":", "", StringComparison.Ordinal));
                return new SimulatedDevice(mac: bytes, throttle: throttle);
            }).ToList();

        private NanofleetProcess Start(int station, List<SimulatedDevice> devices, string app) => NanofleetProcess.Start(new[]
        {
            "station", "run", "--ports", string.Join(",", devices.Select(d => d.Host.PortPath)),
            "--station", StationName(station), "--operator", "fleet-test",
            "--claim-dir", _claim.ClaimDir, "--template", "fleet-tpl", "--serial-prefix", "NF-",
            "--partitions", RepoFiles.PartitionsCsv, "--db", _db, "--firmware", "factory=" + app, "--baud", "921600",
        }, _environment);
    }
}
