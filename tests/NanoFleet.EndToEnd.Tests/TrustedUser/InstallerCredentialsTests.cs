using System.Collections.Generic;
using System.IO;
using NanoFleet.Cli.Installer;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.TrustedUser
{
    /// <summary>Where `installer claim` finds the installer's key: a shared-credentials file, or the AWS_* environment.</summary>
    public sealed class InstallerCredentialsTests
    {
        [Fact]
        public void ProfileFile_NamedSectionWins_CommandLineRegionOverrides()
        {
            string file = Path.GetTempFileName();
            try
            {
                File.WriteAllText(file, "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s1\nregion = eu-west-1\n\n" +
                    "# the installer\n[profile field]\naws_access_key_id=AKIAFIELD\naws_secret_access_key=s2\nregion=us-east-2\n");

                var field = InstallerCredentials.Load(file, "field", null, _ => null);
                Assert.Equal(("AKIAFIELD", "s2", "us-east-2"), (field.AccessKeyId, field.SecretAccessKey, field.Region));
                Assert.Equal("ap-south-1", InstallerCredentials.Load(file, "default", "ap-south-1", _ => null).Region);
                Assert.DoesNotContain("s1", InstallerCredentials.Load(file, "default", null, _ => null).ToString());
                var missing = Assert.Throws<InvalidDataException>(() => InstallerCredentials.Load(file, "nobody", null, _ => null));
                Assert.Contains("[nobody]", missing.Message);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void Environment_MissingSecret_IsNamedWithoutAnyValue()
        {
            var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIAENV", ["AWS_REGION"] = "us-east-1" };

            var error = Assert.Throws<InvalidDataException>(() => InstallerCredentials.Load(null, "default", null, n => environment.GetValueOrDefault(n)));

            Assert.Contains("aws_secret_access_key", error.Message);
            environment["AWS_SECRET_ACCESS_KEY"] = "hidden";
            Assert.Equal("AKIAENV", InstallerCredentials.Load(null, "default", null, n => environment.GetValueOrDefault(n)).AccessKeyId);
        }
    }
}
