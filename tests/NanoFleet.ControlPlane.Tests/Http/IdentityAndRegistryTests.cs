using System.Collections.Concurrent;
using System.IO;
using System.Threading.Tasks;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.ControlPlane.Tests.Support;

namespace NanoFleet.ControlPlane.Tests.Http
{
    /// <summary>Where keys live and what the log may hold; templates stored before the control plane existed.</summary>
    public sealed class IdentityAndRegistryTests
    {
        [Fact]
        public async Task Identities_AreOwnerOnly_AndNoSecretReachesTheLog()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var log = new ConcurrentQueue<string>();
            cloud.Emulator.LogWritten += (_, e) => log.Enqueue(e.ToString());
            using var client = cloud.Client();
            using var wrong = new NanoFleet.Cloud.ControlPlane.ControlPlaneClient(cloud.Endpoint, cloud.Region, cloud.Identity(DefaultIdentities.Operator).Key.Id, new string('w', 40));

            await client.SendAsync("GET", "/provisioning-templates", null);
            await Assert.ThrowsAsync<NanoFleet.Cloud.ControlPlane.AwsServiceException>(() => wrong.SendAsync("GET", "/provisioning-templates", null));

            string file = Path.Combine(cloud.Directory, IdentityStore.FileName);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Contains(log, line => line.Contains("ListProvisioningTemplates by operator: 200"));
            foreach (string name in new[] { DefaultIdentities.Operator, DefaultIdentities.Installer })
            {
                Assert.DoesNotContain(log, line => line.Contains(cloud.Identity(name).Key.Secret));
                Assert.DoesNotContain(cloud.Identity(name).Key.Secret, cloud.Identity(name).ToString());
            }
        }

        [Fact]
        public async Task IdentityStore_RefusesBadNamesTakenNamesAndPrincipals()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var store = cloud.Emulator.Identities;
            const string policy = """{"Statement":{"Effect":"Allow","Action":"iot:*","Resource":"*"}}""";

            Assert.Contains("not 1-64 characters", Assert.Throws<System.ArgumentException>(() => store.Create("bad name", policy)).Message);
            Assert.Contains("already exists", Assert.Throws<System.ArgumentException>(() => store.Create(DefaultIdentities.Operator, policy)).Message);
            Assert.Throws<NanoFleet.Cloud.ControlPlane.Iam.InvalidPolicyDocumentException>(() =>
                store.Create("x", """{"Statement":{"Effect":"Allow","Principal":"*","Action":"iot:*","Resource":"*"}}"""));
            Assert.Equal(new[] { DefaultIdentities.Installer, DefaultIdentities.Operator }, System.Linq.Enumerable.Select(store.List(), i => i.Name));
        }

        [Fact]
        public async Task TemplateStoredInProcess_DescribesWithAwsDefaults()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            await cloud.Emulator.Templates.PutAsync("legacy", Templates.Body);
            using var client = cloud.Client();

            var described = await client.SendAsync("GET", "/provisioning-templates/legacy", null);

            Assert.Equal("FLEET_PROVISIONING", (string?)described!["type"]);
            Assert.Equal(1, (int?)described["defaultVersionId"]);
            Assert.Null(described["provisioningRoleArn"]);
            Assert.True((double?)described["creationDate"] > 1_600_000_000);
        }
    }
}
