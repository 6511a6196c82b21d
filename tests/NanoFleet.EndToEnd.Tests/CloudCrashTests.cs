using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using NanoFleet.Cli.Demo;
using NanoFleet.Cli.Device;
using NanoFleet.Cloud;
using NanoFleet.Cloud.Options;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Provisioning;
using Xunit;

namespace NanoFleet.EndToEnd.Tests
{
    /// <summary>`cloud start` killed with SIGKILL during a burst of RegisterThing: the registry it leaves is consistent.</summary>
    [Collection(CloudCrashCollection.Name)]
    public sealed class CloudCrashTests : IDisposable
    {
        private const int Devices = 40;
        private const int RegisteredBeforeKill = 8;

        /// <summary>Unthrottled, the 40 registrations land within a few milliseconds of each other, before the test has
        /// read the fifth log line; at 5 per second (throttled devices back off and retry) the kill falls inside the burst.</summary>
        private const string RegistrationsPerSecond = "throttle=RegisterThing:5";
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-cloud-crash-").FullName;

        private string Data => Path.Combine(_dir, "cloud");

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, true);
        }

        [Fact]
        public async Task KilledDuringRegisterThingBurst_LeavesEveryThingWithItsCertificate_AndNothingHalfWritten()
        {
            var options = new EmulatorOptionsBuilder().WithDataDirectory(Data).Build();
            await using var offline = new FleetEmulator(options);
            await offline.OpenAsync();
            await offline.Templates.PutAsync(DemoTemplate.Name, DemoTemplate.Body);
            var claim = await offline.Claims.CreateAsync(DemoTemplate.Name);
            using var cloud = CloudProcess.Start(Data, "--key-algorithm", "ec", "--faults", RegistrationsPerSecond);
            var table = DefaultPartitions.Load(null);
            var devices = Enumerable.Range(1, Devices).Select(i =>
            {
                string image = Path.Combine(_dir, $"dev-{i:000}.bin");
                DemoImages.Write(image, table, offline, claim, i, FpFormat.Json, cloud.Port());
                return new VirtualDevice(image, E2eCloud.FastOptions($"dev-{i:000}"));
            }).ToArray();
            await offline.DisposeAsync(); // only `cloud start` has the registry open during the burst (disposing twice is harmless)

            int registeredAtKill;
            using var stop = new CancellationTokenSource();
            var boots = devices.Select(d => Task.Factory.StartNew(() => d.Boot(false, stop.Token), TaskCreationOptions.LongRunning)).ToArray();
            try
            {
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(120));
                while (Registered(cloud.Output) < RegisteredBeforeKill)
                {
                    await Task.Delay(5, patience.Token);
                }

                cloud.Kill();
                registeredAtKill = Registered(cloud.Output);
            }
            finally
            {
                stop.Cancel();
                await Task.WhenAll(boots);
                Array.ForEach(devices, d => d.Dispose());
            }

            Assert.InRange(registeredAtKill, RegisteredBeforeKill, Devices - 1); // killed mid-burst, not after it

            await using (var reopened = new FleetEmulator(options))
            {
                await reopened.OpenAsync();
                var things = await reopened.Things.ListAsync();
                var certificates = (await reopened.Certificates.ListAsync()).Where(c => c.Kind == CertificateKind.Device).ToDictionary(c => c.Id);
                Assert.True(things.Count >= registeredAtKill, $"{things.Count} thing(s), but {registeredAtKill} registrations were reported before the kill");
                foreach (var thing in things)
                {
                    string id = Assert.Single(thing.CertificateIds);
                    Assert.Equal(CertificateStatus.Active, certificates[id].Status);
                }

                var attached = things.Select(t => t.CertificateIds[0]).ToHashSet();
                foreach (var certificate in certificates.Values)
                {
                    // Either registered (ACTIVE, on a thing) or not at all (PENDING_ACTIVATION, on nothing).
                    Assert.Equal(attached.Contains(certificate.Id) ? CertificateStatus.Active : CertificateStatus.PendingActivation, certificate.Status);
                }
            }

            // What the public API does not show: the file is sound and every ACTIVE device certificate has its policy.
            using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(Data, "registry.db"), Mode = SqliteOpenMode.ReadOnly }.ToString());
            db.Open();
            Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check"));
            Assert.Equal(0L, Scalar(db, "SELECT COUNT(*) FROM certificates c WHERE c.kind='Device' AND c.status='ACTIVE' AND NOT EXISTS " +
                "(SELECT 1 FROM policy_principals a JOIN policies p ON p.name=a.policy_name WHERE a.certificate_id=c.id)"));
        }

        /// <summary>RegisterThing log lines `cloud start` printed: each follows its registration's commit.</summary>
        private static int Registered(string output) => Regex.Matches(output, "step=RegisterThing .*registered thing").Count;

        private static object? Scalar(SqliteConnection db, string sql)
        {
            using var command = db.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar();
        }
    }

    /// <summary>The crash test runs alone: its 40 devices and child process would otherwise starve the step timers
    /// of whatever test shares the two cores with it.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class CloudCrashCollection
    {
        public const string Name = "cloud crash";
    }
}
