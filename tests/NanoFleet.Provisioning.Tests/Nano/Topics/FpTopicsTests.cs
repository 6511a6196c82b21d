using nanoFramework.TestFramework;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>FpTopics: build and match all 18 topics, bad parameters, buffer sizes, bounded input.</summary>
    [TestClass]
    public class FpTopicsTests
    {
        private const string Template = "fleet-tpl_01";

        /// <summary>The 18 topics, in FpTopic order (api * 6 + format * 3 + kind).</summary>
        private static readonly string[] Expected =
        {
            "$aws/certificates/create/json",
            "$aws/certificates/create/json/accepted",
            "$aws/certificates/create/json/rejected",
            "$aws/certificates/create/cbor",
            "$aws/certificates/create/cbor/accepted",
            "$aws/certificates/create/cbor/rejected",
            "$aws/certificates/create-from-csr/json",
            "$aws/certificates/create-from-csr/json/accepted",
            "$aws/certificates/create-from-csr/json/rejected",
            "$aws/certificates/create-from-csr/cbor",
            "$aws/certificates/create-from-csr/cbor/accepted",
            "$aws/certificates/create-from-csr/cbor/rejected",
            "$aws/provisioning-templates/" + Template + "/provision/json",
            "$aws/provisioning-templates/" + Template + "/provision/json/accepted",
            "$aws/provisioning-templates/" + Template + "/provision/json/rejected",
            "$aws/provisioning-templates/" + Template + "/provision/cbor",
            "$aws/provisioning-templates/" + Template + "/provision/cbor/accepted",
            "$aws/provisioning-templates/" + Template + "/provision/cbor/rejected",
        };

        [TestMethod]
        public void GetTopic_StringAllTopicsHappyPath()
        {
            for (int t = 0; t < 18; t++)
            {
                FpTopic topic = (FpTopic)t;
                FpStatus status = FpTopics.GetTopic(FpTopics.ApiOf(topic), FpTopics.FormatOf(topic), FpTopics.KindOf(topic), Template, out string built);
                Assert.AreEqual((int)FpStatus.Success, (int)status);
                Assert.AreEqual(Expected[t], built);
            }
        }

        [TestMethod]
        public void GetTopic_BufferAllTopicsHappyPath()
        {
            for (int t = 0; t < 18; t++)
            {
                FpTopic topic = (FpTopic)t;
                var buffer = new GuardedBuffer(FpTopics.MaxTopicLength + 32);
                FpStatus status = FpTopics.GetTopic(buffer.Bytes, GuardedBuffer.Offset, FpTopics.ApiOf(topic), FpTopics.FormatOf(topic), FpTopics.KindOf(topic), Template, out int written);
                Assert.AreEqual((int)FpStatus.Success, (int)status);
                Assert.AreEqual(Expected[t].Length, written);
                Assert.AreEqual(Expected[t], buffer.Ascii(written));
                Assert.IsTrue(buffer.GuardsIntact(written));
            }
        }

        [TestMethod]
        public void GetTopic_CreateTopicsIgnoreTemplateName()
        {
            Assert.AreEqual((int)FpStatus.Success, (int)FpTopics.GetTopic(FpApi.CreateKeysAndCertificate, FpFormat.Cbor, FpApiTopic.Publish, null, out string topic));
            Assert.AreEqual("$aws/certificates/create/cbor", topic);
            Assert.AreEqual((int)FpStatus.Success, (int)FpTopics.GetTopic(FpApi.CreateCertificateFromCsr, FpFormat.Json, FpApiTopic.Rejected, "not/valid!", out topic));
            Assert.AreEqual("$aws/certificates/create-from-csr/json/rejected", topic);
        }

        [TestMethod]
        public void GetTopic_BadParams()
        {
            string[] badNames = { null!, "", "a/b", "a b", "name.dot", "ümlaut", "1234567890123456789012345678901234567" };
            for (int i = 0; i < badNames.Length; i++)
            {
                Assert.AreEqual((int)FpStatus.BadParameter, (int)FpTopics.GetTopic(FpApi.RegisterThing, FpFormat.Json, FpApiTopic.Publish, badNames[i], out string topic));
                Assert.AreEqual("", topic);
                var buffer = new GuardedBuffer(200);
                Assert.AreEqual((int)FpStatus.BadParameter, (int)FpTopics.GetTopic(buffer.Bytes, GuardedBuffer.Offset, FpApi.RegisterThing, FpFormat.Json, FpApiTopic.Publish, badNames[i], out int written));
                Assert.AreEqual(0, written);
                Assert.IsTrue(buffer.GuardsIntact(0));
            }

            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpTopics.GetTopic((FpApi)3, FpFormat.Json, FpApiTopic.Publish, Template, out string _));
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpTopics.GetTopic((FpApi)(-1), FpFormat.Json, FpApiTopic.Publish, Template, out string _));
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpTopics.GetTopic(FpApi.CreateKeysAndCertificate, (FpFormat)2, FpApiTopic.Publish, Template, out string _));
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpTopics.GetTopic(FpApi.CreateKeysAndCertificate, FpFormat.Json, (FpApiTopic)3, Template, out string _));
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpTopics.GetTopic(null!, 0, FpApi.CreateKeysAndCertificate, FpFormat.Json, FpApiTopic.Publish, null, out int _));
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpTopics.GetTopic(new byte[100], -1, FpApi.CreateKeysAndCertificate, FpFormat.Json, FpApiTopic.Publish, null, out int _));
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpTopics.GetTopic(new byte[100], 101, FpApi.CreateKeysAndCertificate, FpFormat.Json, FpApiTopic.Publish, null, out int _));
        }

        [TestMethod]
        public void GetTopic_BufferTooSmall()
        {
            for (int t = 0; t < 18; t++)
            {
                FpTopic topic = (FpTopic)t;
                int needed = Expected[t].Length;
                var small = new GuardedBuffer(needed - 1);
                FpStatus status = FpTopics.GetTopic(small.Bytes, GuardedBuffer.Offset, FpTopics.ApiOf(topic), FpTopics.FormatOf(topic), FpTopics.KindOf(topic), Template, out int written);
                Assert.AreEqual((int)FpStatus.BufferTooSmall, (int)status);
                Assert.AreEqual(needed, written);
                Assert.IsTrue(small.GuardsIntact(0));

                var exact = new GuardedBuffer(needed);
                status = FpTopics.GetTopic(exact.Bytes, GuardedBuffer.Offset, FpTopics.ApiOf(topic), FpTopics.FormatOf(topic), FpTopics.KindOf(topic), Template, out written);
                Assert.AreEqual((int)FpStatus.Success, (int)status);
                Assert.AreEqual(Expected[t], exact.Ascii(written));
            }

            var none = new GuardedBuffer(0);
            Assert.AreEqual((int)FpStatus.BufferTooSmall, (int)FpTopics.GetTopic(none.Bytes, none.Bytes.Length, FpApi.CreateKeysAndCertificate, FpFormat.Json, FpApiTopic.Publish, null, out int need));
            Assert.AreEqual(29, need);
        }

        [TestMethod]
        public void MatchTopic_AllTopicsHappyPath()
        {
            for (int t = 0; t < 18; t++)
            {
                Assert.AreEqual((int)FpStatus.Success, (int)FpTopics.MatchTopic(Expected[t], out FpTopic match, out string name));
                Assert.AreEqual(t, (int)match);
                Assert.AreEqual(FpTopics.ApiOf(match) == FpApi.RegisterThing ? Template : "", name);
                Assert.AreEqual(t, (int)FpTopics.TopicOf(FpTopics.ApiOf(match), FpTopics.FormatOf(match), FpTopics.KindOf(match)));
                Assert.AreEqual((int)FpStatus.Success, (int)FpTopics.MatchTopic(Expected[t], out match));
                Assert.AreEqual(t, (int)match);
            }
        }

        [TestMethod]
        public void MatchTopic_RegisterThingNameLimitsHappyPath()
        {
            string longest = "abcdefghijklmnopqrstuvwxyz-_ABC0129";
            longest += "Z";
            Assert.AreEqual(36, longest.Length);
            string topic = "$aws/provisioning-templates/" + longest + "/provision/cbor/rejected";
            Assert.AreEqual(FpTopics.MaxTopicLength, topic.Length);
            Assert.AreEqual((int)FpStatus.Success, (int)FpTopics.MatchTopic(topic, out FpTopic match, out string name));
            Assert.AreEqual((int)FpTopic.CborRegisterThingRejected, (int)match);
            Assert.AreEqual(longest, name);
            Assert.AreEqual((int)FpStatus.Success, (int)FpTopics.MatchTopic("$aws/provisioning-templates/x/provision/json", out match, out name));
            Assert.AreEqual((int)FpTopic.JsonRegisterThingPublish, (int)match);
            Assert.AreEqual("x", name);
        }

        [TestMethod]
        public void MatchTopic_BadParams()
        {
            string[] foreign =
            {
                null!, "", "$", "$aws", "$aws/certificates/create/", "$aws/certificates/create/json/", "$aws/certificates/create/xml",
                "$aws/certificates/create/JSON", "$aws/certificates/create/json/accepted/", "$aws/certificates/create/json/acceptedX",
                "$aws/certificates/create/json/accepte", "$aws/certificates/create/json/rejected/x", "$aws/certificates/create-from-csr/",
                "$aws/certificates/create-from-csr", "$aws/certificates/createjson", "aws/certificates/create/json",
                "$aws/provisioning-templates//provision/json", "$aws/provisioning-templates/a.b/provision/json",
                "$aws/provisioning-templates/1234567890123456789012345678901234567/provision/json",
                "$aws/provisioning-templates/tpl/provision/", "$aws/provisioning-templates/tpl/provision", "$aws/provisioning-templates/tpl",
                "$aws/provisioning-templates/tpl/provisions/json", "$aws/things/thing/shadow/update", "#", "+/+/+",
            };
            for (int i = 0; i < foreign.Length; i++)
            {
                Assert.AreEqual((int)FpStatus.NoMatch, (int)FpTopics.MatchTopic(foreign[i], out FpTopic match, out string name), "topic #" + i);
                Assert.AreEqual((int)FpTopic.Invalid, (int)match);
                Assert.AreEqual("", name);
            }
        }

        /// <summary>
        /// Bounded input (the C library proves MatchTopic with CBMC over topics up to 200 bytes): every
        /// truncation of every topic, and every topic with one character replaced, never throws and
        /// matches only when the result is itself one of the 18 topics.
        /// </summary>
        [TestMethod]
        public void MatchTopic_BoundedInputNeverThrows()
        {
            string replacements = "/$a-_Z9\u0001\u00ff";
            for (int t = 0; t < 18; t++)
            {
                string topic = Expected[t];
                for (int length = 0; length < topic.Length; length++)
                {
                    string cut = topic.Substring(0, length);
                    Assert.AreEqual(IsKnown(cut), FpTopics.MatchTopic(cut, out FpTopic _) == FpStatus.Success, cut);
                }

                for (int at = 0; at < topic.Length; at++)
                {
                    for (int r = 0; r < replacements.Length; r++)
                    {
                        string changed = topic.Substring(0, at) + replacements[r] + topic.Substring(at + 1);
                        FpStatus status = FpTopics.MatchTopic(changed, out FpTopic match, out string name);
                        if (status == FpStatus.Success)
                        {
                            Assert.IsTrue(FpTopics.GetTopic(FpTopics.ApiOf(match), FpTopics.FormatOf(match), FpTopics.KindOf(match), name, out string rebuilt) == FpStatus.Success);
                            Assert.AreEqual(changed, rebuilt);
                        }
                        else
                        {
                            Assert.AreEqual((int)FpStatus.NoMatch, (int)status);
                        }
                    }
                }
            }
        }

        [TestMethod]
        public void IsValidTemplateName_Limits()
        {
            Assert.IsTrue(FpTopics.IsValidTemplateName("a"));
            Assert.IsTrue(FpTopics.IsValidTemplateName("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
            Assert.IsTrue(FpTopics.IsValidTemplateName("abcdefghijklmnopqrstuvwxyz_-"));
            Assert.IsFalse(FpTopics.IsValidTemplateName(null));
            Assert.IsFalse(FpTopics.IsValidTemplateName(""));
            Assert.IsFalse(FpTopics.IsValidTemplateName("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZa"));
            string invalid = " ./+#$:@[`{~\u00e9";
            for (int i = 0; i < invalid.Length; i++)
            {
                Assert.IsFalse(FpTopics.IsValidTemplateName("tpl" + invalid[i]), "char #" + i);
            }
        }

        [TestMethod]
        public void TopicOf_OutOfRangeIsInvalid()
        {
            Assert.AreEqual((int)FpTopic.Invalid, (int)FpTopics.TopicOf((FpApi)3, FpFormat.Json, FpApiTopic.Publish));
            Assert.AreEqual((int)FpTopic.Invalid, (int)FpTopics.TopicOf(FpApi.RegisterThing, (FpFormat)(-1), FpApiTopic.Publish));
            Assert.AreEqual((int)FpTopic.Invalid, (int)FpTopics.TopicOf(FpApi.RegisterThing, FpFormat.Cbor, (FpApiTopic)3));
            Assert.AreEqual((int)FpTopic.CborRegisterThingRejected, (int)FpTopics.TopicOf(FpApi.RegisterThing, FpFormat.Cbor, FpApiTopic.Rejected));
        }

        private static bool IsKnown(string topic)
        {
            for (int t = 0; t < 18; t++)
            {
                if (Expected[t] == topic)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
