using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>
    /// Characters outside the BMP where the nanoCLR broke the core: its strings are UTF-8 inside, so
    /// its indexer returns the high surrogate for both halves of such a character and IndexOf and
    /// Substring go wrong after one. Each test puts one (🚀, U+1F680) before and inside the text
    /// that matters.
    /// </summary>
    [TestClass]
    public class NonBmpTextTests
    {
        private const string Rocket = "\U0001F680";

        [TestMethod]
        public void Utf8_EncodeAndCompare_NonBmpHappyPath()
        {
            string text = "A" + Rocket + "BC";
            Assert.AreEqual(7, Utf8.GetByteCount(text));
            byte[] utf8 = TestBytes.Utf8Of(text);
            CollectionAssert.AreEqual(TestBytes.Hex("41 f0 9f 9a 80 42 43"), utf8);
            Assert.IsTrue(Utf8.EqualsText(utf8, 0, utf8.Length, text));
            Assert.IsFalse(Utf8.EqualsText(utf8, 0, utf8.Length, "A" + Rocket + "BD"));
            Assert.IsTrue(Utf8.Contains("x" + Rocket + "A" + Rocket + "BC", utf8));
            Assert.AreEqual(text, TestBytes.TextOf(utf8));
        }

        [TestMethod]
        public void ReadRegisterThingAccepted_NonBmpThingNameAndConfigurationHappyPath()
        {
            byte[] raw = TestBytes.Utf8Of("{\"thingName\":\"t" + Rocket + "1\",\"deviceConfiguration\":{\"k" + Rocket + "\":\"" + Rocket + "=v\"}}");
            byte[] escaped = TestBytes.Utf8Of("{\"thingName\":\"t\\ud83d\\ude801\",\"deviceConfiguration\":{\"k\\uD83D\\uDE80\":\"\\ud83d\\ude80=v\"}}");
            byte[] cbor = TestBytes.Concat(TestBytes.CborMap(2), TestBytes.CborText("thingName"), TestBytes.CborText("t" + Rocket + "1"),
                TestBytes.CborText("deviceConfiguration"), TestBytes.CborMap(1), TestBytes.CborText("k" + Rocket), TestBytes.CborText(Rocket + "=v"));
            byte[][] payloads = { raw, escaped, cbor };
            for (int i = 0; i < payloads.Length; i++)
            {
                var result = new RegisterThingAccepted();
                var error = new FpReadError();
                FpFormat format = i < 2 ? FpFormat.Json : FpFormat.Cbor;
                Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadReader.ReadRegisterThingAccepted(format, payloads[i], 0, payloads[i].Length, null!, result, error), "payload #" + i);
                Assert.AreEqual("t" + Rocket + "1", result.ThingName, "payload #" + i);
                Assert.AreEqual(Rocket + "=v", result.DeviceConfiguration.Get("k" + Rocket) ?? "<missing>", "payload #" + i);
            }
        }

        [TestMethod]
        public void ClaimConfig_NonBmpParameterNameAndValueHappyPath()
        {
            var claim = new ProvisioningClaim { EndpointHost = "a1-ats.iot.eu-west-1.amazonaws.com", EndpointPort = 8883, TemplateName = "T_1" };
            claim.Parameters.Set("Site" + Rocket, Rocket + "=x\\y\n" + Rocket);
            byte[]? data;
            string error;
            Assert.AreEqual((int)FpStatus.Success, (int)ClaimConfigCodec.Encode(claim, out data, out error), error);
            var back = new ProvisioningClaim();
            Assert.AreEqual((int)FpStatus.Success, (int)ClaimConfigCodec.Decode(data!, 0, data!.Length, back, out error), error);
            Assert.AreEqual(1, back.Parameters.Count);
            Assert.AreEqual(Rocket + "=x\\y\n" + Rocket, back.Parameters.Get("Site" + Rocket) ?? "<missing>");
        }

        [TestMethod]
        public void MatchTopic_NonBmpNeverMatches()
        {
            string[] topics =
            {
                "$aws/provisioning-templates/" + Rocket + "/provision/json",
                "$aws/provisioning-templates/T" + Rocket + "/provision/json/accepted",
                "$aws/certificates/create/json/accepted" + Rocket,
                Rocket + "$aws/certificates/create/json",
            };
            for (int i = 0; i < topics.Length; i++)
            {
                Assert.AreEqual((int)FpStatus.NoMatch, (int)FpTopics.MatchTopic(topics[i], out FpTopic match, out string name), "topic #" + i);
                Assert.AreEqual((int)FpTopic.Invalid, (int)match);
                Assert.AreEqual("", name);
            }

            Assert.AreEqual((int)FpStatus.Success, (int)FpTopics.MatchTopic("$aws/provisioning-templates/T-1/provision/json/accepted", out FpTopic _, out string template));
            Assert.AreEqual("T-1", template);
        }

        [TestMethod]
        public void Classify_CodeAfterNonBmpStillFound()
        {
            var throttled = new ErrorResponse { StatusCode = 400, ErrorCode = Rocket + "Throttling" };
            Assert.AreEqual((int)FailureClass.Transient, (int)FailureClassifier.Classify(throttled));
            var token = new ErrorResponse { StatusCode = 400, ErrorCode = "x", ErrorMessage = Rocket + " bad ownership token" };
            Assert.AreEqual((int)FailureClass.TokenInvalid, (int)FailureClassifier.Classify(token));
        }
    }
}
