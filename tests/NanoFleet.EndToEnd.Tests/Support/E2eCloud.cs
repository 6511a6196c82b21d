using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Demo;
using NanoFleet.Cli.Device;
using NanoFleet.Cloud;
using NanoFleet.Cloud.Hooks;
using NanoFleet.Cloud.Options;
using NanoFleet.Hal;
using NanoFleet.Provisioning;

namespace NanoFleet.EndToEnd.Tests.Support
{
    /// <summary>
    /// A real emulator (mTLS broker, registry in a temp directory) with the demo's template and a
    /// claim, plus factory-built flash image files for virtual devices. Optionally an allow-list
    /// hook and a TCP proxy that can cut connections.
    /// </summary>
    public sealed class E2eCloud : IAsyncDisposable
    {
        private readonly AllowListHook? _hook;

        private E2eCloud(string directory, FleetEmulator emulator, ClaimCredentials claim, AllowListHook? hook)
        {
            Directory = directory;
            Emulator = emulator;
            Claim = claim;
            _hook = hook;
            emulator.RequestCompleted += (_, e) =>
            {
                if (!e.Accepted)
                {
                    Rejections.Enqueue(e.Api + " " + e.ErrorCode);
                }
            };
        }

        /// <summary>Every provisioning request the emulator rejected, as "API ErrorCode".</summary>
        public System.Collections.Concurrent.ConcurrentQueue<string> Rejections { get; } = new System.Collections.Concurrent.ConcurrentQueue<string>();

        public string Directory { get; }

        public FleetEmulator Emulator { get; }

        public ClaimCredentials Claim { get; }

        /// <summary>The table from the repository's partitions.csv.</summary>
        public NanoFleet.Station.Partitions.PartitionTable Table { get; } = DefaultPartitions.Load(null);

        /// <summary>The hook, when started with an allow-list.</summary>
        public AllowListHook? Hook => _hook;

        /// <summary>A proxy in front of the broker; images built after <see cref="UseProxy"/> point at it.</summary>
        public TcpChaosProxy? Proxy { get; private set; }

        /// <summary>Starts the emulator; <paramref name="allowedSerials"/> non-null adds the allow-list hook.</summary>
        public static async Task<E2eCloud> StartAsync(Action<EmulatorOptionsBuilder>? configure = null, IEnumerable<string>? allowedSerials = null)
        {
            string directory = Path.Combine(Path.GetTempPath(), "nf-e2e-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(directory);
            AllowListHook? hook = null;
            if (allowedSerials is not null)
            {
                hook = new AllowListHook("SerialNumber", allowedSerials);
                await hook.StartAsync();
            }

            var builder = new EmulatorOptionsBuilder().WithDataDirectory(Path.Combine(directory, "cloud")).WithEndpoint(IPAddress.Loopback, 0)
                .WithKeyAlgorithm(KeyAlgorithm.EcP256);
            configure?.Invoke(builder);
            var emulator = new FleetEmulator(builder.Build());
            await emulator.StartAsync();
            await emulator.Templates.PutAsync(DemoTemplate.Name, DemoTemplate.Body);
            if (hook is not null)
            {
                await emulator.Functions.HookTemplateAsync(DemoTemplate.Name, DemoTemplate.HookFunction, hook.Url);
            }

            var claim = await emulator.Claims.CreateAsync(DemoTemplate.Name);
            return new E2eCloud(directory, emulator, claim, hook);
        }

        /// <summary>Routes devices built from now on through a cutting proxy.</summary>
        public TcpChaosProxy UseProxy() => Proxy ??= new TcpChaosProxy(Emulator.Port);

        /// <summary>Builds the flash image of device <paramref name="index"/> (serial NF000i, its own MAC).</summary>
        public string BuildImage(int index, FpFormat format = FpFormat.Json)
        {
            string path = Path.Combine(Directory, $"dev-{index:000}.bin");
            DemoImages.Write(path, Table, Emulator, Claim, index, format, Proxy?.Port ?? Emulator.Port);
            return path;
        }

        /// <summary>Device options with test timings: quick timeouts and backoff, a seeded jitter.</summary>
        public static VirtualDeviceOptions FastOptions(string name, ILogSink? log = null, Action<NanoFleet.Hal.Host.Flash.NorFlash>? flash = null, int backoffCapMilliseconds = 400,
            bool useCsr = false, int stepTimeoutMilliseconds = 1500, ISerialLine? claimLine = null) => new VirtualDeviceOptions
        {
            ClaimLine = claimLine,
            ClaimHelloIntervalMilliseconds = 500,
            Name = name,
            Log = log,
            StepTimeoutMilliseconds = stepTimeoutMilliseconds,
            BackoffBaseMilliseconds = 50,
            BackoffCapMilliseconds = backoffCapMilliseconds,
            MaxAttempts = 10,
            PermanentFailureBackoffMilliseconds = 60000,
            RandomSeed = name.GetHashCode(StringComparison.Ordinal),
            FlashOpened = flash,
            UseCsr = useCsr,
        };

        /// <summary>The thing a device of index <paramref name="index"/> must end up as.</summary>
        public static string ThingOf(int index) => DemoTemplate.ThingPrefix + DemoFleet.SerialNumber(index);

        public async ValueTask DisposeAsync()
        {
            if (Proxy is not null)
            {
                await Proxy.DisposeAsync();
            }

            await Emulator.DisposeAsync();
            if (_hook is not null)
            {
                await _hook.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
