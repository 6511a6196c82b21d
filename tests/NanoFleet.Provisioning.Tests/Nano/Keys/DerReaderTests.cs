using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Keys;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>The DER reader's structure rules: lengths, tags, and staying inside its range.</summary>
    [TestClass]
    public class DerReaderTests
    {
        [TestMethod]
        public void ReadAny_ShortFormHappyPath()
        {
            byte[] der = TestBytes.Hex("04 03 61 62 63");
            var reader = new DerReader(der, 0, der.Length);
            Assert.AreEqual((int)DerStatus.Success, (int)reader.ReadAny(out byte tag, out int offset, out int count));
            Assert.AreEqual((int)0x04, (int)tag);
            Assert.AreEqual(2, offset);
            Assert.AreEqual(3, count);
            Assert.IsTrue(reader.AtEnd);
            Assert.AreEqual((int)DerStatus.End, (int)reader.ReadAny(out tag, out offset, out count));
        }

        [TestMethod]
        public void ReadAny_MultiByteLengthHappyPath()
        {
            byte[] one = TestBytes.Concat(TestBytes.Hex("04 81 80"), TestDer.Filler(1, 0x80));
            byte[] two = TestBytes.Concat(TestBytes.Hex("04 82 01 00"), TestDer.Filler(2, 0x100));
            byte[] three = TestBytes.Concat(TestBytes.Hex("04 83 01 00 00"), TestDer.Filler(3, 0x10000));
            AssertContent(one, 3, 0x80);
            AssertContent(two, 4, 0x100);
            AssertContent(three, 5, 0x10000);
        }

        [TestMethod]
        public void ReadAny_Truncated()
        {
            AssertStatus(DerStatus.Truncated, "04");             // tag, no length
            AssertStatus(DerStatus.Truncated, "04 05 61 62");    // content shorter than its length
            AssertStatus(DerStatus.Truncated, "04 82 01");       // long form, a length byte missing
            AssertStatus(DerStatus.Truncated, "04 82 01 00 61"); // 256 bytes announced, 1 there
        }

        [TestMethod]
        public void ReadAny_LengthsDerForbids_BadLength()
        {
            AssertStatus(DerStatus.BadLength, "30 80 00 00");          // indefinite
            AssertStatus(DerStatus.BadLength, "04 81 05 61 62 63 64 65"); // long form for a short length
            AssertStatus(DerStatus.BadLength, "04 82 00 80");          // leading zero length byte
            AssertStatus(DerStatus.BadLength, "04 85 00 00 00 00 01"); // five length bytes
            AssertStatus(DerStatus.BadLength, "04 84 80 00 00 00");    // 2^31: past any int
            AssertStatus(DerStatus.BadLength, "04 FF");                // reserved
        }

        [TestMethod]
        public void ReadAny_HighTagNumber_UnsupportedTag()
        {
            AssertStatus(DerStatus.UnsupportedTag, "1F 81 01 00");
            AssertStatus(DerStatus.UnsupportedTag, "BF 01 00");
        }

        [TestMethod]
        public void Read_WrongTag_UnexpectedTagAndDoesNotMove()
        {
            byte[] der = TestBytes.Hex("02 01 07");
            var reader = new DerReader(der, 0, der.Length);
            Assert.AreEqual((int)DerStatus.UnexpectedTag, (int)reader.Read(DerTag.Sequence, out int offset, out int count));
            Assert.AreEqual(0, reader.Position);
            Assert.AreEqual((int)DerStatus.Success, (int)reader.Read(DerTag.Integer, out offset, out count));
            Assert.AreEqual(2, offset);
            Assert.AreEqual(1, count);
        }

        [TestMethod]
        public void Enter_ReadsOnlyTheContent()
        {
            // SEQUENCE { INTEGER 7, NULL } followed by bytes that belong to no one.
            byte[] der = TestBytes.Hex("30 05 02 01 07 05 00 04 01 99");
            var reader = new DerReader(der, 0, der.Length);
            Assert.AreEqual((int)DerStatus.Success, (int)reader.Enter(DerTag.Sequence, out DerReader? inner));
            Assert.IsTrue(inner!.NextIs(DerTag.Integer));
            Assert.AreEqual((int)DerStatus.Success, (int)inner.Read(DerTag.Integer, out int offset, out int count));
            Assert.AreEqual((int)DerStatus.Success, (int)inner.Read(DerTag.Null, out offset, out count));
            Assert.AreEqual(0, count);
            Assert.AreEqual((int)DerStatus.End, (int)inner.ReadAny(out byte tag, out offset, out count));
            Assert.IsFalse(inner.NextIs(DerTag.OctetString));
            Assert.AreEqual(7, reader.Position);
        }

        [TestMethod]
        public void Enter_ElementLongerThanItsParent_Truncated()
        {
            // The OCTET STRING claims 5 bytes; the buffer has them, but its SEQUENCE ends after 1.
            byte[] der = TestBytes.Hex("30 03 04 05 61 62 63 64 65");
            var reader = new DerReader(der, 0, der.Length);
            Assert.AreEqual((int)DerStatus.Success, (int)reader.Enter(DerTag.Sequence, out DerReader? inner));
            Assert.AreEqual((int)DerStatus.Truncated, (int)inner!.ReadAny(out byte tag, out int offset, out int count));
        }

        [TestMethod]
        public void ReadAny_RangeInsideALargerBuffer_StopsAtTheRange()
        {
            byte[] der = TestBytes.Hex("FF FF 04 02 61 62 04 01 63");
            var reader = new DerReader(der, 2, 4);
            Assert.AreEqual((int)DerStatus.Success, (int)reader.ReadAny(out byte tag, out int offset, out int count));
            Assert.AreEqual(4, offset);
            Assert.AreEqual((int)DerStatus.End, (int)reader.ReadAny(out tag, out offset, out count));
        }

        [TestMethod]
        public void Constructor_BadParams()
        {
            Assert.ThrowsException(typeof(System.ArgumentException), () => new DerReader(null!, 0, 0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new DerReader(new byte[2], 1, 2));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new DerReader(new byte[2], -1, 1));
        }

        [TestMethod]
        public void ReadAny_EveryPrefixOfACertificate_NeverReadsOutside()
        {
            byte[] der = TestKeys.Certificate(TestKeys.RsaSpki(1), 1);
            for (int length = 0; length < der.Length; length++)
            {
                var reader = new DerReader(der, 0, length);
                Assert.AreNotEqual((int)DerStatus.Success, (int)reader.Read(DerTag.Sequence, out int offset, out int count));
            }
        }

        private static void AssertStatus(DerStatus expected, string hex)
        {
            byte[] der = TestBytes.Hex(hex);
            var reader = new DerReader(der, 0, der.Length);
            Assert.AreEqual((int)expected, (int)reader.ReadAny(out byte tag, out int offset, out int count), hex);
            Assert.AreEqual(0, reader.Position, hex);
        }

        private static void AssertContent(byte[] der, int offset, int count)
        {
            var reader = new DerReader(der, 0, der.Length);
            Assert.AreEqual((int)DerStatus.Success, (int)reader.ReadAny(out byte tag, out int contentOffset, out int contentCount));
            Assert.AreEqual(offset, contentOffset);
            Assert.AreEqual(count, contentCount);
            Assert.IsTrue(reader.AtEnd);
        }
    }
}
