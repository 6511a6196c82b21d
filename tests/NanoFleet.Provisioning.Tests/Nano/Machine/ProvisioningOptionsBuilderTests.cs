using System;
using nanoFramework.TestFramework;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>The options builder: defaults, claim defaults, and Build() naming every bad value.</summary>
    [TestClass]
    public class ProvisioningOptionsBuilderTests
    {
        [TestMethod]
        public void Build_DefaultsHappyPath()
        {
            ProvisioningOptions options = new ProvisioningOptionsBuilder().WithTemplateName("tpl").Build();
            Assert.AreEqual("tpl", options.TemplateName);
            Assert.AreEqual((int)FpFormat.Json, (int)options.Format);
            Assert.AreEqual("MacAddress", options.MacParameterName);
            Assert.AreEqual(3, options.CredentialsRejectedLimit);
            Assert.IsTrue(options.BackoffBaseMilliseconds <= options.BackoffCapMilliseconds);
        }

        [TestMethod]
        public void WithClaimDefaults_CopiesTemplateFormatAndParameters()
        {
            ProvisioningClaim claim = MachineHarness.NewClaim();
            claim.Format = FpFormat.Cbor;
            ProvisioningOptions options = new ProvisioningOptionsBuilder().WithClaimDefaults(claim).WithParameter("Site", "B7").Build();
            Assert.AreEqual(MachineHarness.Template, options.TemplateName);
            Assert.AreEqual((int)FpFormat.Cbor, (int)options.Format);
            Assert.AreEqual("SN-0001", options.Parameters.Get("SerialNumber")!);
            Assert.AreEqual("B7", options.Parameters.Get("Site")!);
        }

        [TestMethod]
        public void Build_BadParams()
        {
            AssertRejected(new ProvisioningOptionsBuilder(), "Template name");
            AssertRejected(new ProvisioningOptionsBuilder().WithTemplateName("has space"), "has space");
            AssertRejected(new ProvisioningOptionsBuilder().WithTemplateName("t").WithBackoff(2000, 1000, 3), "Backoff cap");
            AssertRejected(new ProvisioningOptionsBuilder().WithTemplateName("t").WithBackoff(100, 1000, 0), "Max attempts");
            AssertRejected(new ProvisioningOptionsBuilder().WithTemplateName("t").WithStepTimeout(0), "Step timeout");
            AssertRejected(new ProvisioningOptionsBuilder().WithTemplateName("t").WithTokenExpiryMargin(3600000), "Token expiry margin");
            AssertRejected(new ProvisioningOptionsBuilder().WithTemplateName("t").WithCredentialsRejectedLimit(0), "Credentials-rejected limit");
            AssertRejected(new ProvisioningOptionsBuilder().WithTemplateName("t").WithMacParameterName(""), "MAC parameter name");
        }

        [TestMethod]
        public void Build_CopiesParametersSoLaterEditsDoNotLeakIn()
        {
            var builder = new ProvisioningOptionsBuilder().WithTemplateName("t").WithParameter("A", "1");
            ProvisioningOptions options = builder.Build();
            builder.WithParameter("B", "2");
            Assert.AreEqual(1, options.Parameters.Count);
        }

        private static void AssertRejected(ProvisioningOptionsBuilder builder, string named)
        {
            try
            {
                builder.Build();
            }
            catch (InvalidOperationException ex)
            {
                Assert.Contains(named, ex.Message);
                return;
            }

            Assert.IsTrue(false, "Build() accepted options that should name '" + named + "'.");
        }
    }
}
