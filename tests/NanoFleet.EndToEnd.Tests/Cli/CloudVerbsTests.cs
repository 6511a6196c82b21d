using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using NanoFleet.Cli;
using NanoFleet.Cli.Demo;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Station.Batch;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>
    /// `nanofleet cloud start|template|claim|things|metrics|faults` as an operator runs them: `start` in a
    /// process of its own (stopped with SIGTERM), the short verbs in-process, against it through its admin
    /// endpoint or, with none running, on the data directory. Exit codes: 0 ok, 1 needs a running
    /// emulator, 2 usage or bad input.
    /// </summary>
    [Collection(ConsoleCollection.Name)]
    public sealed class CloudVerbsTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-cloud-cli-").FullName;

        private string Data => Path.Combine(_dir, "cloud");

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, true);
        }

        [Fact]
        public void Running_ClaimFilesProvisionADevice_ThingsAndMetricsShowIt_SigtermStopsCleanly()
        {
            using var cloud = CloudProcess.Start(Data);
            var put = Cloud("template", "put", DemoTemplate.Name, WriteFile("template.json", DemoTemplate.Body));
            Assert.True(put.ExitCode == ExitCodes.Success, put.Output);
            Assert.Contains($"template '{DemoTemplate.Name}' stored as version 1 (enabled)", put.Output);

            string claimDir = Path.Combine(_dir, "claim");
            var claim = Cloud("claim", "create", "--template", DemoTemplate.Name, "-o", claimDir);
            Assert.True(claim.ExitCode == ExitCodes.Success, claim.Output);
            string claimId = AssertUsableClaim(claimDir);
            Assert.Contains($"claim {claimId} for template '{DemoTemplate.Name}'", claim.Output);
            // The same directory is the factory station's --claim-dir: it builds claim images from it.
            Assert.Equal("localhost:8883\n", File.ReadAllText(Path.Combine(claimDir, "endpoint.txt")));
            Assert.True(ClaimDirectory.Load(claimDir).Builder(DemoTemplate.Name).Build().Bytes.Length > 0);

            // The proof that the files are usable: a device image built from exactly them provisions.
            string serial = DemoFleet.SerialNumber(1), image = Path.Combine(_dir, "dev.bin");
            var built = ConsoleCapture.Run("image", "device", "--ca", Path.Combine(claimDir, "ca.pem"), "--cert", Path.Combine(claimDir, "claim.pem"),
                "--key", Path.Combine(claimDir, "claim.key"), "--endpoint", "127.0.0.1:" + cloud.Port(), "--template", DemoTemplate.Name,
                "--param", "SerialNumber=" + serial, "--mac", "02:4e:46:00:00:01", "-o", image);
            Assert.True(built.ExitCode == ExitCodes.Success, built.Output);
            var provisioned = ConsoleCapture.Run("device", "run", "--flash", image, "--once");
            Assert.True(provisioned.ExitCode == ExitCodes.Rebooted, provisioned.Output);

            string thing = E2eCloud.ThingOf(1);
            var things = Cloud("things", "list");
            Assert.True(things.ExitCode == ExitCodes.Success, things.Output);
            Assert.Contains(thing, things.Output);
            Assert.Contains("1 thing(s)", things.Output);
            var listed = Assert.Single(JsonDocument.Parse(Cloud("things", "list", "--json").Output).RootElement.EnumerateArray());
            Assert.Equal(thing, listed.GetProperty("Name").GetString());
            Assert.Equal(serial, listed.GetProperty("Attributes").GetProperty("serialNumber").GetString());
            string deviceCertificate = Assert.Single(listed.GetProperty("CertificateIds").EnumerateArray()).GetString()!;
            Assert.NotEqual(claimId, deviceCertificate); // the device traded the claim for its own certificate

            var metrics = Cloud("metrics");
            Assert.True(metrics.ExitCode == ExitCodes.Success, metrics.Output);
            Assert.Contains("ApproximateNumberOfThingsRegistered 1\n", metrics.Output);
            Assert.Matches(@"RegisterThingFailed +0\n", metrics.Output);
            var apis = JsonDocument.Parse(Cloud("metrics", "--json").Output).RootElement.GetProperty("Apis").EnumerateArray()
                .ToDictionary(a => a.GetProperty("Api").GetString()!, a => (Requests: a.GetProperty("Requests").GetInt64(), Failed: a.GetProperty("Failed").GetInt64()));
            Assert.Equal((1L, 0L), apis["CreateKeysAndCertificate"]);
            Assert.Equal((1L, 0L), apis["RegisterThing"]);

            Assert.Equal(ExitCodes.Success, cloud.Stop());
            Assert.Contains("nanofleet cloud: stopped cleanly", cloud.Output);
            Assert.False(File.Exists(Path.Combine(Data, "admin.json")), "admin.json outlived the emulator");
            Assert.DoesNotContain("PRIVATE KEY", cloud.Output + claim.Output + built.Output + provisioned.Output);

            // Stopped, the registry is still there: `things` reads the data directory instead.
            var offline = Cloud("things", "list");
            Assert.True(offline.ExitCode == ExitCodes.Success, offline.Output);
            Assert.Contains(thing, offline.Output);
        }

        [Fact]
        public void Running_StartOptionsApply_FaultsAndRevokeReachIt_BadInputIsExit2()
        {
            using var cloud = CloudProcess.Start(Data, "--faults", "dropsuback=1", "--region", "eu-west-1", "--account", "111122223333");
            Assert.Contains("ARNs in eu-west-1 account 111122223333", cloud.Output);

            var added = Cloud("faults", "delay=100ms;throttle=RegisterThing:5");
            Assert.True(added.ExitCode == ExitCodes.Success, added.Output);
            Assert.Contains("active faults: throttle=RegisterThing:5;dropsuback=1;delay=100ms", added.Output); // --faults from start, plus these

            var bad = Cloud("faults", "bogus=1");
            Assert.Equal(ExitCodes.BadInput, bad.ExitCode);
            Assert.Contains("Fault 'bogus=1' is malformed", bad.Output);

            var cleared = Cloud("faults", "clear");
            Assert.True(cleared.ExitCode == ExitCodes.Success, cleared.Output);
            Assert.Contains("no faults active", cleared.Output);

            string badTemplate = WriteFile("no-certificate.json", """{"Resources": {"thing": {"Type": "AWS::IoT::Thing", "Properties": {"ThingName": "x"}}}}""");
            var rejected = Cloud("template", "put", "fleet", badTemplate);
            Assert.Equal(ExitCodes.BadInput, rejected.ExitCode);
            Assert.Contains(badTemplate, rejected.Output);
            Assert.Contains("0 AWS::IoT::Certificate resources", rejected.Output);

            Assert.Equal(ExitCodes.Success, Cloud("template", "put", DemoTemplate.Name, WriteFile("template.json", DemoTemplate.Body)).ExitCode);
            Assert.Equal(ExitCodes.Success, Cloud("claim", "create", "--template", DemoTemplate.Name, "-o", Path.Combine(_dir, "claim")).ExitCode);
            string claimId = AssertUsableClaim(Path.Combine(_dir, "claim"));
            var revoked = Cloud("claim", "revoke", claimId);
            Assert.True(revoked.ExitCode == ExitCodes.Success, revoked.Output);
            Assert.Contains($"claim {claimId} revoked", revoked.Output);
            string unknown = new string('0', 64);
            var notFound = Cloud("claim", "revoke", unknown);
            Assert.Equal(ExitCodes.BadInput, notFound.ExitCode);
            Assert.Contains("no claim certificate has id " + unknown, notFound.Output);

            Assert.Equal(ExitCodes.Success, cloud.Stop());
        }

        [Fact]
        public async System.Threading.Tasks.Task NotRunning_TemplateAndClaimEditTheDataDirectory_LiveOnlyVerbsAreExit1()
        {
            await DataDirectory.CreateAsync(Data); // what an earlier `cloud start` left; verbs never make one
            string template = WriteFile("template.json", DemoTemplate.Body);
            var second = Cloud("template", "put", DemoTemplate.Name, template, "--disabled");
            Assert.True(second.ExitCode == ExitCodes.Success, second.Output);
            Assert.Contains("stored as version 2 (disabled)", second.Output); // version 1 is the one DataDirectory stored

            var claim = Cloud("claim", "create", "--template", DemoTemplate.Name, "-o", Path.Combine(_dir, "claim"));
            Assert.True(claim.ExitCode == ExitCodes.Success, claim.Output);
            Assert.Contains(AssertUsableClaim(Path.Combine(_dir, "claim")), claim.Output);

            var things = Cloud("things", "list");
            Assert.True(things.ExitCode == ExitCodes.Success, things.Output);
            Assert.Contains("0 thing(s)", things.Output);

            foreach (string[] verb in new[] { new[] { "metrics" }, new[] { "faults", "clear" } })
            {
                var result = Cloud(verb);
                Assert.Equal(ExitCodes.Failure, result.ExitCode);
                Assert.Contains("no emulator is running on " + Data, result.Output);
            }
        }

        [Theory]
        [InlineData("""{"Resources": {"thing": {"Type": "AWS::IoT::Thing", "Properties": {"ThingName": "x"}}}}""", "declares 0 AWS::IoT::Certificate resources")]
        [InlineData("""{"Resources": """, "not valid JSON")]
        [InlineData(null, "does not exist")]
        public async System.Threading.Tasks.Task TemplatePut_BadFile_Exit2_NamesTheFileAndTheProblem(string? body, string problem)
        {
            await DataDirectory.CreateAsync(Data);
            string file = body is null ? Path.Combine(_dir, "missing.json") : WriteFile("bad.json", body);

            var result = Cloud("template", "put", "fleet", file);

            Assert.Equal(ExitCodes.BadInput, result.ExitCode);
            Assert.Contains(file, result.Output);
            Assert.Contains(problem, result.Output);
            Assert.DoesNotContain("   at ", result.Output);
        }

        [Theory]
        [InlineData("Option '--template' is required", "claim", "create", "-o", "out")]
        [InlineData("'dsa'", "start", "--key-algorithm", "dsa")]
        [InlineData("--address 'not-an-ip' is not an IP address", "start", "--address", "not-an-ip")]
        [InlineData("Fault 'drop=many' is malformed", "start", "--faults", "drop=many")]
        [InlineData("Time scale 0 must be a positive number", "start", "--time-scale", "0")]
        [InlineData("Region 'Mars' is not an AWS region name", "start", "--region", "Mars")]
        [InlineData("Account id '42' is not 12 digits", "start", "--account", "42")]
        [InlineData("Template name 'bad name' is invalid", "claim", "create", "--template", "bad name", "-o", "out")]
        public async System.Threading.Tasks.Task Usage_Exit2_OneLine(string message, params string[] verb)
        {
            await DataDirectory.CreateAsync(Data);
            var result = Cloud(verb);

            Assert.Equal(ExitCodes.BadInput, result.ExitCode);
            Assert.Contains("nanofleet: ", result.Output);
            Assert.Contains(message, result.Output);
            Assert.DoesNotContain("   at ", result.Output);
            Assert.False(File.Exists(Path.Combine(Data, "admin.json")), "a refused start left an emulator behind");
        }

        /// <summary>`nanofleet cloud VERB… --data DIR`, in-process.</summary>
        private (int ExitCode, string Output) Cloud(params string[] verb) => ConsoleCapture.Run(["cloud", .. verb, "--data", Data]);

        private string WriteFile(string name, string text)
        {
            string path = Path.Combine(_dir, name);
            File.WriteAllText(path, text);
            return path;
        }

        /// <summary>Checks what `claim create` wrote: a claim certificate with its (owner-only) key, chaining to
        /// the CA it wrote beside them. Returns the claim's id, AWS's SHA-256 of the certificate.</summary>
        private static string AssertUsableClaim(string directory)
        {
            string keyPath = Path.Combine(directory, "claim.key");
            using var claim = X509Certificate2.CreateFromPemFile(Path.Combine(directory, "claim.pem"), keyPath); // throws on a key of another certificate
            using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(directory, "ca.pem")));
            Assert.True(claim.HasPrivateKey);
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            Assert.True(chain.Build(claim), "the claim does not chain to the written ca.pem");
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
            }

            return Convert.ToHexStringLower(SHA256.HashData(claim.RawData));
        }
    }
}
