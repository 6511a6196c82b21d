using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud;
using NanoFleet.Cloud.Options;
using NanoFleet.Tests.Shared;

namespace NanoFleet.Benchmarks.Cloud
{
    /// <summary>
    /// The unauthenticated flood at full size: N idle sockets on 127.0.0.1 that
    /// never start TLS, reopened as soon as they are closed, while devices provision. Prints provisionings/s before,
    /// during and after, how long the emulator takes to drop the flood once it stops, and memory.
    /// `bench cloud-flood [--sockets N] [--devices N]`. One process holds both ends of every socket, so N is
    /// bounded by its descriptor limit (`ulimit -n`, 20,000 on the build machine).
    /// </summary>
    public sealed class IdleSocketFloodBench : IBench
    {
        private const int Concurrency = 10;

        public string Name => "cloud-flood";

        public string Description => "12,000 idle unauthenticated sockets on 127.0.0.1 while devices provision: rates before/during/after, memory";

        public int Run(string[] args)
        {
            int sockets = 12_000, devices = 100;
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                if (args[i] == "--sockets") sockets = int.Parse(args[i + 1]);
                else if (args[i] == "--devices") devices = int.Parse(args[i + 1]);
            }

            return RunAsync(sockets, devices).GetAwaiter().GetResult();
        }

        private static async Task<int> RunAsync(int sockets, int devices)
        {
            string dir = Path.Combine(Path.GetTempPath(), "nf-flood-" + Guid.NewGuid().ToString("N"));
            // The flood's own sockets count against this process's descriptor limit too, so the emulator gets a share
            // that leaves room for them (a separate emulator process would get half its limit by default).
            var limits = NetworkLimits.Default with { MaxConnections = 4096, MaxConnectionsPerAddress = 4096 };
            await using var emulator = new FleetEmulator(new EmulatorOptionsBuilder().WithDataDirectory(dir)
                .WithEndpoint(IPAddress.Loopback, 0).WithKeyAlgorithm(KeyAlgorithm.EcP256).WithNetworkLimits(limits).Build());
            await emulator.StartAsync();
            await emulator.Templates.PutAsync("bench", FleetProvisioningBench.Template);
            var claim = await emulator.Claims.CreateAsync("bench");
            using var ca = X509Certificate2.CreateFromPem(emulator.CaCertificatePem);
            using var identity = X509Certificate2.CreateFromPem(claim.CertificatePem, claim.PrivateKeyPem);
            Console.WriteLine($"cloud-flood: {sockets:N0} idle sockets, {devices} devices ({Concurrency} at a time), limits {limits}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

            var before = await PhaseAsync("before", emulator.Port, ca, identity, devices, 0);
            Report("before", before, emulator);

            var flood = IdleSocketFlood.Start(emulator.Port, sockets);
            var ramp = Stopwatch.StartNew();
            while (flood.Opened < sockets && ramp.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(100);
            }

            Console.WriteLine($"   flood: {flood.Opened:N0} sockets opened in {ramp.Elapsed.TotalSeconds:F1} s; emulator holds {emulator.OpenConnections:N0}");
            var during = await PhaseAsync("during", emulator.Port, ca, identity, devices, devices);
            Report("during", during, emulator);
            Console.WriteLine($"   flood so far: {flood.Opened:N0} opened, {flood.ClosedByServer:N0} closed by the server, {flood.Failed:N0} refused, {flood.Open:N0} open");
            await flood.DisposeAsync();

            var drain = Stopwatch.StartNew();
            while (emulator.OpenConnections > 0 && drain.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(20);
            }

            Console.WriteLine($"   flood stopped: emulator back to {emulator.OpenConnections} open connections after {drain.Elapsed.TotalMilliseconds:F0} ms");
            var after = await PhaseAsync("after", emulator.Port, ca, identity, devices, 2 * devices);
            Report("after", after, emulator);
            Console.WriteLine($"   peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB (emulator, flood and devices in one process)");
            await emulator.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
            return before.Failed + during.Failed + after.Failed == 0 ? 0 : 1;
        }

        private sealed record Phase(double Seconds, int Provisioned, int Failed, int Retries);

        /// <summary>Provisions <paramref name="devices"/> devices, <see cref="Concurrency"/> at a time; a device that loses
        /// a connection to the flood starts over (up to 5 times), as a device's backoff would.</summary>
        private static async Task<Phase> PhaseAsync(string name, int port, X509Certificate2 ca, X509Certificate2 claim, int devices, int firstIndex)
        {
            int next = 0, failed = 0, retries = 0;
            var steps = new double[firstIndex + devices, 4]; // per-step times, indexed as the fleet bench does; unused here
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
            {
                for (int i = Interlocked.Increment(ref next) - 1; i < devices; i = Interlocked.Increment(ref next) - 1)
                {
                    for (int attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await FleetProvisioningBench.ProvisionAsync(port, ca, claim, firstIndex + i, steps);
                            break;
                        }
                        catch (Exception) when (attempt < 5)
                        {
                            Interlocked.Increment(ref retries);
                        }
                        catch (Exception ex)
                        {
                            Interlocked.Increment(ref failed);
                            Console.WriteLine($"   {name}: device {i} failed: {ex.GetType().Name}: {ex.Message}");
                            break;
                        }
                    }
                }
            })));
            return new Phase(watch.Elapsed.TotalSeconds, devices - failed, failed, retries);
        }

        private static void Report(string name, Phase phase, FleetEmulator emulator)
        {
            GC.Collect();
            Console.WriteLine($"== {name,-6}: {phase.Provisioned}/{phase.Provisioned + phase.Failed} provisioned in {phase.Seconds:F2} s -> {phase.Provisioned / phase.Seconds:F1} provisionings/s " +
                $"({phase.Retries} retries); managed memory {GC.GetTotalMemory(false) / 1048576} MiB, working set {Process.GetCurrentProcess().WorkingSet64 / 1048576} MiB, " +
                $"emulator holds {emulator.OpenConnections} connections; load average {LoadAverage()}");
        }

        private static string LoadAverage() =>
            File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
    }
}
