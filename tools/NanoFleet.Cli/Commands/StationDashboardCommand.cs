using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Device;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Dashboard;
using NanoFleet.Station.Records;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet station dashboard`: the live dashboard over a record store, until Ctrl-C.</summary>
    internal static class StationDashboardCommand
    {
        public static Command Create()
        {
            var db = StationCommand.DatabaseOption();
            var passwordFile = StationCommand.PasswordFileOption();
            var listen = ListenOption("--listen");
            var allowRemote = AllowRemoteOption();
            var shift = new Option<double>("--shift-hours") { Description = "How far back the shift's yield, failures and throughput reach.", DefaultValueFactory = _ => 8 };
            var command = new Command("dashboard",
                "Serve the live station dashboard in the browser: every port's chip, MAC, serial, step and\n" +
                "progress, yield for the shift and per station, failures by cause, throughput per hour, and\n" +
                "the latest devices filterable by result and station. Read-only; shows no key material.\n" +
                "Point several stations at one --db (a PostgreSQL connection string) to watch the whole floor.\n" +
                "Exit codes: 0 stopped by Ctrl-C or SIGTERM, 2 bad input (no database, address in use).\n" +
                "Example: nanofleet station dashboard --db station.db   (then open http://127.0.0.1:8080/)")
            {
                db, passwordFile, listen, allowRemote, shift,
            };
            command.SetAction(async (r, ct) =>
            {
                double hours = r.GetValue(shift);
                if (!(hours > 0))
                {
                    throw new CliException(ExitCodes.BadInput, $"--shift-hours {r.GetValue(shift)}: must be more than 0");
                }

                var options = new DashboardOptions
                {
                    Listen = ListenAddress.Parse(r.GetValue(listen)!),
                    AllowRemote = r.GetValue(allowRemote),
                    Shift = TimeSpan.FromHours(hours),
                };
                using var signals = new StopSignals();
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, signals.Token);
                // Serving an empty new file would hide a typo in the path: the store must exist.
                string database = r.GetValue(db)!;
                string? password = r.GetValue(passwordFile);
                await using DashboardServer server = await StartAsync(() => StationCommand.OpenExisting(database, password), options, ct);
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }

                return ExitCodes.Success;
            });
            return command;
        }

        /// <summary>`--listen`/`--dashboard`'s address: IP:PORT, loopback by default.</summary>
        internal static Option<string> ListenOption(string name) => new(name)
        {
            Description = $"Address to serve the dashboard on, IP:PORT (default {ListenAddress.Default}); another machine's view needs --allow-remote.",
            DefaultValueFactory = _ => ListenAddress.Default,
        };

        /// <summary>The explicit consent to serve beyond loopback.</summary>
        internal static Option<bool> AllowRemoteOption() => new("--allow-remote")
        {
            Description = "Let the dashboard listen on an address other machines can reach (it is read-only and unauthenticated).",
        };

        /// <summary>`station run --dashboard [IP:PORT]`: serve the dashboard while flashing.</summary>
        internal static Option<string?> RunOption() => new("--dashboard")
        {
            Description = $"Serve the live dashboard while flashing, on IP:PORT (default {ListenAddress.Default}); it stops with the batch: `station dashboard` keeps watching.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        /// <summary>Starts the dashboard for `station run` when --dashboard was given; null otherwise.</summary>
        internal static DashboardServer? StartForRun(ParseResult result, Option<string?> dashboard, Option<bool> allowRemote, StationOptions station)
        {
            // Given bare, --dashboard has no value: it means the default address.
            if (result.GetResult(dashboard) is not { Implicit: false })
            {
                return null;
            }

            var options = new DashboardOptions
            {
                Listen = ListenAddress.Parse(result.GetValue(dashboard) ?? ListenAddress.Default, "--dashboard"),
                AllowRemote = result.GetValue(allowRemote),
            };
            return StartAsync(() => RecordStores.Open(station.Database, station.DatabasePasswordFile), options, CancellationToken.None).GetAwaiter().GetResult();
        }

        /// <summary>Starts the dashboard and says where it is (and, when it is reachable from the network, that it is).</summary>
        internal static async Task<DashboardServer> StartAsync(Func<IRecordStore> open, DashboardOptions options, CancellationToken cancel)
        {
            DashboardServer server;
            try
            {
                server = await DashboardServer.StartAsync(open, options, cancel);
            }
            catch (IOException ex)
            {
                // Kestrel's bind failures (address in use, not this machine's) are IOExceptions.
                throw new CliException(ExitCodes.BadInput, $"{options.Listen.Option} {options.Listen}: cannot listen there ({ex.Message})");
            }

            if (DashboardServer.IsRemote(options))
            {
                Console.Error.WriteLine($"nanofleet: warning: the dashboard on {options.Listen} is reachable from other machines, without authentication");
            }

            Console.Out.WriteLine($"nanofleet dashboard: {server.Url}  (records: {server.StoreDescription})");
            return server;
        }
    }
}
