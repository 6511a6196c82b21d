using nanoFramework.TestFramework;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>FpPayloadReader: the three responses in JSON and CBOR, and every way a payload can be refused.</summary>
    [TestClass]
    public class FpPayloadReaderTests
    {
        // Static: the nano launcher invokes tests without an instance. Sharing it is safe, as every read clears it first.
        private static readonly FpReadError Error = new FpReadError();

        [TestMethod]
        public void ReadCreateCertificateAccepted_JsonHappyPath() => CreateKeysHappyPath(FpFormat.Json, PayloadFixtures.CreateKeysAcceptedJson());

        [TestMethod]
        public void ReadCreateCertificateAccepted_CborHappyPath() => CreateKeysHappyPath(FpFormat.Cbor, PayloadFixtures.CreateKeysAcceptedCbor());

        [TestMethod]
        public void ReadCreateCertificateAccepted_CsrFlowHappyPath()
        {
            byte[] json = TestBytes.Utf8Of("{\"certificateOwnershipToken\":\"tok\",\"certificateId\":\"" + PayloadFixtures.CertificateId + "\",\"certificatePem\":\"pem\"}");
            var result = new CreateCertificateAccepted { PrivateKey = TestBytes.Utf8Of("stale") };
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, json, 0, json.Length, FpReaderOptions.Default, false, result, Error));
            Assert.IsNull(result.PrivateKey);
            Assert.AreEqual("tok", TestBytes.TextOf(result.CertificateOwnershipToken));
            Assert.AreEqual("pem", TestBytes.TextOf(result.CertificatePem));
        }

        [TestMethod]
        public void ReadCreateCertificateAccepted_AtOffsetHappyPath()
        {
            byte[] cbor = PayloadFixtures.CreateKeysAcceptedCbor();
            byte[] embedded = TestBytes.Embed(cbor, 17, 9);
            var result = new CreateCertificateAccepted();
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Cbor, embedded, 17, cbor.Length, FpReaderOptions.Default, true, result, Error));
            Assert.AreEqual(PayloadFixtures.PrivateKeyPem, TestBytes.TextOf(result.PrivateKey));
        }

        [TestMethod]
        public void ReadCreateCertificateAccepted_BadParams()
        {
            byte[] json = PayloadFixtures.CreateKeysAcceptedJson();
            var result = new CreateCertificateAccepted();
            ExpectBadArgument(FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, null!, 0, 0, null!, true, result, Error), "payload");
            ExpectBadArgument(FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, json, 0, json.Length, null!, true, null!, Error), "result");
            ExpectBadArgument(FpPayloadReader.ReadCreateCertificateAccepted((FpFormat)7, json, 0, json.Length, null!, true, result, Error), "format");
            ExpectBadArgument(FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, json, -1, 2, null!, true, result, Error), "offset");
            ExpectBadArgument(FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, json, json.Length + 1, 0, null!, true, result, Error), "offset");
            ExpectBadArgument(FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, json, 1, json.Length, null!, true, result, Error), "count");
            ExpectBadArgument(FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, json, 0, -1, null!, true, result, Error), "count");
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, json, 0, json.Length, null!, true, result, null!));
            Assert.AreEqual("", result.CertificateId);
        }

        [TestMethod]
        public void ReadCreateCertificateAccepted_MissingFields()
        {
            ExpectJson(FpReadErrorKind.MissingField, "privateKey", "{\"certificateId\":\"i\",\"certificatePem\":\"p\",\"certificateOwnershipToken\":\"t\"}");
            ExpectJson(FpReadErrorKind.MissingField, "certificateId", "{\"privateKey\":\"k\",\"certificatePem\":\"p\",\"certificateOwnershipToken\":\"t\"}");
            ExpectJson(FpReadErrorKind.MissingField, "certificatePem", "{\"certificateId\":\"i\",\"privateKey\":\"k\",\"certificateOwnershipToken\":\"t\"}");
            ExpectJson(FpReadErrorKind.MissingField, "certificateOwnershipToken", "{\"certificateId\":\"i\",\"certificatePem\":\"p\",\"privateKey\":\"k\"}");
            ExpectJson(FpReadErrorKind.MissingField, "certificateOwnershipToken", "{\"certificateId\":\"i\",\"certificatePem\":\"p\",\"privateKey\":\"k\",\"certificateOwnershipToken\":\"\"}");
            ExpectCbor(FpReadErrorKind.MissingField, "certificateId", TestBytes.Hex("a0"));
        }

        [TestMethod]
        public void ReadCreateCertificateAccepted_WrongTypes()
        {
            ExpectJson(FpReadErrorKind.WrongType, "certificatePem", "{\"certificateId\":\"i\",\"certificatePem\":42}");
            ExpectJson(FpReadErrorKind.WrongType, "privateKey", "{\"privateKey\":{\"pem\":\"k\"}}");
            ExpectJson(FpReadErrorKind.WrongType, "certificateId", "{\"certificateId\":null}");
            ExpectJson(FpReadErrorKind.WrongType, "", "[\"certificateId\"]");
            ExpectJson(FpReadErrorKind.WrongType, "", "\"just text\"");
            ExpectCbor(FpReadErrorKind.WrongType, "certificateId", TestBytes.Concat(TestBytes.CborMap(1), TestBytes.CborText("certificateId"), TestBytes.Hex("44 01 02 03 04")));
            ExpectCbor(FpReadErrorKind.WrongType, "certificatePem", TestBytes.Concat(TestBytes.CborMap(1), TestBytes.CborText("certificatePem"), TestBytes.Hex("c0 60")));
            ExpectCbor(FpReadErrorKind.WrongType, "", TestBytes.Concat(TestBytes.CborMap(1), TestBytes.CborInt(1), TestBytes.CborText("v")));
            ExpectCbor(FpReadErrorKind.WrongType, "", TestBytes.Hex("80"));
        }

        [TestMethod]
        public void ReadCreateCertificateAccepted_DuplicateFieldRefused()
        {
            ExpectJson(FpReadErrorKind.Syntax, "certificateId", "{\"certificateId\":\"a\",\"certificateId\":\"b\"}");
            ExpectCbor(FpReadErrorKind.Syntax, "privateKey", TestBytes.Concat(TestBytes.CborMap(2), TestBytes.CborText("privateKey"), TestBytes.CborText("a"), TestBytes.CborText("privateKey"), TestBytes.CborText("b")));
        }

        [TestMethod]
        public void ReadCreateCertificateAccepted_EscapedKeysAndValuesHappyPath()
        {
            string json = "{\"certificate\\u0049d\":\"\\u0069d\",\"certificatePem\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u6c34\\ud83d\\ude00\",\"privateKey\":\"k\",\"certificateOwnershipToken\":\"t\"}";
            byte[] payload = TestBytes.Utf8Of(json);
            var result = new CreateCertificateAccepted();
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, payload, 0, payload.Length, FpReaderOptions.Default, true, result, Error), Error.ToString());
            Assert.AreEqual("id", result.CertificateId);
            Assert.AreEqual("a\"b\\c/d\b\f\n\r\t\u00e9\u6c34\ud83d\ude00", TestBytes.TextOf(result.CertificatePem));
        }

        [TestMethod]
        public void ReadCreateCertificateAccepted_EscapesAtEveryOffsetHappyPath()
        {
            // The copy finds each escape after a plain run with a native search: escapes first, last,
            // back to back, and after runs of every length.
            string digits = "0123456789";
            for (int p = 0; p <= digits.Length; p++)
            {
                string pem = "\n" + digits.Substring(0, p) + "\n\n\"" + digits.Substring(p) + "\u00e9\n";
                string escaped = "\\n" + digits.Substring(0, p) + "\\n\\n\\\"" + digits.Substring(p) + "\\u00e9\\n";
                byte[] payload = TestBytes.Utf8Of("{\"certificateId\":\"id\",\"certificatePem\":\"" + escaped + "\",\"privateKey\":\"k\",\"certificateOwnershipToken\":\"t\"}");
                var result = new CreateCertificateAccepted();
                Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, payload, 0, payload.Length, FpReaderOptions.Default, true, result, Error), Error.ToString());
                Assert.AreEqual(pem, TestBytes.TextOf(result.CertificatePem), "run of " + p);
            }
        }

        [TestMethod]
        public void ReadCreateCertificateAccepted_InvalidUtf8Refused()
        {
            ExpectJsonBytes(FpReadErrorKind.InvalidUtf8, TestBytes.Concat(TestBytes.Utf8Of("{\"certificateId\":\""), TestBytes.Hex("c0 80"), TestBytes.Utf8Of("\"}")), 18);
            ExpectJsonBytes(FpReadErrorKind.InvalidUtf8, TestBytes.Concat(TestBytes.Utf8Of("{\"certificateId\":\""), TestBytes.Hex("ed a0 80"), TestBytes.Utf8Of("\"}")), 18);
            ExpectJsonBytes(FpReadErrorKind.InvalidUtf8, TestBytes.Concat(TestBytes.Utf8Of("{\"x\":\""), TestBytes.Hex("f4 90 80 80"), TestBytes.Utf8Of("\"}")), 6);
            ExpectJsonBytes(FpReadErrorKind.InvalidUtf8, TestBytes.Concat(TestBytes.Utf8Of("{\"x\":\""), TestBytes.Hex("e6 b0"), TestBytes.Utf8Of("\"}")), 6);
            ExpectJson(FpReadErrorKind.InvalidUtf8, "certificateId", "{\"certificateId\":\"\\ud800\"}");
            ExpectJson(FpReadErrorKind.InvalidUtf8, "certificateId", "{\"certificateId\":\"\\ude00\\ud83d\"}");
            ExpectJson(FpReadErrorKind.InvalidUtf8, "certificateId", "{\"certificateId\":\"\\ud83d\\u0041\"}");
            ExpectCbor(FpReadErrorKind.InvalidUtf8, "certificateId", TestBytes.Concat(TestBytes.CborMap(1), TestBytes.CborText("certificateId"), TestBytes.Hex("62 c3 28")));
            // Strict mode validates skipped text too.
            ExpectCbor(FpReadErrorKind.InvalidUtf8, "", TestBytes.Concat(TestBytes.CborMap(1), TestBytes.CborText("other"), TestBytes.Hex("61 ff")));
        }

        [TestMethod]
        public void ReadCreateCertificateAccepted_SyntaxErrorsRefused()
        {
            string[] bad =
            {
                "{\"a\" \"b\"}", "{\"a\":\"b\",}", "{,}", "{\"a\":tru}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}", "{\"a\":+1}", "{'a':1}",
                "{\"a\":\"\\x\"}", "{\"a\":\"\\u12g4\"}", "{\"a\":\"tab\there\"}", "{\"a\":[1,]}", "{\"a\":[1 2]}", "{a:1}", "{\"a\":1]",
            };
            for (int i = 0; i < bad.Length; i++)
            {
                byte[] payload = TestBytes.Utf8Of(bad[i]);
                Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, payload, 0, payload.Length, null!, true, new CreateCertificateAccepted(), Error), bad[i]);
                Assert.AreEqual((int)FpReadErrorKind.Syntax, (int)Error.Kind, bad[i]);
            }
        }

        [TestMethod]
        public void ReadCreateCertificateAccepted_TrailingDataRefused()
        {
            ExpectJsonBytes(FpReadErrorKind.TrailingData, TestBytes.Utf8Of("{} {}"), 3);
            ExpectJsonBytes(FpReadErrorKind.TrailingData, TestBytes.Utf8Of("{}x"), 2);
            byte[] cbor = TestBytes.Concat(PayloadFixtures.CreateKeysAcceptedCbor(), TestBytes.Hex("00"));
            var result = new CreateCertificateAccepted();
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Cbor, cbor, 0, cbor.Length, null!, true, result, Error));
            Assert.AreEqual((int)FpReadErrorKind.TrailingData, (int)Error.Kind);
            Assert.AreEqual(cbor.Length - 1, Error.Offset);
        }

        /// <summary>A complete, valid response followed by anything is refused, for every response type.</summary>
        [TestMethod]
        public void ReadAllResponses_TrailingDataAfterValidPayloadRefused()
        {
            for (int f = 0; f < 2; f++)
            {
                FpFormat format = (FpFormat)f;
                byte[] trailer = format == FpFormat.Json ? TestBytes.Utf8Of(" x") : TestBytes.Hex("f6");
                byte[] create = TestBytes.Concat(format == FpFormat.Json ? PayloadFixtures.CreateKeysAcceptedJson() : PayloadFixtures.CreateKeysAcceptedCbor(), trailer);
                byte[] register = TestBytes.Concat(format == FpFormat.Json ? PayloadFixtures.RegisterAcceptedJson() : PayloadFixtures.RegisterAcceptedCbor(), trailer);
                byte[] rejected = TestBytes.Concat(format == FpFormat.Json ? PayloadFixtures.ErrorJson() : PayloadFixtures.ErrorCbor(), trailer);
                var createResult = new CreateCertificateAccepted();
                var registerResult = new RegisterThingAccepted();
                var errorResult = new ErrorResponse();
                Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadCreateCertificateAccepted(format, create, 0, create.Length, null!, true, createResult, Error));
                Assert.AreEqual((int)FpReadErrorKind.TrailingData, (int)Error.Kind);
                Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadRegisterThingAccepted(format, register, 0, register.Length, null!, registerResult, Error));
                Assert.AreEqual((int)FpReadErrorKind.TrailingData, (int)Error.Kind);
                Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadErrorResponse(format, rejected, 0, rejected.Length, null!, errorResult, Error));
                Assert.AreEqual((int)FpReadErrorKind.TrailingData, (int)Error.Kind);
                Assert.AreEqual("", createResult.CertificateId);
                Assert.AreEqual("", registerResult.ThingName);
                Assert.AreEqual("", errorResult.ErrorCode);
            }
        }

        /// <summary>Every proper prefix of a valid response is refused (never thrown), and the result stays untouched.</summary>
        [TestMethod]
        public void ReadCreateCertificateAccepted_EveryTruncationRefused()
        {
            for (int f = 0; f < 2; f++)
            {
                FpFormat format = (FpFormat)f;
                byte[] payload = format == FpFormat.Json ? PayloadFixtures.CreateKeysAcceptedJson() : PayloadFixtures.CreateKeysAcceptedCbor();
                var result = new CreateCertificateAccepted();
                for (int length = 0; length < payload.Length; length++)
                {
                    FpStatus status = FpPayloadReader.ReadCreateCertificateAccepted(format, payload, 0, length, null!, true, result, Error);
                    Assert.AreEqual((int)FpStatus.BadParameter, (int)status, "length " + length);
                    Assert.IsTrue(Error.Kind != FpReadErrorKind.None);
                    Assert.AreEqual("", result.CertificateId);
                }
            }
        }

        [TestMethod]
        public void ReadCreateCertificateAccepted_TooLargeAndTooDeep()
        {
            byte[] json = PayloadFixtures.CreateKeysAcceptedJson();
            var small = new FpReaderOptions { MaxPayloadBytes = json.Length - 1 };
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, json, 0, json.Length, small, true, new CreateCertificateAccepted(), Error));
            Assert.AreEqual((int)FpReadErrorKind.TooLarge, (int)Error.Kind);
            var exact = new FpReaderOptions { MaxPayloadBytes = json.Length };
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, json, 0, json.Length, exact, true, new CreateCertificateAccepted(), Error));

            // The unknown member nests 3 deep below the top level (object, array, object): depth 4.
            var shallow = new FpReaderOptions { MaxDepth = 3 };
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, json, 0, json.Length, shallow, true, new CreateCertificateAccepted(), Error));
            Assert.AreEqual((int)FpReadErrorKind.TooDeep, (int)Error.Kind);
            var enough = new FpReaderOptions { MaxDepth = 4 };
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, json, 0, json.Length, enough, true, new CreateCertificateAccepted(), Error));

            byte[] cbor = PayloadFixtures.CreateKeysAcceptedCbor();
            var cborShallow = new FpReaderOptions { MaxDepth = 2 };
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Cbor, cbor, 0, cbor.Length, cborShallow, true, new CreateCertificateAccepted(), Error));
            Assert.AreEqual((int)FpReadErrorKind.TooDeep, (int)Error.Kind);

            string deep = "{\"x\":";
            for (int i = 0; i < 1000; i++)
            {
                deep += "[";
            }

            ExpectJson(FpReadErrorKind.TooDeep, "", deep);
        }

        [TestMethod]
        public void ReadError_ToStringNeverShowsContent()
        {
            string secret = "SECRET-TOKEN-VALUE";
            ExpectJson(FpReadErrorKind.Syntax, "certificateOwnershipToken", "{\"certificateOwnershipToken\":\"" + secret + "\",\"certificateOwnershipToken\":\"" + secret + "\"}");
            string text = Error.ToString();
            Assert.DoesNotContains(secret, text);
            Assert.Contains("certificateOwnershipToken", text);
            Assert.Contains("Syntax", text);
            Error.Clear();
            Assert.AreEqual("no error", Error.ToString());
            Assert.AreEqual(-1, Error.Offset);
        }

        [TestMethod]
        public void ReadRegisterThingAccepted_JsonHappyPath() => RegisterHappyPath(FpFormat.Json, PayloadFixtures.RegisterAcceptedJson());

        [TestMethod]
        public void ReadRegisterThingAccepted_CborHappyPath() => RegisterHappyPath(FpFormat.Cbor, PayloadFixtures.RegisterAcceptedCbor());

        [TestMethod]
        public void ReadRegisterThingAccepted_WithoutConfigurationHappyPath()
        {
            byte[] json = TestBytes.Utf8Of("{\"thingName\":\"t1\",\"deviceConfiguration\":{}}");
            var result = new RegisterThingAccepted();
            result.DeviceConfiguration.Set("old", "value");
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadReader.ReadRegisterThingAccepted(FpFormat.Json, json, 0, json.Length, null!, result, Error));
            Assert.AreEqual("t1", result.ThingName);
            Assert.AreEqual(0, result.DeviceConfiguration.Count);

            byte[] cbor = TestBytes.Concat(TestBytes.CborMap(1), TestBytes.CborText("thingName"), TestBytes.CborText("t2"));
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadReader.ReadRegisterThingAccepted(FpFormat.Cbor, cbor, 0, cbor.Length, null!, result, Error));
            Assert.AreEqual("t2", result.ThingName);
        }

        [TestMethod]
        public void ReadRegisterThingAccepted_NestedConfigurationRefused()
        {
            var result = new RegisterThingAccepted();
            byte[] json = TestBytes.Utf8Of("{\"thingName\":\"t\",\"deviceConfiguration\":{\"a\":\"b\",\"nested\":{\"c\":\"d\"}}}");
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadRegisterThingAccepted(FpFormat.Json, json, 0, json.Length, null!, result, Error));
            Assert.AreEqual((int)FpReadErrorKind.WrongType, (int)Error.Kind);
            Assert.AreEqual("deviceConfiguration", Error.Field);
            Assert.AreEqual("", result.ThingName);
            Assert.AreEqual(0, result.DeviceConfiguration.Count);

            byte[] cbor = TestBytes.Concat(TestBytes.CborMap(1), TestBytes.CborText("deviceConfiguration"), TestBytes.CborMap(1), TestBytes.CborText("n"), TestBytes.CborInt(5));
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadRegisterThingAccepted(FpFormat.Cbor, cbor, 0, cbor.Length, null!, result, Error));
            Assert.AreEqual((int)FpReadErrorKind.WrongType, (int)Error.Kind);
            Assert.AreEqual("deviceConfiguration", Error.Field);

            byte[] array = TestBytes.Utf8Of("{\"thingName\":\"t\",\"deviceConfiguration\":[\"a\"]}");
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadRegisterThingAccepted(FpFormat.Json, array, 0, array.Length, null!, result, Error));
            Assert.AreEqual((int)FpReadErrorKind.WrongType, (int)Error.Kind);
        }

        [TestMethod]
        public void ReadRegisterThingAccepted_ConfigurationLimits()
        {
            var options = new FpReaderOptions { MaxMapEntries = 2 };
            var result = new RegisterThingAccepted();
            byte[] two = TestBytes.Utf8Of("{\"thingName\":\"t\",\"deviceConfiguration\":{\"a\":\"1\",\"b\":\"2\"}}");
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadReader.ReadRegisterThingAccepted(FpFormat.Json, two, 0, two.Length, options, result, Error));
            Assert.AreEqual(2, result.DeviceConfiguration.Count);

            byte[] three = TestBytes.Utf8Of("{\"thingName\":\"t\",\"deviceConfiguration\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}}");
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadRegisterThingAccepted(FpFormat.Json, three, 0, three.Length, options, result, Error));
            Assert.AreEqual((int)FpReadErrorKind.TooLarge, (int)Error.Kind);
            Assert.AreEqual("deviceConfiguration", Error.Field);
            Assert.AreEqual(56, Error.Offset);

            byte[] repeated = TestBytes.Concat(
                TestBytes.CborMap(2), TestBytes.CborText("thingName"), TestBytes.CborText("t"),
                TestBytes.CborText("deviceConfiguration"), TestBytes.CborMap(2), TestBytes.CborText("k"), TestBytes.CborText("1"), TestBytes.CborText("k"), TestBytes.CborText("2"));
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadRegisterThingAccepted(FpFormat.Cbor, repeated, 0, repeated.Length, null!, result, Error));
            Assert.AreEqual((int)FpReadErrorKind.Syntax, (int)Error.Kind);
            Assert.AreEqual("deviceConfiguration", Error.Field);
            Assert.AreEqual(2, result.DeviceConfiguration.Count);
            Assert.AreEqual("1", result.DeviceConfiguration.Get("a"));
        }

        [TestMethod]
        public void ReadRegisterThingAccepted_BadParams()
        {
            byte[] json = PayloadFixtures.RegisterAcceptedJson();
            ExpectBadArgument(FpPayloadReader.ReadRegisterThingAccepted(FpFormat.Json, null!, 0, 0, null!, new RegisterThingAccepted(), Error), "payload");
            ExpectBadArgument(FpPayloadReader.ReadRegisterThingAccepted(FpFormat.Json, json, 0, json.Length, null!, null!, Error), "result");
            ExpectBadArgument(FpPayloadReader.ReadRegisterThingAccepted(FpFormat.Json, json, 2, json.Length - 1, null!, new RegisterThingAccepted(), Error), "count");
            var result = new RegisterThingAccepted();
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadRegisterThingAccepted(FpFormat.Json, json, 0, 0, null!, result, Error));
            Assert.AreEqual((int)FpReadErrorKind.Truncated, (int)Error.Kind);
            byte[] noName = TestBytes.Utf8Of("{\"deviceConfiguration\":{}}");
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadRegisterThingAccepted(FpFormat.Json, noName, 0, noName.Length, null!, result, Error));
            Assert.AreEqual((int)FpReadErrorKind.MissingField, (int)Error.Kind);
            Assert.AreEqual("thingName", Error.Field);
        }

        [TestMethod]
        public void ReadErrorResponse_JsonHappyPath() => ErrorHappyPath(FpFormat.Json, PayloadFixtures.ErrorJson());

        [TestMethod]
        public void ReadErrorResponse_CborHappyPath() => ErrorHappyPath(FpFormat.Cbor, PayloadFixtures.ErrorCbor());

        [TestMethod]
        public void ReadErrorResponse_FieldRules()
        {
            var result = new ErrorResponse();
            byte[] noMessage = TestBytes.Utf8Of("{\"errorCode\":\"ACCESS_DENIED\",\"statusCode\":403}");
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadReader.ReadErrorResponse(FpFormat.Json, noMessage, 0, noMessage.Length, null!, result, Error));
            Assert.AreEqual(403, result.StatusCode);
            Assert.AreEqual("", result.ErrorMessage);

            string[] bad = { "{\"errorCode\":\"x\"}", "{\"statusCode\":\"400\",\"errorCode\":\"x\"}", "{\"statusCode\":400.5,\"errorCode\":\"x\"}", "{\"statusCode\":4e2,\"errorCode\":\"x\"}", "{\"statusCode\":2147483648,\"errorCode\":\"x\"}", "{\"statusCode\":400}", "{\"statusCode\":400,\"statusCode\":401,\"errorCode\":\"x\"}" };
            int[] kinds = { (int)FpReadErrorKind.MissingField, (int)FpReadErrorKind.WrongType, (int)FpReadErrorKind.WrongType, (int)FpReadErrorKind.WrongType, (int)FpReadErrorKind.WrongType, (int)FpReadErrorKind.MissingField, (int)FpReadErrorKind.Syntax };
            string[] fields = { "statusCode", "statusCode", "statusCode", "statusCode", "statusCode", "errorCode", "statusCode" };
            for (int i = 0; i < bad.Length; i++)
            {
                byte[] payload = TestBytes.Utf8Of(bad[i]);
                Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadErrorResponse(FpFormat.Json, payload, 0, payload.Length, null!, result, Error), bad[i]);
                Assert.AreEqual(kinds[i], (int)Error.Kind, bad[i]);
                Assert.AreEqual(fields[i], Error.Field, bad[i]);
            }

            byte[] negative = TestBytes.Concat(TestBytes.CborMap(2), TestBytes.CborText("statusCode"), TestBytes.Hex("3a 7f ff ff ff"), TestBytes.CborText("errorCode"), TestBytes.CborText("x"));
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadReader.ReadErrorResponse(FpFormat.Cbor, negative, 0, negative.Length, null!, result, Error));
            Assert.AreEqual(int.MinValue, result.StatusCode);
            byte[] tooBig = TestBytes.Concat(TestBytes.CborMap(2), TestBytes.CborText("statusCode"), TestBytes.Hex("1a 80 00 00 00"), TestBytes.CborText("errorCode"), TestBytes.CborText("x"));
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadReader.ReadErrorResponse(FpFormat.Cbor, tooBig, 0, tooBig.Length, null!, result, Error));
            Assert.AreEqual((int)FpReadErrorKind.WrongType, (int)Error.Kind);
            Assert.AreEqual("statusCode", Error.Field);
        }

        [TestMethod]
        public void ReadErrorResponse_BadParams()
        {
            byte[] json = PayloadFixtures.ErrorJson();
            ExpectBadArgument(FpPayloadReader.ReadErrorResponse(FpFormat.Json, null!, 0, 0, null!, new ErrorResponse(), Error), "payload");
            ExpectBadArgument(FpPayloadReader.ReadErrorResponse(FpFormat.Json, json, 0, json.Length, null!, null!, Error), "result");
            ExpectBadArgument(FpPayloadReader.ReadErrorResponse((FpFormat)(-1), json, 0, json.Length, null!, new ErrorResponse(), Error), "format");
        }

        private void CreateKeysHappyPath(FpFormat format, byte[] payload)
        {
            var result = new CreateCertificateAccepted();
            FpStatus status = FpPayloadReader.ReadCreateCertificateAccepted(format, payload, 0, payload.Length, FpReaderOptions.Default, true, result, Error);
            Assert.AreEqual((int)FpStatus.Success, (int)status, Error.ToString());
            Assert.AreEqual((int)FpReadErrorKind.None, (int)Error.Kind);
            Assert.AreEqual(PayloadFixtures.CertificateId, result.CertificateId);
            Assert.AreEqual(PayloadFixtures.CertificatePem, TestBytes.TextOf(result.CertificatePem));
            Assert.AreEqual(PayloadFixtures.PrivateKeyPem, TestBytes.TextOf(result.PrivateKey));
            Assert.AreEqual(PayloadFixtures.Token, TestBytes.TextOf(result.CertificateOwnershipToken));
        }

        private void RegisterHappyPath(FpFormat format, byte[] payload)
        {
            var result = new RegisterThingAccepted();
            result.DeviceConfiguration.Set("stale", "entry");
            FpStatus status = FpPayloadReader.ReadRegisterThingAccepted(format, payload, 0, payload.Length, FpReaderOptions.Default, result, Error);
            Assert.AreEqual((int)FpStatus.Success, (int)status, Error.ToString());
            Assert.AreEqual("ThingPrefix_1", result.ThingName);
            Assert.AreEqual(2, result.DeviceConfiguration.Count);
            Assert.AreEqual("FallbackUrl", result.DeviceConfiguration.KeyAt(0));
            Assert.AreEqual("https://www.example.com/test-site", result.DeviceConfiguration.ValueAt(0));
            Assert.AreEqual("https://example.aws", result.DeviceConfiguration.Get("LocationUrl"));
        }

        private void ErrorHappyPath(FpFormat format, byte[] payload)
        {
            var result = new ErrorResponse();
            FpStatus status = FpPayloadReader.ReadErrorResponse(format, payload, 0, payload.Length, FpReaderOptions.Default, result, Error);
            Assert.AreEqual((int)FpStatus.Success, (int)status, Error.ToString());
            Assert.AreEqual(400, result.StatusCode);
            Assert.AreEqual("InvalidCertificateOwnershipToken", result.ErrorCode);
            Assert.AreEqual("Certificate ownership token cannot be empty.", result.ErrorMessage);
            Assert.AreEqual("400 InvalidCertificateOwnershipToken", result.ToString()); // the free text may quote a secret
        }

        private void ExpectBadArgument(FpStatus status, string field)
        {
            Assert.AreEqual((int)FpStatus.BadParameter, (int)status);
            Assert.AreEqual((int)FpReadErrorKind.BadArgument, (int)Error.Kind);
            Assert.AreEqual(field, Error.Field);
        }

        private void ExpectJson(FpReadErrorKind kind, string field, string json) => Expect(FpFormat.Json, kind, field, TestBytes.Utf8Of(json));

        private void ExpectCbor(FpReadErrorKind kind, string field, byte[] cbor) => Expect(FpFormat.Cbor, kind, field, cbor);

        private void Expect(FpFormat format, FpReadErrorKind kind, string field, byte[] payload)
        {
            var result = new CreateCertificateAccepted();
            FpStatus status = FpPayloadReader.ReadCreateCertificateAccepted(format, payload, 0, payload.Length, FpReaderOptions.Default, true, result, Error);
            Assert.AreEqual((int)FpStatus.BadParameter, (int)status);
            Assert.AreEqual((int)kind, (int)Error.Kind, Error.ToString());
            Assert.AreEqual(field, Error.Field, Error.ToString());
            Assert.AreEqual("", result.CertificateId);
        }

        private void ExpectJsonBytes(FpReadErrorKind kind, byte[] payload, int offset)
        {
            FpStatus status = FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Json, payload, 0, payload.Length, FpReaderOptions.Default, true, new CreateCertificateAccepted(), Error);
            Assert.AreEqual((int)FpStatus.BadParameter, (int)status);
            Assert.AreEqual((int)kind, (int)Error.Kind, Error.ToString());
            Assert.AreEqual(offset, Error.Offset, Error.ToString());
        }
    }
}
