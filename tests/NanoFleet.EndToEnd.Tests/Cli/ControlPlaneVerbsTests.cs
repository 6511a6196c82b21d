using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NanoFleet.Cli;
using NanoFleet.Cli.Demo;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Tests.Shared;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>
    /// `cloud claim revoke|deactivate|activate`, `cloud things list` and `cloud ca register` against a running emulator are
    /// AWS's calls on its control plane as the operator: an operator identity denied the action gets AccessDeniedException.
    /// With none running, deactivate and activate edit the data directory.
    /// </summary>
    [Collection(ConsoleCollection.Name)]
    public sealed class ControlPlaneVerbsTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-cloud-cpv-").FullName;

        private string Data => Path.Combine(_dir, "cloud");

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, true);
        }

        [Fact]
        public async Task Running_DeactivateActivateRevoke_SetTheClaimsStatus_RevokedIsFinal()
        {
            using var cloud = CloudProcess.Start(Data);
            string claimId = CreateClaim();

            AssertOk(Cloud("claim", "deactivate", claimId), $"claim {claimId} deactivated");
            Assert.Equal("INACTIVE", await StatusAsync(claimId));
            AssertOk(Cloud("claim", "activate", claimId), $"claim {claimId} activated");
            Assert.Equal("ACTIVE", await StatusAsync(claimId));
            AssertOk(Cloud("claim", "revoke", claimId), $"claim {claimId} revoked");
            Assert.Equal("REVOKED", await StatusAsync(claimId));

            var again = Cloud("claim", "activate", claimId);
            Assert.Equal(ExitCodes.Failure, again.ExitCode);
            Assert.Contains("CertificateStateException", again.Output);
            string unknown = new string('0', 64);
            var notFound = Cloud("claim", "deactivate", unknown);
            Assert.Equal(ExitCodes.BadInput, notFound.ExitCode);
            Assert.Contains("no claim certificate has id " + unknown, notFound.Output);

            Assert.Equal(ExitCodes.Success, cloud.Stop());
        }

        [Theory]
        [InlineData("UpdateCertificate", "claim", "revoke")]
        [InlineData("UpdateCertificate", "claim", "deactivate")]
        [InlineData("UpdateCertificate", "claim", "activate")]
        [InlineData("ListThings", "things", "list")]
        [InlineData("RegisterCACertificate", "ca", "register")]
        public void Running_OperatorDeniedTheAction_VerbGetsAccessDenied(string action, string noun, string verb)
        {
            using var cloud = CloudProcess.Start(Data);
            string argument = noun switch
            {
                "claim" => CreateClaim(),
                "ca" => CreateFactoryCa(cloud.Port()),
                _ => "",
            };
            var identities = new IdentityStore(Data);
            Assert.True(identities.Delete(DefaultIdentities.Operator));
            identities.Create(DefaultIdentities.Operator,
                $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:*","Resource":"*"},{"Effect":"Deny","Action":"iot:{{action}}","Resource":"*"}]}""");

            var denied = argument.Length == 0 ? Cloud(noun, verb) : Cloud(noun, verb, argument);

            Assert.Equal(ExitCodes.Failure, denied.ExitCode);
            Assert.Contains("AccessDeniedException", denied.Output);
            Assert.Equal(ExitCodes.Success, cloud.Stop());
        }

        [Fact]
        public async Task NotRunning_DeactivateAndActivate_EditTheDataDirectory()
        {
            await DataDirectory.CreateAsync(Data);
            string claimId = CreateClaim();

            AssertOk(Cloud("claim", "deactivate", claimId), $"claim {claimId} deactivated");
            Assert.Equal(NanoFleet.Cloud.CertificateStatus.Inactive, await OfflineStatusAsync(claimId));
            AssertOk(Cloud("claim", "activate", claimId), $"claim {claimId} activated");
            Assert.Equal(NanoFleet.Cloud.CertificateStatus.Active, await OfflineStatusAsync(claimId));
            var notFound = Cloud("claim", "activate", new string('0', 64));
            Assert.Equal(ExitCodes.BadInput, notFound.ExitCode);
        }

        private string CreateClaim()
        {
            Assert.Equal(ExitCodes.Success, Cloud("template", "put", DemoTemplate.Name, WriteFile("template.json", DemoTemplate.Body)).ExitCode);
            var claim = Cloud("claim", "create", "--template", DemoTemplate.Name, "-o", Path.Combine(_dir, "claim"), "--force");
            Assert.True(claim.ExitCode == ExitCodes.Success, claim.Output);
            return Regex.Match(claim.Output, "claim ([0-9a-f]{64}) for template").Groups[1].Value;
        }

        private string CreateFactoryCa(int port)
        {
            string factory = Path.Combine(_dir, "factory-ca");
            var created = ConsoleCapture.Run("cloud", "ca", "create", factory, "--name", "Line 1", "--server-ca", Path.Combine(Data, "ca.crt"), "--endpoint", "127.0.0.1:" + port);
            Assert.True(created.ExitCode == ExitCodes.Success, created.Output);
            return factory;
        }

        private async Task<string> StatusAsync(string certificateId)
        {
            using var client = RunningControlPlane.Find(Data)!.Connect(Data);
            JsonObject described = (await client.SendAsync("GET", "/certificates/" + certificateId, null))!;
            return (string)described["certificateDescription"]!["status"]!;
        }

        private async Task<NanoFleet.Cloud.CertificateStatus> OfflineStatusAsync(string certificateId)
        {
            await using var emulator = new NanoFleet.Cloud.FleetEmulator(new NanoFleet.Cloud.Options.EmulatorOptionsBuilder().WithDataDirectory(Data).Build());
            await emulator.OpenAsync();
            return (await emulator.Certificates.GetAsync(certificateId))!.Status;
        }

        private static void AssertOk((int ExitCode, string Output) result, string expected)
        {
            Assert.True(result.ExitCode == ExitCodes.Success, result.Output);
            Assert.Contains(expected, result.Output);
        }

        private (int ExitCode, string Output) Cloud(params string[] verb) => ConsoleCapture.Run(["cloud", .. verb, "--data", Data]);

        private string WriteFile(string name, string text)
        {
            string path = Path.Combine(_dir, name);
            File.WriteAllText(path, text);
            return path;
        }
    }
}
