using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>A JITP image's config: the nanofleet-jitp/1 tag with only the endpoint, no template.</summary>
    [TestClass]
    public class JitpConfigTests
    {
        [TestMethod]
        public void EncodeDecode_JitpHappyPath()
        {
            var written = new ProvisioningClaim { EndpointHost = "iot.example", EndpointPort = 18883, JustInTime = true };
            byte[]? data;
            string error;
            Assert.AreEqual((int)FpStatus.Success, (int)ClaimConfigCodec.Encode(written, out data, out error), error);
            Assert.AreEqual("nanofleet-jitp/1\nhost=iot.example\nport=18883\n", TestBytes.TextOf(data));

            var read = new ProvisioningClaim { TemplateName = "left-over" };
            Assert.AreEqual((int)FpStatus.Success, (int)ClaimConfigCodec.Decode(data!, 0, data!.Length, read, out error), error);
            Assert.IsTrue(read.JustInTime);
            Assert.AreEqual("iot.example", read.EndpointHost);
            Assert.AreEqual(18883, read.EndpointPort);
            Assert.AreEqual("", read.TemplateName);
        }

        [TestMethod]
        public void Decode_ClaimConfigStillNeedsTemplate()
        {
            byte[] data = TestBytes.Utf8Of("nanofleet-claim/1\nhost=iot.example\n");
            var read = new ProvisioningClaim();
            string error;
            Assert.AreEqual((int)FpStatus.BadParameter, (int)ClaimConfigCodec.Decode(data, 0, data.Length, read, out error));
            Assert.IsFalse(read.JustInTime);
            Assert.IsTrue(error.IndexOf("template") >= 0, error);
        }
    }
}
