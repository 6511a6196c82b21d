using System;
using System.Collections.Generic;
using System.Formats.Cbor;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using NanoFleet.Hal;
using NanoFleet.Provisioning;
using NanoFleet.Tests.Shared;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Benchmarks.Core
{
    /// <summary>
    /// Bytes the portable core allocates across one whole provisioning run (machine construction,
    /// every transition, request encoding, response parsing, the record), measured with
    /// GC.GetAllocatedBytesForCurrentThread. The inbound payload buffers and the event objects are
    /// made before measuring: on a device they are the MQTT client's and the runner's. The target
    /// is at most 2x the credential bytes the device must keep (certificate + key + token + thing
    /// name + configuration). Real RSA-2048 PEMs, a 1 KB token, JSON and CBOR.
    /// </summary>
    public sealed class CoreAllocationBench : IBench
    {
        private const string Mac = "a4cf12003456";
        private const string Template = "fleet-tpl";

        public string Name => "core-alloc";

        public string Description => "bytes allocated by the provisioning core over one run vs credential bytes kept (target <= 2x)";

        public int Run(string[] args)
        {
            int runs = args.Length > 0 ? int.Parse(args[0]) : 200;
            var material = Material.Create();
            Console.WriteLine($"credential bytes kept (UTF-8): certificate {material.CertificatePem.Length}, key {material.PrivateKeyPem.Length}, " +
                $"token {material.Token.Length}, thing name {material.ThingName.Length}, configuration {material.ConfigurationBytes} = {material.CredentialBytes}");
            bool allMet = true;
            foreach (FpFormat format in new[] { FpFormat.Json, FpFormat.Cbor })
            {
                Scenario(format, material).RunOnce(); // JIT and static initialisers out of the way
                foreach (bool cold in new[] { true, false })
                {
                    long total = 0;
                    RunScenario last = Scenario(format, material);
                    for (int i = 0; i < runs; i++)
                    {
                        last = Scenario(format, material);
                        if (cold)
                        {
                            // Collect first so weakly-held scratch buffers (the readers' decode array) are
                            // gone: each run pays for them, as a device's single provisioning run does.
                            GC.Collect();
                            GC.WaitForPendingFinalizers();
                        }

                        total += last.RunOnce();
                    }

                    long mean = total / runs;
                    double ratio = (double)mean / material.CredentialBytes;
                    bool met = ratio <= 2.0;
                    if (cold) allMet &= met;
                    string label = (format == FpFormat.Json ? "json" : "cbor") + (cold ? " cold" : " warm");
                    Console.WriteLine($"{label}: {mean} bytes allocated per run ({runs} runs); " +
                        $"{ratio:F2}x the credential bytes (target <= 2.00x: {(met ? "met" : "NOT met")})");
                    Console.WriteLine($"  of which: construction {last.Construction}, create response {last.CreateAccepted}, register response {last.RegisterAccepted}, " +
                        $"other transitions {last.Total - last.Construction - last.CreateAccepted - last.RegisterAccepted}");
                    // What the core spends beyond the credentials themselves: the RegisterThing request
                    // (which holds the token), topics, the certificate id, parse objects, actions, scratch.
                    long beyond = mean - material.CredentialBytes;
                    Console.WriteLine($"  beyond the credential bytes themselves: {beyond} bytes = {(double)beyond / material.CredentialBytes:F2}x");
                    Console.WriteLine($"  per event (boot, connect, 2 SUBACKs, create response, 2 SUBACKs, register response, persisted): {string.Join(", ", last.PerEvent)}");
                }
            }

            return allMet ? 0 : 1;
        }

        private static RunScenario Scenario(FpFormat format, Material m) => new RunScenario(format, m);

        /// <summary>One provisioning run, events prepared up front so only the core allocates while measured.</summary>
        private sealed class RunScenario
        {
            private readonly FpFormat _format;
            private readonly ProvisioningClaim _claim;
            private readonly ProvisioningOptions _options;
            private readonly List<ProvisioningEvent> _events = new();

            public RunScenario(FpFormat format, Material m)
            {
                _format = format;
                _claim = new ProvisioningClaim
                {
                    CaPem = Encoding.UTF8.GetBytes(m.CertificatePem), CertificatePem = Encoding.UTF8.GetBytes(m.CertificatePem), PrivateKeyPem = Encoding.UTF8.GetBytes(m.PrivateKeyPem),
                    EndpointHost = "iot.example.test", TemplateName = Template, Format = format,
                };
                _claim.Parameters.Set("SerialNumber", "SN-0001");
                _options = new ProvisioningOptionsBuilder().WithClaimDefaults(_claim).Build();
                string Topic(FpApi api, FpApiTopic kind)
                {
                    FpTopics.GetTopic(api, format, kind, Template, out string t);
                    return t;
                }

                byte[] created = PlatformPayloads.Encode(format, new List<(string, object)>
                {
                    ("certificateId", m.CertificateId), ("certificatePem", m.CertificatePem), ("privateKey", m.PrivateKeyPem), ("certificateOwnershipToken", m.Token),
                });
                byte[] registered = PlatformPayloads.Encode(format, new List<(string, object)> { ("deviceConfiguration", m.Configuration), ("thingName", m.ThingName) });
                _events.Add(ProvisioningEvent.Boot(null));
                _events.Add(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
                _events.Add(ProvisioningEvent.SubscribeAcknowledged(Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted), true));
                _events.Add(ProvisioningEvent.SubscribeAcknowledged(Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Rejected), true));
                _events.Add(ProvisioningEvent.MessageReceived(Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted), created, 0, created.Length));
                _events.Add(ProvisioningEvent.SubscribeAcknowledged(Topic(FpApi.RegisterThing, FpApiTopic.Accepted), true));
                _events.Add(ProvisioningEvent.SubscribeAcknowledged(Topic(FpApi.RegisterThing, FpApiTopic.Rejected), true));
                _events.Add(ProvisioningEvent.MessageReceived(Topic(FpApi.RegisterThing, FpApiTopic.Accepted), registered, 0, registered.Length));
                _events.Add(ProvisioningEvent.PersistCompleted(StoreStatus.Success));
            }

            private const int CreateAcceptedIndex = 4;
            private const int RegisterAcceptedIndex = 7;

            /// <summary>Bytes of the last run spent constructing the machine (topics, claim session, parse targets).</summary>
            public long Construction { get; private set; }

            /// <summary>Bytes of the last run spent handling the create response (parse + transition).</summary>
            public long CreateAccepted { get; private set; }

            /// <summary>Bytes of the last run spent handling the register response (parse + record).</summary>
            public long RegisterAccepted { get; private set; }

            /// <summary>Bytes of the last run spent on each event, in order.</summary>
            public long[] PerEvent { get; } = new long[9];

            /// <summary>Bytes of the last run in all.</summary>
            public long Total { get; private set; }

            /// <summary>Runs the flow and returns the bytes the core allocated.</summary>
            public long RunOnce()
            {
                var random = new FixedRandom();
                var actions = new ActionList();
                long before = GC.GetAllocatedBytesForCurrentThread();
                var machine = new ProvisioningMachine(_options, _claim, Mac, false, random);
                Construction = GC.GetAllocatedBytesForCurrentThread() - before;
                bool rebooted = false;
                for (int n = 0; n < _events.Count; n++)
                {
                    long start = GC.GetAllocatedBytesForCurrentThread();
                    actions.Clear();
                    machine.Handle(_events[n], actions);
                    for (int i = 0; i < actions.Count; i++) rebooted |= actions[i].Kind == ProvisioningActionKind.Reboot;
                    long spent = GC.GetAllocatedBytesForCurrentThread() - start;
                    PerEvent[n] = spent;
                    if (n == CreateAcceptedIndex) CreateAccepted = spent;
                    if (n == RegisterAcceptedIndex) RegisterAccepted = spent;
                }

                long after = GC.GetAllocatedBytesForCurrentThread();
                Total = after - before;
                if (!rebooted || machine.Credentials == null || !machine.Credentials.IsComplete)
                {
                    throw new InvalidOperationException("Failed to provision in the benchmark run (format " + _format + ", step " + ProvisioningNames.Of(machine.Step) + ").");
                }

                return after - before;
            }
        }

        /// <summary>Realistic credentials: an RSA-2048 key and certificate as PEM, a 1 KB token.</summary>
        private sealed class Material
        {
            public string CertificateId = "";
            public string CertificatePem = "";
            public string PrivateKeyPem = "";
            public string Token = "";
            public string ThingName = "";
            public Dictionary<string, string> Configuration = new();

            public int ConfigurationBytes
            {
                get
                {
                    int n = 0;
                    foreach (var entry in Configuration) n += entry.Key.Length + entry.Value.Length;
                    return n;
                }
            }

            public int CredentialBytes => CertificatePem.Length + PrivateKeyPem.Length + Token.Length + ThingName.Length + ConfigurationBytes;

            public static Material Create()
            {
                using var rsa = RSA.Create(2048);
                var request = new CertificateRequest("CN=" + Mac, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddYears(10));
                var tokenBytes = new byte[768];
                RandomNumberGenerator.Fill(tokenBytes);
                return new Material
                {
                    CertificateId = Convert.ToHexString(SHA256.HashData(certificate.RawData)).ToLowerInvariant(),
                    CertificatePem = certificate.ExportCertificatePem() + "\n",
                    PrivateKeyPem = rsa.ExportRSAPrivateKeyPem() + "\n",
                    Token = Convert.ToBase64String(tokenBytes),
                    ThingName = "thing-" + Mac,
                    Configuration = new Dictionary<string, string> { ["Fleet"] = "blue", ["Region"] = "eu-west-1", ["Tier"] = "standard" },
                };
            }
        }

        private sealed class FixedRandom : IRandomSource
        {
            public int Next(int maxExclusive) => 0;
        }
    }
}
