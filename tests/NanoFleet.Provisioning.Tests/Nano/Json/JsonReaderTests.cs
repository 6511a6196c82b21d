using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Json;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>JsonReader: tokens, strings and escapes, numbers, depth, skipping, and refusals with offsets.</summary>
    [TestClass]
    public class JsonReaderTests
    {
        [TestMethod]
        public void Read_TokenSequenceHappyPath()
        {
            JsonReader r = Reader(" {\"a\" : [1, -2.5e+3, true, false, null, \"s\", {}, []], \"b\":{}}\r\n");
            JsonTokenType[] expected =
            {
                JsonTokenType.StartObject, JsonTokenType.PropertyName, JsonTokenType.StartArray, JsonTokenType.Number, JsonTokenType.Number,
                JsonTokenType.True, JsonTokenType.False, JsonTokenType.Null, JsonTokenType.String, JsonTokenType.StartObject, JsonTokenType.EndObject,
                JsonTokenType.StartArray, JsonTokenType.EndArray, JsonTokenType.EndArray, JsonTokenType.PropertyName, JsonTokenType.StartObject,
                JsonTokenType.EndObject, JsonTokenType.EndObject,
            };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.IsTrue(r.Read(), "token " + i);
                Assert.AreEqual((int)expected[i], (int)r.TokenType, "token " + i);
            }

            Assert.IsFalse(r.Read());
            Assert.AreEqual((int)FpReadErrorKind.None, (int)r.ErrorKind);
            Assert.AreEqual((int)JsonTokenType.None, (int)r.TokenType);
        }

        [TestMethod]
        public void Read_ScalarTopLevelHappyPath()
        {
            string[] values = { "0", "-0", "12", "1.5", "1e9", "1E-9", "true", "false", "null", "\"\"" };
            for (int i = 0; i < values.Length; i++)
            {
                JsonReader r = Reader(" " + values[i] + " ");
                Assert.IsTrue(r.Read(), values[i]);
                Assert.IsFalse(r.Read(), values[i]);
                Assert.AreEqual((int)FpReadErrorKind.None, (int)r.ErrorKind, values[i]);
            }
        }

        [TestMethod]
        public void TryGetString_EscapesHappyPath()
        {
            JsonReader r = Reader("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0001\\u00E9\\u6C34\\uD83D\\uDE00x\u00e9\"");
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.TryGetString(out string value));
            Assert.AreEqual("\"\\/\b\f\n\r\t\u0001\u00e9\u6c34\ud83d\ude00x\u00e9", value);
            Assert.IsTrue(r.ValueTextEquals(value));
            Assert.IsFalse(r.ValueTextEquals(value + "x"));
            Assert.IsFalse(r.ValueTextEquals(value.Substring(1)));
        }

        [TestMethod]
        public void ValueTextEquals_ComparesWithoutEscapesHappyPath()
        {
            JsonReader r = Reader("{\"th\u00efng\":1,\"t\\u0068ing\":2}");
            r.Read();
            r.Read();
            Assert.IsTrue(r.ValueTextEquals("th\u00efng"));
            Assert.IsFalse(r.ValueTextEquals("thing"));
            Assert.IsFalse(r.ValueTextEquals("th\u00efn"));
            r.Read();
            Assert.IsFalse(r.ValueTextEquals("1"));
            r.Read();
            Assert.IsTrue(r.ValueTextEquals("thing"));
        }

        [TestMethod]
        public void TryGetInt32_Limits()
        {
            string[] good = { "0", "-0", "2147483647", "-2147483648", "400" };
            int[] values = { 0, 0, int.MaxValue, int.MinValue, 400 };
            for (int i = 0; i < good.Length; i++)
            {
                JsonReader r = Reader(good[i]);
                r.Read();
                Assert.IsTrue(r.TryGetInt32(out int value), good[i]);
                Assert.AreEqual(values[i], value);
            }

            string[] bad = { "2147483648", "-2147483649", "99999999999999999999", "1.0", "1e2", "\"1\"" };
            for (int i = 0; i < bad.Length; i++)
            {
                JsonReader r = Reader(bad[i]);
                r.Read();
                Assert.IsFalse(r.TryGetInt32(out int _), bad[i]);
            }
        }

        [TestMethod]
        public void Skip_NestedValuesHappyPath()
        {
            JsonReader r = Reader("{\"skip\":{\"a\":[1,{\"b\":[[]]}],\"c\":\"}\"},\"next\":true}");
            r.Read();
            r.Read();
            Assert.IsTrue(r.Skip());
            Assert.AreEqual((int)JsonTokenType.EndObject, (int)r.TokenType);
            Assert.AreEqual(1, r.CurrentDepth);
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.ValueTextEquals("next"));
            Assert.IsTrue(r.Skip());
            Assert.AreEqual((int)JsonTokenType.True, (int)r.TokenType);
            Assert.IsTrue(r.Read());
            Assert.AreEqual((int)JsonTokenType.EndObject, (int)r.TokenType);
        }

        [TestMethod]
        public void Read_DepthLimit()
        {
            JsonReader ok = new JsonReader(TestBytes.Utf8Of("[[[]]]"), 0, 6, 3);
            while (ok.Read())
            {
            }

            Assert.AreEqual((int)FpReadErrorKind.None, (int)ok.ErrorKind);
            JsonReader deep = new JsonReader(TestBytes.Utf8Of("[[[[]]]]"), 0, 8, 3);
            while (deep.Read())
            {
            }

            Assert.AreEqual((int)FpReadErrorKind.TooDeep, (int)deep.ErrorKind);
            Assert.AreEqual(3, deep.ErrorOffset);
        }

        [TestMethod]
        public void Read_ErrorsWithOffsets()
        {
            string[] inputs = { "", "   ", "{", "{\"a\"", "{\"a\":", "\"abc", "[1,", "tr", "-", "{}]", "[}", "{\"a\":1 \"b\":2}", "\"a\\", "\"\\u12", "nul", "[01]", "\"\\q\"", "{\"a\":1}}" };
            int[] kinds =
            {
                (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Truncated,
                (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Truncated,
                (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.TrailingData, (int)FpReadErrorKind.Syntax, (int)FpReadErrorKind.Syntax,
                (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Syntax,
                (int)FpReadErrorKind.Syntax, (int)FpReadErrorKind.TrailingData,
            };
            int[] offsets = { 0, 3, 1, 4, 5, 4, 3, 2, 1, 2, 1, 7, 3, 5, 3, 2, 2, 7 };
            for (int i = 0; i < inputs.Length; i++)
            {
                JsonReader r = Reader(inputs[i]);
                while (r.Read())
                {
                }

                Assert.AreEqual(kinds[i], (int)r.ErrorKind, "'" + inputs[i] + "'");
                Assert.AreEqual(offsets[i], r.ErrorOffset, "'" + inputs[i] + "'");
                Assert.IsFalse(r.Read());
            }
        }

        [TestMethod]
        public void Read_StringRunStopsAtEveryOffset()
        {
            // The string scan tests eight bytes at a time while eight remain: whatever ends a plain run
            // must stop it wherever it falls in a block of eight, and in the tail after the last block.
            string plain = "abcdefghijklmnopqrst";
            string[] stoppers = { "\u00e9", "\\n", "\\u0041", "\\\"" };
            string[] decoded = { "\u00e9", "\n", "A", "\"" };
            for (int p = 0; p < plain.Length; p++)
            {
                string head = plain.Substring(0, p);
                string tail = plain.Substring(p + 1);
                for (int i = 0; i < stoppers.Length; i++)
                {
                    JsonReader r = Reader("\"" + head + stoppers[i] + tail + "\"");
                    Assert.IsTrue(r.Read(), "stopper " + i + " at " + p);
                    Assert.IsTrue(r.TryGetString(out string value), "stopper " + i + " at " + p);
                    Assert.AreEqual(head + decoded[i] + tail, value, "stopper " + i + " at " + p);
                    Assert.IsFalse(r.Read());
                    Assert.AreEqual((int)FpReadErrorKind.None, (int)r.ErrorKind, "stopper " + i + " at " + p);
                }

                JsonReader control = Reader("\"" + head + "\u0001" + tail + "\"");
                Assert.IsFalse(control.Read());
                Assert.AreEqual((int)FpReadErrorKind.Syntax, (int)control.ErrorKind, "control at " + p);
                Assert.AreEqual(1 + p, control.ErrorOffset, "control at " + p);

                JsonReader unterminated = Reader("\"" + head);
                Assert.IsFalse(unterminated.Read());
                Assert.AreEqual((int)FpReadErrorKind.Truncated, (int)unterminated.ErrorKind, "cut after " + p);
                Assert.AreEqual(1 + p, unterminated.ErrorOffset, "cut after " + p);
            }
        }

        [TestMethod]
        public void Read_RangeInsideLargerArrayHappyPath()
        {
            byte[] json = TestBytes.Utf8Of("{\"a\":\"b\"}");
            byte[] embedded = TestBytes.Embed(json, 5, 5);
            var r = new JsonReader(embedded, 5, json.Length, 8);
            int tokens = 0;
            while (r.Read())
            {
                tokens++;
            }

            Assert.AreEqual(4, tokens);
            Assert.AreEqual((int)FpReadErrorKind.None, (int)r.ErrorKind);
            var cut = new JsonReader(embedded, 5, json.Length - 1, 8);
            while (cut.Read())
            {
            }

            Assert.AreEqual((int)FpReadErrorKind.Truncated, (int)cut.ErrorKind);
            Assert.AreEqual(json.Length - 1, cut.ErrorOffset);
        }

        private static JsonReader Reader(string json)
        {
            byte[] bytes = TestBytes.Utf8Of(json);
            return new JsonReader(bytes, 0, bytes.Length, 8);
        }
    }
}
