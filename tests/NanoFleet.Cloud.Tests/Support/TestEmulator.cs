using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using NanoFleet.Cloud;
using NanoFleet.Cloud.Options;

namespace NanoFleet.Cloud.Tests.Support
{
    /// <summary>A real emulator on a free loopback port in a fresh temp data directory, deleted on dispose.</summary>
    public sealed class TestEmulator : IAsyncDisposable
    {
        private TestEmulator(string directory, FleetEmulator emulator)
        {
            Directory = directory;
            Emulator = emulator;
        }

        public string Directory { get; }

        public FleetEmulator Emulator { get; private set; }

        public static async Task<TestEmulator> StartAsync(Action<EmulatorOptionsBuilder>? configure = null, string? directory = null)
        {
            directory ??= Path.Combine(Path.GetTempPath(), "nf-cloud-test-" + Guid.NewGuid().ToString("N"));
            var builder = new EmulatorOptionsBuilder().WithDataDirectory(directory).WithEndpoint(IPAddress.Loopback, 0)
                .WithKeyAlgorithm(KeyAlgorithm.EcP256);
            configure?.Invoke(builder);
            var emulator = new FleetEmulator(builder.Build());
            await emulator.StartAsync();
            return new TestEmulator(directory, emulator);
        }

        /// <summary>Stops and starts a new emulator over the same data directory.</summary>
        public async Task RestartAsync(Action<EmulatorOptionsBuilder>? configure = null)
        {
            await Emulator.DisposeAsync();
            var builder = new EmulatorOptionsBuilder().WithDataDirectory(Directory).WithEndpoint(IPAddress.Loopback, 0)
                .WithKeyAlgorithm(KeyAlgorithm.EcP256);
            configure?.Invoke(builder);
            Emulator = new FleetEmulator(builder.Build());
            await Emulator.StartAsync();
        }

        /// <summary>Stores <paramref name="body"/> as a template and makes a claim for it. With <paramref name="hookUrl"/>, the
        /// template's pre-provisioning hook is a function served there that IoT may invoke for this template only.</summary>
        public async Task<ClaimCredentials> TemplateAndClaimAsync(string templateName, string body, Uri? hookUrl = null)
        {
            await Emulator.Templates.PutAsync(templateName, body);
            if (hookUrl is not null)
            {
                await Emulator.Functions.HookTemplateAsync(templateName, "hook-" + templateName, hookUrl);
            }

            return await Emulator.Claims.CreateAsync(templateName);
        }

        public Task<TestDevice> ConnectAsync(ClaimCredentials claim, string? clientId = null, MQTTnet.Formatter.MqttProtocolVersion version = MQTTnet.Formatter.MqttProtocolVersion.V311,
            string? username = null) =>
            TestDevice.ConnectAsync(Emulator.Port, Emulator.CaCertificatePem, claim.CertificatePem, claim.PrivateKeyPem, clientId, version, username);

        /// <summary>Connects with a provisioned thing's certificate and key, from the CreateKeysAndCertificate answer.</summary>
        public Task<TestDevice> ConnectThingAsync(ApiResponse created, string clientId, MQTTnet.Formatter.MqttProtocolVersion version = MQTTnet.Formatter.MqttProtocolVersion.V311,
            string? username = null) =>
            TestDevice.ConnectAsync(Emulator.Port, Emulator.CaCertificatePem, created.Text("certificatePem"), created.Text("privateKey"), clientId, version, username);

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
