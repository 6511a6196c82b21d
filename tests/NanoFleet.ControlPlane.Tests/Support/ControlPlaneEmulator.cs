using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using NanoFleet.Cloud;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.Cloud.Options;

namespace NanoFleet.ControlPlane.Tests.Support
{
    /// <summary>
    /// A real emulator with its control plane on a free loopback port, in a fresh temp data directory deleted on
    /// dispose. The harness every control-plane test (and the AWS CLI / JS SDK runners) starts from.
    /// </summary>
    public sealed class ControlPlaneEmulator : IAsyncDisposable
    {
        private ControlPlaneEmulator(string directory, FleetEmulator emulator)
        {
            Directory = directory;
            Emulator = emulator;
        }

        public string Directory { get; }

        public FleetEmulator Emulator { get; }

        /// <summary>The control plane's base address, http://127.0.0.1:PORT.</summary>
        public Uri Endpoint => new($"http://127.0.0.1:{Emulator.ControlPlanePort}");

        public string Region => Emulator.Options.Region;

        public string AccountId => Emulator.Options.AccountId;

        public static async Task<ControlPlaneEmulator> StartAsync(Action<EmulatorOptionsBuilder>? configure = null)
        {
            string directory = Path.Combine(Path.GetTempPath(), "nf-cp-test-" + Guid.NewGuid().ToString("N"));
            var builder = new EmulatorOptionsBuilder().WithDataDirectory(directory).WithEndpoint(IPAddress.Loopback, 0)
                .WithKeyAlgorithm(KeyAlgorithm.EcP256).WithControlPlane();
            configure?.Invoke(builder);
            var emulator = new FleetEmulator(builder.Build());
            await emulator.StartAsync();
            return new ControlPlaneEmulator(directory, emulator);
        }

        /// <summary>The access key of an identity in the data directory (operator, installer or one a test made).</summary>
        public Identity Identity(string name) =>
            Emulator.Identities.Get(name) ?? throw new InvalidOperationException($"no identity {name}");

        /// <summary>A signed client acting as <paramref name="identity"/>.</summary>
        public ControlPlaneClient Client(string identity = DefaultIdentities.Operator, TimeProvider? clock = null)
        {
            var key = Identity(identity).Key;
            return new ControlPlaneClient(Endpoint, Region, key.Id, key.Secret, clock);
        }

        public async ValueTask DisposeAsync()
        {
            await Emulator.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Directory, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
