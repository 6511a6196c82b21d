using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Cbor;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>CborReader against RFC 8949 Appendix A vectors, plus conformance modes, limits and malformed input.</summary>
    [TestClass]
    public class CborReaderTests
    {
        [TestMethod]
        public void ReadInt32_Rfc8949VectorsHappyPath()
        {
            string[] hex = { "00", "01", "0a", "17", "18 18", "18 19", "18 64", "19 03 e8", "1a 00 0f 42 40", "20", "29", "38 63", "39 03 e7", "1a 7f ff ff ff", "3a 7f ff ff ff", "1b 00 00 00 00 00 00 00 05" };
            int[] values = { 0, 1, 10, 23, 24, 25, 100, 1000, 1000000, -1, -10, -100, -1000, int.MaxValue, int.MinValue, 5 };
            for (int i = 0; i < hex.Length; i++)
            {
                CborReader r = Reader(hex[i], CborConformanceMode.Lax);
                Assert.IsTrue(r.ReadInt32(out int value), hex[i]);
                Assert.AreEqual(values[i], value, hex[i]);
                Assert.IsTrue(r.ReadEndOfInput(), hex[i]);
            }
        }

        [TestMethod]
        public void ReadInt32_OutOfRangeIsWrongType()
        {
            string[] hex = { "1a 80 00 00 00", "3a 80 00 00 00", "1b 00 00 00 01 00 00 00 00", "3b ff ff ff ff ff ff ff ff" };
            for (int i = 0; i < hex.Length; i++)
            {
                CborReader r = Reader(hex[i], CborConformanceMode.Lax);
                Assert.IsFalse(r.ReadInt32(out int _), hex[i]);
                Assert.AreEqual((int)FpReadErrorKind.WrongType, (int)r.ErrorKind, hex[i]);
                Assert.AreEqual((int)CborReaderState.Invalid, (int)r.PeekState());
            }
        }

        [TestMethod]
        public void ReadTextString_Rfc8949VectorsHappyPath()
        {
            string[] hex = { "60", "61 61", "64 49 45 54 46", "62 22 5c", "62 c3 bc", "63 e6 b0 b4", "64 f0 90 85 91", "7f 65 73 74 72 65 61 64 6d 69 6e 67 ff", "7f ff" };
            string[] values = { "", "a", "IETF", "\"\\", "\u00fc", "\u6c34", "\ud800\udd51", "streaming", "" };
            for (int i = 0; i < hex.Length; i++)
            {
                CborReader r = Reader(hex[i], CborConformanceMode.Strict);
                Assert.AreEqual((int)CborReaderState.TextString, (int)r.PeekState(), hex[i]);
                Assert.IsTrue(r.ReadTextString(out string value), hex[i]);
                Assert.AreEqual(values[i], value, hex[i]);
                Assert.AreEqual((int)CborReaderState.Finished, (int)r.PeekState(), hex[i]);
                Assert.IsTrue(r.ReadEndOfInput(), hex[i]);
            }
        }

        [TestMethod]
        public void ReadTextString_Refusals()
        {
            string[] hex = { "62 c3", "61 ff", "62 c0 80", "63 ed a0 80", "7f 61 61", "7f 41 61 ff", "7f 7f ff ff", "7a ff ff ff ff 00", "01" };
            int[] kinds =
            {
                (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.InvalidUtf8, (int)FpReadErrorKind.InvalidUtf8, (int)FpReadErrorKind.InvalidUtf8,
                (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Syntax, (int)FpReadErrorKind.Syntax, (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.WrongType,
            };
            for (int i = 0; i < hex.Length; i++)
            {
                CborReader r = Reader(hex[i], CborConformanceMode.Strict);
                Assert.IsFalse(r.ReadTextString(out string value), hex[i]);
                Assert.AreEqual("", value);
                Assert.AreEqual(kinds[i], (int)r.ErrorKind, hex[i]);
            }
        }

        [TestMethod]
        public void ReadStartMap_DefiniteAndIndefiniteHappyPath()
        {
            // {"a": 1, "b": [2, 3]}
            CborReader r = Reader("a2 61 61 01 61 62 82 02 03", CborConformanceMode.Canonical);
            Assert.IsTrue(r.ReadStartMap(out int pairs));
            Assert.AreEqual(2, pairs);
            Assert.IsTrue(r.ReadTextString(out string key));
            Assert.AreEqual("a", key);
            Assert.IsTrue(r.ReadInt32(out int one));
            Assert.AreEqual(1, one);
            Assert.IsTrue(r.ReadTextString(out key));
            Assert.IsTrue(r.ReadStartArray(out int items));
            Assert.AreEqual(2, items);
            Assert.AreEqual(2, r.CurrentDepth);
            Assert.IsTrue(r.ReadInt32(out int _));
            Assert.IsTrue(r.ReadInt32(out int _));
            Assert.AreEqual((int)CborReaderState.EndArray, (int)r.PeekState());
            Assert.IsTrue(r.ReadEndArray());
            Assert.IsTrue(r.ReadEndMap());
            Assert.IsTrue(r.ReadEndOfInput());

            // {_ "Fun": true, "Amt": -2}
            CborReader indefinite = Reader("bf 63 46 75 6e f5 63 41 6d 74 21 ff", CborConformanceMode.Strict);
            Assert.IsTrue(indefinite.ReadStartMap(out pairs));
            Assert.AreEqual(-1, pairs);
            Assert.IsTrue(indefinite.ReadTextString(out key));
            Assert.AreEqual("Fun", key);
            Assert.AreEqual((int)CborReaderState.Boolean, (int)indefinite.PeekState());
            Assert.IsTrue(indefinite.SkipValue());
            Assert.IsTrue(indefinite.ReadTextString(out key));
            Assert.IsTrue(indefinite.ReadInt32(out int amt));
            Assert.AreEqual(-2, amt);
            Assert.AreEqual((int)CborReaderState.EndMap, (int)indefinite.PeekState());
            Assert.IsTrue(indefinite.ReadEndMap());
            Assert.IsTrue(indefinite.ReadEndOfInput());
        }

        [TestMethod]
        public void PeekState_IsCachedAndReportsEveryKind()
        {
            string[] hex = { "00", "20", "40", "60", "80", "a0", "c0 00", "f4", "f6", "f7", "f9 3c 00", "fa 47 c3 50 00", "fb 3f f1 99 99 99 99 99 9a", "f8 ff" };
            int[] states =
            {
                (int)CborReaderState.UnsignedInteger, (int)CborReaderState.NegativeInteger, (int)CborReaderState.ByteString, (int)CborReaderState.TextString,
                (int)CborReaderState.StartArray, (int)CborReaderState.StartMap, (int)CborReaderState.Tag, (int)CborReaderState.Boolean, (int)CborReaderState.Null,
                (int)CborReaderState.SimpleValue, (int)CborReaderState.Float, (int)CborReaderState.Float, (int)CborReaderState.Float, (int)CborReaderState.SimpleValue,
            };
            for (int i = 0; i < hex.Length; i++)
            {
                CborReader r = Reader(hex[i], CborConformanceMode.Strict);
                Assert.AreEqual(states[i], (int)r.PeekState(), hex[i]);
                Assert.AreEqual(states[i], (int)r.PeekState(), hex[i]);
                Assert.AreEqual(0, r.BytesConsumed);
                Assert.IsTrue(r.SkipValue(), hex[i]);
                Assert.AreEqual((int)CborReaderState.Finished, (int)r.PeekState(), hex[i]);
                Assert.IsTrue(r.ReadEndOfInput(), hex[i]);
            }
        }

        [TestMethod]
        public void SkipValue_NestedAndTaggedHappyPath()
        {
            // [1, {"a": h'0102', "b": [_ 1, [2, 3]]}, 1(2), 55799(55799([]))] then the next item.
            CborReader r = Reader("84 01 a2 61 61 42 01 02 61 62 9f 01 82 02 03 ff c1 02 d9 d9 f7 d9 d9 f7 80", CborConformanceMode.Strict);
            Assert.IsTrue(r.SkipValue());
            Assert.AreEqual(0, r.CurrentDepth);
            Assert.AreEqual(0, r.BytesRemaining);
            Assert.IsTrue(r.ReadEndOfInput());
        }

        [TestMethod]
        public void SkipValue_Refusals()
        {
            string[] hex = { "81", "82 01", "a1 61 61", "bf 61 61 ff", "9f 01", "c0", "ff", "1c", "5f 61 61 ff", "5f 5f ff ff", "f8 10", "3f", "dc 00", "9f 9f 9f 9f 9f 9f 9f 9f 9f ff ff ff ff ff ff ff ff ff" };
            int[] kinds =
            {
                (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Syntax,
                (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Truncated, (int)FpReadErrorKind.Syntax, (int)FpReadErrorKind.Syntax,
                (int)FpReadErrorKind.Syntax, (int)FpReadErrorKind.Syntax, (int)FpReadErrorKind.Syntax, (int)FpReadErrorKind.Syntax,
                (int)FpReadErrorKind.Syntax, (int)FpReadErrorKind.TooDeep,
            };
            for (int i = 0; i < hex.Length; i++)
            {
                CborReader r = Reader(hex[i], CborConformanceMode.Strict);
                Assert.IsFalse(r.SkipValue(), hex[i]);
                Assert.AreEqual(kinds[i], (int)r.ErrorKind, hex[i]);
                Assert.AreEqual((int)CborReaderState.Invalid, (int)r.PeekState(), hex[i]);
            }
        }

        [TestMethod]
        public void ConformanceModes_CanonicalRefusesLongFormsAndIndefinite()
        {
            string[] nonCanonical = { "18 17", "19 00 ff", "1a 00 00 ff ff", "1b 00 00 00 00 ff ff ff ff", "7f ff", "9f ff" };
            for (int i = 0; i < nonCanonical.Length; i++)
            {
                Assert.IsTrue(Reader(nonCanonical[i], CborConformanceMode.Lax).SkipValue(), nonCanonical[i]);
                CborReader canonical = Reader(nonCanonical[i], CborConformanceMode.Canonical);
                Assert.IsFalse(canonical.SkipValue(), nonCanonical[i]);
                Assert.AreEqual((int)FpReadErrorKind.Syntax, (int)canonical.ErrorKind, nonCanonical[i]);
            }

            // Lax skips invalid UTF-8 unread; Strict validates it even when skipping.
            Assert.IsTrue(Reader("61 ff", CborConformanceMode.Lax).SkipValue());
            Assert.IsFalse(Reader("61 ff", CborConformanceMode.Strict).SkipValue());
            Assert.ThrowsException(typeof(System.ArgumentException), () => new CborReader(new byte[1], 0, 1, (CborConformanceMode)9));
        }

        [TestMethod]
        public void ReadStartMap_DeclaredLengthBeyondInputIsTruncated()
        {
            CborReader r = Reader("bb 7f ff ff ff ff ff ff ff", CborConformanceMode.Lax);
            Assert.IsFalse(r.ReadStartMap(out int _));
            Assert.AreEqual((int)FpReadErrorKind.Truncated, (int)r.ErrorKind);
            CborReader array = Reader("9a 00 01 00 00 01", CborConformanceMode.Lax);
            Assert.IsFalse(array.ReadStartArray(out int _));
            Assert.AreEqual((int)FpReadErrorKind.Truncated, (int)array.ErrorKind);
        }

        [TestMethod]
        public void Reads_WrongTypeAndMisplacedEnds()
        {
            CborReader r = Reader("a1 61 61 61 62", CborConformanceMode.Strict);
            Assert.IsFalse(r.ReadInt32(out int _));
            Assert.AreEqual((int)FpReadErrorKind.WrongType, (int)r.ErrorKind);
            Assert.AreEqual(0, r.ErrorOffset);

            CborReader early = Reader("a1 61 61 61 62", CborConformanceMode.Strict);
            Assert.IsTrue(early.ReadStartMap(out int _));
            Assert.IsFalse(early.ReadEndMap());
            Assert.AreEqual((int)FpReadErrorKind.WrongType, (int)early.ErrorKind);

            CborReader trailing = Reader("a0 00", CborConformanceMode.Strict);
            Assert.IsTrue(trailing.ReadStartMap(out int _));
            Assert.IsTrue(trailing.ReadEndMap());
            Assert.IsFalse(trailing.ReadEndOfInput());
            Assert.AreEqual((int)FpReadErrorKind.TrailingData, (int)trailing.ErrorKind);
            Assert.AreEqual(1, trailing.ErrorOffset);

            CborReader unfinished = Reader("a1 61 61 61 62", CborConformanceMode.Strict);
            Assert.IsFalse(unfinished.ReadEndOfInput());
        }

        [TestMethod]
        public void Reader_RangeInsideLargerArrayHappyPath()
        {
            byte[] cbor = TestBytes.Hex("a1 61 61 61 62");
            byte[] embedded = TestBytes.Embed(cbor, 3, 4);
            var r = new CborReader(embedded, 3, cbor.Length, CborConformanceMode.Strict);
            Assert.IsTrue(r.SkipValue());
            Assert.IsTrue(r.ReadEndOfInput());
            var cut = new CborReader(embedded, 3, cbor.Length - 1, CborConformanceMode.Strict);
            Assert.IsFalse(cut.SkipValue());
            Assert.AreEqual((int)FpReadErrorKind.Truncated, (int)cut.ErrorKind);
            Assert.AreEqual(cbor.Length - 1, cut.ErrorOffset);
        }

        /// <summary>Bounded input: every one- and two-byte input, in every mode, never throws and ends in a definite verdict.</summary>
        [TestMethod]
        public void SkipValue_AllShortInputsNeverThrow()
        {
            byte[] one = new byte[1];
            byte[] two = new byte[2];
            for (int mode = 0; mode < 3; mode++)
            {
                for (int a = 0; a < 256; a++)
                {
                    one[0] = (byte)a;
                    Verdict(new CborReader(one, 0, 1, (CborConformanceMode)mode));
                    two[0] = (byte)a;
                    for (int b = 0; b < 256; b++)
                    {
                        two[1] = (byte)b;
                        Verdict(new CborReader(two, 0, 2, (CborConformanceMode)mode));
                    }
                }
            }
        }

        private static void Verdict(CborReader r)
        {
            if (r.SkipValue())
            {
                Assert.AreEqual((int)FpReadErrorKind.None, (int)r.ErrorKind);
                r.ReadEndOfInput();
            }
            else
            {
                Assert.IsTrue(r.ErrorKind != FpReadErrorKind.None);
            }
        }

        private static CborReader Reader(string hex, CborConformanceMode mode)
        {
            byte[] bytes = TestBytes.Hex(hex);
            return new CborReader(bytes, 0, bytes.Length, mode);
        }
    }
}
