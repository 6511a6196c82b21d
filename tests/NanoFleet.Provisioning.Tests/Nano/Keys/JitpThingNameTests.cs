using NanoFleet.Provisioning.Keys;
using nanoFramework.TestFramework;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>The JITP thing name is the device certificate's commonName (the template's ThingName rule).</summary>
    [TestClass]
    public class JitpThingNameTests
    {
        [TestMethod]
        public void Read_CommonNameHappyPath()
        {
            string thing;
            string error;
            Assert.AreEqual((int)FpStatus.Success, (int)JitpThingName.Read(TestSubjectCertificate.Pem("NF-000042"), out thing, out error), error);
            Assert.AreEqual("NF-000042", thing);
        }

        [TestMethod]
        public void Read_ChainTakesTheFirstCertificate()
        {
            byte[] chain = TestBytes.Utf8Of(TestBytes.TextOf(TestSubjectCertificate.Pem("dev-7"))! + TestBytes.TextOf(TestSubjectCertificate.Pem("Factory CA"))!);
            string thing;
            string error;
            Assert.AreEqual((int)FpStatus.Success, (int)JitpThingName.Read(chain, out thing, out error), error);
            Assert.AreEqual("dev-7", thing);
        }

        [TestMethod]
        public void Read_NoCommonName()
        {
            string thing;
            string error;
            Assert.AreEqual((int)FpStatus.NoMatch, (int)JitpThingName.Read(TestSubjectCertificate.Pem(null), out thing, out error));
            Assert.AreEqual("", thing);
            Assert.IsTrue(error.IndexOf("commonName") >= 0, error);
        }

        [TestMethod]
        public void Read_BadParams()
        {
            string thing;
            string error;
            Assert.AreEqual((int)FpStatus.BadParameter, (int)JitpThingName.Read(TestBytes.Utf8Of("not a certificate"), out thing, out error));
            Assert.AreEqual((int)FpStatus.BadParameter, (int)JitpThingName.Read(
                TestBytes.Utf8Of("-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n"), out thing, out error));
        }
    }
}
