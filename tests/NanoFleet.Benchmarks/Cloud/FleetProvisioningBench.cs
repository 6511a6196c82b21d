using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using NanoFleet.Cloud;
using NanoFleet.Cloud.Options;

namespace NanoFleet.Benchmarks.Cloud
{
    /// <summary>
    /// N simulated devices (MQTTnet clients, mTLS, MQTT 3.1.1) run the whole fleet flow at once against the
    /// emulator in this process: connect with the claim, CreateKeysAndCertificate, RegisterThing, reconnect as
    /// the thing. Prints provisionings/s, p50/p99 end-to-end latency, per-step p50 (where the time goes),
    /// the emulator's own API latency and peak memory, for EC P-256 and RSA-2048 keys.
    /// `bench cloud-fleet [--devices N] [--keys ec|rsa|both]`.
    /// </summary>
    public sealed class FleetProvisioningBench : IBench
    {
        internal const string Template = """
        {"Parameters":{"SerialNumber":{"Type":"String"}},
         "Resources":{
          "thing":{"Type":"AWS::IoT::Thing","Properties":{"ThingName":{"Fn::Join":["",["bench-",{"Ref":"SerialNumber"}]]},"AttributePayload":{"serial":{"Ref":"SerialNumber"}}}},
          "certificate":{"Type":"AWS::IoT::Certificate","Properties":{"CertificateId":{"Ref":"AWS::IoT::Certificate::Id"},"Status":"ACTIVE"}},
          "policy":{"Type":"AWS::IoT::Policy","Properties":{"PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:*","Resource":"*"}]}}}},
         "DeviceConfiguration":{"Fleet":"bench"}}
        """;

        private static byte[]? _trustedServer;

        private static readonly string[] Steps = { "claim connect", "CreateKeysAndCertificate", "RegisterThing", "thing connect" };

        public string Name => "cloud-fleet";

        public string Description => "1,000 devices provision at once over mTLS (EC and RSA keys): provisionings/s, p50/p99, memory";

        public int Run(string[] args)
        {
            int devices = 1000;
            string keys = "both";
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                if (args[i] == "--devices") devices = int.Parse(args[i + 1]);
                else if (args[i] == "--keys") keys = args[i + 1];
            }

            Console.WriteLine($"cloud-fleet: {devices} devices, {Environment.ProcessorCount} cores, MQTT 3.1.1, TLS 1.2 mTLS, QoS 1, JSON");
            if (keys is "ec" or "both") RunOnce(KeyAlgorithm.EcP256, devices).GetAwaiter().GetResult();
            if (keys is "rsa" or "both") RunOnce(KeyAlgorithm.Rsa2048, devices).GetAwaiter().GetResult();
            return 0;
        }

        private static async Task RunOnce(KeyAlgorithm algorithm, int devices)
        {
            string dir = Path.Combine(Path.GetTempPath(), "nf-bench-" + Guid.NewGuid().ToString("N"));
            await using var emulator = new FleetEmulator(new EmulatorOptionsBuilder().WithDataDirectory(dir)
                .WithEndpoint(IPAddress.Loopback, 0).WithKeyAlgorithm(algorithm).Build());
            await emulator.StartAsync();
            await emulator.Templates.PutAsync("bench", Template);
            var claim = await emulator.Claims.CreateAsync("bench");
            var ca = X509Certificate2.CreateFromPem(emulator.CaCertificatePem);
            var claimIdentity = X509Certificate2.CreateFromPem(claim.CertificatePem, claim.PrivateKeyPem);
            double connectCpuMs = await ConnectCostAsync(emulator.Port, ca, claimIdentity);
            GC.Collect();

            var stepTimes = new double[devices, Steps.Length];
            var totals = new double[devices];
            int failures = 0;
            string? firstError = null;
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var wall = Stopwatch.StartNew();
            var tasks = Enumerable.Range(0, devices).Select(i => Task.Run(async () =>
            {
                await start.Task;
                try
                {
                    var t = Stopwatch.StartNew();
                    await ProvisionAsync(emulator.Port, ca, claimIdentity, i, stepTimes);
                    totals[i] = t.Elapsed.TotalMilliseconds;
                }
                catch (Exception ex)
                {
                    if (Interlocked.Increment(ref failures) == 1) firstError = ex.GetType().Name + ": " + ex.Message;
                    totals[i] = double.NaN;
                }
            })).ToArray();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            wall.Restart();
            start.SetResult();
            await Task.WhenAll(tasks);
            double seconds = wall.Elapsed.TotalSeconds;
            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;

            var ok = totals.Where(x => !double.IsNaN(x)).OrderBy(x => x).ToArray();
            Console.WriteLine();
            Console.WriteLine($"== {algorithm}: {ok.Length}/{devices} provisioned in {seconds:F2} s -> {ok.Length / seconds:F1} provisionings/s ({failures} failed{(firstError is null ? "" : ", first: " + firstError)})");
            if (ok.Length > 0)
            {
                double perDevice = cpuMs / ok.Length;
                Console.WriteLine($"   CPU {cpuMs / 1000:F1} s in this process = {perDevice:F1} ms per provisioning (devices and emulator together) " +
                    $"-> {Environment.ProcessorCount * 1000 / perDevice:F0}/s if the {Environment.ProcessorCount} cores were ours alone; load average {LoadAverage()}");
                Console.WriteLine($"   one mTLS connect + disconnect alone costs {connectCpuMs:F1} ms CPU (client and broker), so the two connects per device are {200 * connectCpuMs / perDevice:F0}% of it");
                Console.WriteLine($"   end-to-end latency per device: p50 {Pct(ok, 0.5):F0} ms, p99 {Pct(ok, 0.99):F0} ms, max {ok[^1]:F0} ms");
            }

            for (int s = 0; s < Steps.Length; s++)
            {
                var times = Enumerable.Range(0, devices).Where(i => !double.IsNaN(totals[i])).Select(i => stepTimes[i, s]).OrderBy(x => x).ToArray();
                if (times.Length > 0)
                {
                    Console.WriteLine($"   step {Steps[s],-26} p50 {Pct(times, 0.5),7:F0} ms  p99 {Pct(times, 0.99),7:F0} ms  mean {times.Average(),7:F0} ms");
                }
            }

            foreach (var api in emulator.Metrics.Snapshot().Apis.Where(a => a.Requests > 0))
            {
                Console.WriteLine($"   emulator {api.Api,-26} service time p50 {api.LatencyP50Ms} ms p99 {api.LatencyP99Ms} ms ({api.Requests} requests, {api.Failed} failed)");
            }

            Console.WriteLine($"   things in registry {await emulator.Things.CountAsync()}, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB (emulator + {devices} clients in one process)");
            await emulator.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }

        /// <summary>CPU per sequential claim connect + disconnect (TLS 1.2 handshake with client certificate, MQTT CONNECT).</summary>
        private static async Task<double> ConnectCostAsync(int port, X509Certificate2 ca, X509Certificate2 claim)
        {
            const int Warmup = 30, Rounds = 100;
            var before = TimeSpan.Zero;
            for (int i = 0; i < Warmup + Rounds; i++)
            {
                if (i == Warmup)
                {
                    before = Process.GetCurrentProcess().TotalProcessorTime; // JIT and first-use costs excluded
                }

                using var client = new MqttClientFactory().CreateMqttClient();
                await client.ConnectAsync(Options(port, ca, claim, "warmup-" + i));
                await client.DisconnectAsync();
            }

            return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / Rounds;
        }

        /// <summary>One device's whole flow (also the unit of work of <see cref="IdleSocketFloodBench"/>).</summary>
        internal static async Task ProvisionAsync(int port, X509Certificate2 ca, X509Certificate2 claim, int index, double[,] stepTimes)
        {
            var step = Stopwatch.StartNew();
            string serial = index.ToString("D5");
            using var client = new MqttClientFactory().CreateMqttClient();
            var inbox = System.Threading.Channels.Channel.CreateUnbounded<MqttApplicationMessage>();
            client.ApplicationMessageReceivedAsync += e =>
            {
                inbox.Writer.TryWrite(e.ApplicationMessage);
                return Task.CompletedTask;
            };
            await client.ConnectAsync(Options(port, ca, claim, "claim-" + serial));
            stepTimes[index, 0] = Lap(step);

            var created = await RequestAsync(client, inbox, "$aws/certificates/create/json", "{}");
            string pem = created.GetProperty("certificatePem").GetString()!;
            string key = created.GetProperty("privateKey").GetString()!;
            string token = created.GetProperty("certificateOwnershipToken").GetString()!;
            stepTimes[index, 1] = Lap(step);

            var registered = await RequestAsync(client, inbox, "$aws/provisioning-templates/bench/provision/json",
                JsonSerializer.Serialize(new { certificateOwnershipToken = token, parameters = new { SerialNumber = serial } }));
            string thing = registered.GetProperty("thingName").GetString()!;
            await client.DisconnectAsync();
            stepTimes[index, 2] = Lap(step);

            using var device = new MqttClientFactory().CreateMqttClient();
            using var identity = X509Certificate2.CreateFromPem(pem, key);
            await device.ConnectAsync(Options(port, ca, identity, thing));
            await device.DisconnectAsync();
            stepTimes[index, 3] = Lap(step);
        }

        private static async Task<JsonElement> RequestAsync(IMqttClient client, System.Threading.Channels.Channel<MqttApplicationMessage> inbox, string topic, string payload)
        {
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(topic + "/accepted", MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter(topic + "/rejected", MqttQualityOfServiceLevel.AtLeastOnce).Build());
            await client.PublishStringAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(600));
            var message = await inbox.Reader.ReadAsync(timeout.Token);
            var body = JsonDocument.Parse(Encoding.UTF8.GetString(message.Payload.ToArray())).RootElement;
            if (!message.Topic.EndsWith("/accepted", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{topic} rejected: {body}");
            }

            return body;
        }

        private static MqttClientOptions Options(int port, X509Certificate2 ca, X509Certificate2 identity, string clientId) =>
            new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port)
                .WithClientId(clientId)
                .WithProtocolVersion(MqttProtocolVersion.V311)
                .WithTimeout(TimeSpan.FromSeconds(600))
                .WithTlsOptions(new MqttClientTlsOptionsBuilder().UseTls().WithTargetHost("localhost")
                    .WithSslProtocols(System.Security.Authentication.SslProtocols.Tls12)
                    .WithClientCertificates(new X509Certificate2Collection(identity))
                    .WithCertificateValidationHandler(a =>
                    {
                        // Each real device verifies the server on its own CPU; here 1,000 "devices" share ours,
                        // so the (identical) server certificate's chain is built once and then matched.
                        if (_trustedServer is { } known && a.Certificate.GetRawCertData().AsSpan().SequenceEqual(known))
                        {
                            return true;
                        }

                        using var chain = new X509Chain();
                        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                        chain.ChainPolicy.CustomTrustStore.Add(ca);
                        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                        using var server = new X509Certificate2(a.Certificate);
                        if (!chain.Build(server))
                        {
                            return false;
                        }

                        _trustedServer = server.RawData;
                        return true;
                    }).Build())
                .Build();

        private static string LoadAverage() =>
            File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

        private static double Lap(Stopwatch watch)
        {
            double ms = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            return ms;
        }

        private static double Pct(double[] sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }
}
