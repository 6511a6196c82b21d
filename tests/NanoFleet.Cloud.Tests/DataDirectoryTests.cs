using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using NanoFleet.Cloud.Options;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>The in-process side of the operator-safety rules: the data directory's lock and health check at
    /// start, and claims that need a stored template and can be undone.</summary>
    public class DataDirectoryTests
    {
        [Fact]
        public async Task StartAsync_SecondEmulatorOnTheSameDirectory_InUse_ThenFreeOnceTheFirstStops()
        {
            await using var env = await TestEmulator.StartAsync();
            await using var second = new FleetEmulator(Options(env.Directory));

            var refused = await Assert.ThrowsAsync<DataDirectoryException>(() => second.StartAsync());

            Assert.Equal(DataDirectoryProblem.InUse, refused.Problem);
            Assert.Contains(env.Directory, refused.Message);
            await env.Emulator.StopAsync();
            await second.StartAsync(); // the lock went with the first emulator
            Assert.True(second.Port > 0);
        }

        [Fact]
        public async Task StartAsync_CorruptRegistry_CorruptBeforeListening()
        {
            string directory = Path.Combine(Path.GetTempPath(), "nf-cloud-test-" + Guid.NewGuid().ToString("N"));
            try
            {
                await using (var first = new FleetEmulator(Options(directory)))
                {
                    await first.OpenAsync();
                }

                await File.WriteAllBytesAsync(Path.Combine(directory, EmulatorOptions.RegistryFileName), new byte[8192]);
                await using var emulator = new FleetEmulator(Options(directory));

                var refused = await Assert.ThrowsAsync<DataDirectoryException>(() => emulator.StartAsync());

                Assert.Equal(DataDirectoryProblem.Corrupt, refused.Problem);
                Assert.DoesNotContain('\n', refused.Message);
                Assert.Equal(0, emulator.ConnectedClients);
                Assert.Throws<InvalidOperationException>(() => emulator.Port); // never listened
                await using var next = new FleetEmulator(Options(directory));
                Assert.Equal(DataDirectoryProblem.Corrupt, (await Assert.ThrowsAsync<DataDirectoryException>(() => next.StartAsync())).Problem); // and the lock was let go
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, true);
            }
        }

        [Fact]
        public async Task CreateAsync_TemplateDoesNotExist_ResourceNotFound_NothingRegistered()
        {
            await using var env = await TestEmulator.StartAsync();

            var refused = await Assert.ThrowsAsync<ResourceNotFoundException>(() => env.Emulator.Claims.CreateAsync("nope"));

            Assert.Contains("'nope'", refused.Message);
            Assert.Empty(await env.Emulator.Claims.ListAsync());
            Assert.Empty(await env.Emulator.Certificates.ListAsync());
        }

        [Fact]
        public async Task DeleteAsync_RemovesTheClaimAndItsCertificate_UnknownIdIsFalse()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);

            Assert.True(await env.Emulator.Claims.DeleteAsync(claim.CertificateId));

            Assert.Empty(await env.Emulator.Claims.ListAsync());
            Assert.Null(await env.Emulator.Certificates.GetAsync(claim.CertificateId));
            Assert.False(await env.Emulator.Claims.DeleteAsync(claim.CertificateId));
        }

        private static EmulatorOptions Options(string directory) =>
            new EmulatorOptionsBuilder().WithDataDirectory(directory).WithEndpoint(IPAddress.Loopback, 0).WithKeyAlgorithm(KeyAlgorithm.EcP256).Build();
    }
}
