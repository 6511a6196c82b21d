using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Demo;
using NanoFleet.Cli.Device;
using NanoFleet.Cloud;
using NanoFleet.Cloud.Options;
using NanoFleet.Provisioning;

namespace NanoFleet.Benchmarks.EndToEnd
{
    /// <summary>
    /// First boot to operational against the local emulator, with real mTLS and real flash image
    /// files: one device (repeated), 100 devices at once, and MQTT bytes per provisioning in JSON
    /// and CBOR. `dotnet run -c Release --project tests/NanoFleet.Benchmarks -- bench e2e [runs] [fleet] [rsa|ec]`.
    /// </summary>
    public sealed class EndToEndBench : IBench
    {
        private static readonly string[] Steps =
        {
            "Booting", "ConnectingWithClaim", "SubscribingCreate", "RequestingCertificate", "SubscribingRegister", "RegisteringThing",
            "Persisting", "Rebooting", "ConnectingAsThing",
        };

        public string Name => "e2e";

        public string Description => "virtual device first boot -> operational: per step, 1 and 100 devices, MQTT bytes JSON vs CBOR";

        public int Run(string[] args)
        {
            int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
            int fleet = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
            // RSA-2048 key pairs by default, as AWS's CreateKeysAndCertificate makes; `ec` for P-256.
            var algorithm = args.Length > 2 && args[2] == "ec" ? KeyAlgorithm.EcP256 : KeyAlgorithm.Rsa2048;
            Console.WriteLine($"emulator key pairs: {algorithm}");
            return RunAsync(runs, fleet, algorithm).GetAwaiter().GetResult();
        }

        private static async Task<int> RunAsync(int runs, int fleet, KeyAlgorithm algorithm)
        {
            string directory = Path.Combine(Path.GetTempPath(), "nf-bench-e2e-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                await using var emulator = new FleetEmulator(new EmulatorOptionsBuilder()
                    .WithDataDirectory(Path.Combine(directory, "cloud")).WithEndpoint(IPAddress.Loopback, 0).WithKeyAlgorithm(algorithm).Build());
                await emulator.StartAsync();
                await emulator.Templates.PutAsync(DemoTemplate.Name, DemoTemplate.Body);
                var claim = await emulator.Claims.CreateAsync(DemoTemplate.Name);
                var table = DefaultPartitions.Load(null);
                int next = 0;
                Func<FpFormat, string> image = format =>
                {
                    int index = Interlocked.Increment(ref next);
                    string path = Path.Combine(directory, $"dev-{index:0000}.bin");
                    DemoImages.Write(path, table, emulator, claim, index, format, emulator.Port);
                    return path;
                };

                // Warm-up: JIT, TLS, SQLite.
                Provision(image(FpFormat.Json));

                Console.WriteLine($"== one device, first boot -> operational, {runs} runs (JSON)");
                var single = Enumerable.Range(0, runs).Select(_ => Provision(image(FpFormat.Json))).ToList();
                PrintSteps(single);

                Console.WriteLine($"== {fleet} devices booted at once (JSON)");
                var images = Enumerable.Range(0, fleet).Select(_ => image(FpFormat.Json)).ToList();
                var started = DateTime.UtcNow;
                var results = new ConcurrentBag<Sample>();
                var threads = images.Select(path => new Thread(() => results.Add(Provision(path)))).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());
                var wall = DateTime.UtcNow - started;
                PrintSteps(results.ToList());
                Console.WriteLine($"wall time for all {fleet}: {wall.TotalMilliseconds:0} ms ({fleet / wall.TotalSeconds:0.0} devices/s)");

                Console.WriteLine("== MQTT bytes per provisioning (claim session: CONNECT to the last response; TLS overhead excluded)");
                var json = Enumerable.Range(0, 3).Select(_ => Provision(image(FpFormat.Json))).ToList();
                var cbor = Enumerable.Range(0, 3).Select(_ => Provision(image(FpFormat.Cbor))).ToList();
                double jsonBytes = json.Average(s => s.ClaimSessionBytes);
                double cborBytes = cbor.Average(s => s.ClaimSessionBytes);
                Console.WriteLine($"JSON: {jsonBytes:0} bytes (sent {json.Average(s => s.Sent):0}, received {json.Average(s => s.Received):0})");
                Console.WriteLine($"CBOR: {cborBytes:0} bytes (sent {cbor.Average(s => s.Sent):0}, received {cbor.Average(s => s.Received):0})");
                Console.WriteLine($"CBOR/JSON: {cborBytes / jsonBytes:0.000}");
                return 0;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }

        private static Sample Provision(string imagePath)
        {
            using var device = new VirtualDevice(imagePath, new VirtualDeviceOptions { Name = Path.GetFileNameWithoutExtension(imagePath) });
            var sample = new Sample();
            string step = "PoweredOff";
            TimeSpan entered = TimeSpan.Zero;
            device.StepChanged += (_, e) =>
            {
                sample.Add(step, e.At - entered);
                if (e.Step == "Persisting")
                {
                    // The claim session's traffic is complete once the device starts writing flash.
                    sample.Sent = device.Session.BytesSent;
                    sample.Received = device.Session.BytesReceived;
                }

                step = e.Step;
                entered = e.At;
            };
            if (device.Boot(false, CancellationToken.None) != DeviceRunOutcome.Operational)
            {
                throw new InvalidOperationException(device.Name + " did not become operational");
            }

            sample.Total = device.Uptime;
            return sample;
        }

        private static void PrintSteps(IReadOnlyList<Sample> samples)
        {
            Console.WriteLine($"{"step",-22} {"mean ms",9} {"p50 ms",9} {"p95 ms",9} {"share",7}");
            double total = samples.Average(s => s.Total.TotalMilliseconds);
            foreach (string step in Steps)
            {
                var values = samples.Select(s => s.TimeIn(step).TotalMilliseconds).OrderBy(v => v).ToList();
                double mean = values.Average();
                Console.WriteLine($"{step,-22} {mean,9:0.0} {Percentile(values, 0.5),9:0.0} {Percentile(values, 0.95),9:0.0} {mean / total,7:P0}");
            }

            var totals = samples.Select(s => s.Total.TotalMilliseconds).OrderBy(v => v).ToList();
            Console.WriteLine($"{"first boot->operational",-22} {totals.Average(),9:0.0} {Percentile(totals, 0.5),9:0.0} {Percentile(totals, 0.95),9:0.0}");
            var dominant = Steps.OrderByDescending(s => samples.Average(x => x.TimeIn(s).TotalMilliseconds)).Take(3);
            Console.WriteLine("dominant steps: " + string.Join(", ", dominant));
        }

        private static double Percentile(IReadOnlyList<double> sorted, double p) =>
            sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

        private sealed class Sample
        {
            private readonly Dictionary<string, TimeSpan> _steps = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

            public long Sent { get; set; }

            public long Received { get; set; }

            public long ClaimSessionBytes => Sent + Received;

            public TimeSpan Total { get; set; }

            public void Add(string step, TimeSpan spent) => _steps[step] = TimeIn(step) + spent;

            public TimeSpan TimeIn(string step) => _steps.TryGetValue(step, out var t) ? t : TimeSpan.Zero;
        }
    }
}
