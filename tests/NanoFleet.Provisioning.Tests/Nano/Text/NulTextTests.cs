using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>
    /// U+0000 ends a nanoCLR string ("a\0b" is "a"), so text the core would hold as a string refuses
    /// it with a clear error instead of cutting it short; text it keeps as bytes (certificate, key,
    /// token) keeps it. The NUL here is always in bytes: no string on the device can carry one
    /// (writers refusing a string with a NUL are tested on the host, Host/Text/UnrepresentableTextTests.cs).
    /// </summary>
    [TestClass]
    public class NulTextTests
    {
        [TestMethod]
        public void ReadRegisterThingAccepted_NulInStringRefused()
        {
            byte[][] json =
            {
                TestBytes.Utf8Of("{\"thingName\":\"a\\u0000b\"}"),
                TestBytes.Utf8Of("{\"thingName\":\"t\",\"deviceConfiguration\":{\"k\":\"v\\u0000\"}}"),
                TestBytes.Utf8Of("{\"thingName\":\"t\",\"deviceConfiguration\":{\"\\u0000k\":\"v\"}}"),
            };
            for (int i = 0; i < json.Length; i++)
            {
                ExpectNulRefused(FpFormat.Json, json[i], "json #" + i);
            }

            byte[][] cbor =
            {
                TestBytes.Concat(TestBytes.CborMap(1), TestBytes.CborText("thingName"), TestBytes.Hex("63 61 00 62")),
                TestBytes.Concat(TestBytes.CborMap(2), TestBytes.CborText("thingName"), TestBytes.CborText("t"),
                    TestBytes.CborText("deviceConfiguration"), TestBytes.CborMap(1), TestBytes.CborText("k"), TestBytes.Hex("62 76 00")),
                TestBytes.Concat(TestBytes.CborMap(2), TestBytes.CborText("thingName"), TestBytes.CborText("t"),
                    TestBytes.CborText("deviceConfiguration"), TestBytes.CborMap(1), TestBytes.Hex("62 00 6b"), TestBytes.CborText("v")),
            };
            for (int i = 0; i < cbor.Length; i++)
            {
                ExpectNulRefused(FpFormat.Cbor, cbor[i], "cbor #" + i);
            }
        }

        [TestMethod]
        public void ReadCreateCertificateAccepted_NulKeptInBytesHappyPath()
        {
            byte[] json = TestBytes.Utf8Of("{\"certificateId\":\"id\",\"certificatePem\":\"c\\u0000p\",\"privateKey\":\"k\",\"certificateOwnershipToken\":\"t\"}");
            var result = new CreateCertificateAccepted();
            var error = new FpReadError();
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, json, 0, json.Length, FpReaderOptions.Default, true, result, error));
            CollectionAssert.AreEqual(TestBytes.Hex("63 00 70"), result.CertificatePem);
        }

        [TestMethod]
        public void ClaimConfig_NulRefused()
        {
            byte[] data = TestBytes.Concat(TestBytes.Utf8Of("nanofleet-claim/1\nhost=h\ntemplate=t\nparam.x=a"), TestBytes.Hex("00"), TestBytes.Utf8Of("b\n"));
            var claim = new ProvisioningClaim();
            Assert.AreEqual((int)FpStatus.BadParameter, (int)ClaimConfigCodec.Decode(data, 0, data.Length, claim, out string error));
            Assert.Contains("U+0000", error);
        }

        private static void ExpectNulRefused(FpFormat format, byte[] payload, string what)
        {
            var result = new RegisterThingAccepted();
            var error = new FpReadError();
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadRegisterThingAccepted(format, payload, 0, payload.Length, null!, result, error), what);
            Assert.AreEqual((int)FpReadErrorKind.NulInText, (int)error.Kind, what);
        }
    }
}
