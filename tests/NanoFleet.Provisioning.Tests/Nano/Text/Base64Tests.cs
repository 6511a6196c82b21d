using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>The PEM body decoder: RFC 4648 vectors, line breaks, and every way base64 can be wrong.</summary>
    [TestClass]
    public class Base64Tests
    {
        [TestMethod]
        public void TryDecode_Rfc4648VectorsHappyPath()
        {
            AssertDecodes("", "");
            AssertDecodes("Zg==", "f");
            AssertDecodes("Zm8=", "fo");
            AssertDecodes("Zm9v", "foo");
            AssertDecodes("Zm9vYg==", "foob");
            AssertDecodes("Zm9vYmE=", "fooba");
            AssertDecodes("Zm9vYmFy", "foobar");
        }

        [TestMethod]
        public void TryDecode_LineBreaksAndSpacesHappyPath()
        {
            AssertDecodes("\r\nZm9v\nYm\r\n Fy\t\n", "foobar");
            AssertDecodes("Zg=\n=", "f");
        }

        [TestMethod]
        public void TryDecode_BadText_False()
        {
            AssertRefused("Zm9-");     // not in the alphabet (base64url)
            AssertRefused("Zm9v:");    // a PEM header line
            AssertRefused("Zm9");      // last group short, unpadded
            AssertRefused("Z===");     // one character cannot make a byte
            AssertRefused("Zg===");    // too much padding
            AssertRefused("Zg==Zm9v"); // data after the padding
            AssertRefused("Zh==");     // nonzero bits in the padding
            AssertRefused("Zm9=");     // nonzero bits in the padding
        }

        [TestMethod]
        public void TryDecode_BufferTooSmall()
        {
            byte[] text = TestBytes.Utf8Of("Zm9vYmFy");
            Assert.IsFalse(Base64.TryDecode(text, 0, text.Length, new byte[Base64.MaxDecodedLength(text.Length) - 1], 0, out int written));
        }

        [TestMethod]
        public void TryDecode_WritesOnlyItsBytesAtTheOffset()
        {
            byte[] text = TestBytes.Utf8Of("xxZm9vYg==yy");
            var buffer = new GuardedBuffer(Base64.MaxDecodedLength(8));
            Assert.IsTrue(Base64.TryDecode(text, 2, 8, buffer.Bytes, GuardedBuffer.Offset, out int written));
            Assert.AreEqual("foob", buffer.Ascii(written));
            Assert.IsTrue(buffer.GuardsIntact(written));
        }

        private static void AssertDecodes(string base64, string expected)
        {
            byte[] text = TestBytes.Utf8Of(base64);
            byte[] output = new byte[Base64.MaxDecodedLength(text.Length)];
            Assert.IsTrue(Base64.TryDecode(text, 0, text.Length, output, 0, out int written), base64);
            Assert.AreEqual(expected, TestPayloads.Text(output, written));
        }

        private static void AssertRefused(string base64)
        {
            byte[] text = TestBytes.Utf8Of(base64);
            byte[] output = new byte[Base64.MaxDecodedLength(text.Length)];
            Assert.IsFalse(Base64.TryDecode(text, 0, text.Length, output, 0, out int written), base64);
        }
    }
}
