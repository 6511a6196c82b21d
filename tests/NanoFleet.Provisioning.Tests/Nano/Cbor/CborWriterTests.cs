using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Cbor;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>CborWriter: shortest heads, measuring equals writing, and refusal of lone surrogates.</summary>
    [TestClass]
    public class CborWriterTests
    {
        [TestMethod]
        public void WriteStartMap_ShortestHeadsHappyPath()
        {
            int[] counts = { 0, 23, 24, 255, 256, 65535, 65536 };
            string[] heads = { "a0", "b7", "b8 18", "b8 ff", "b9 01 00", "b9 ff ff", "ba 00 01 00 00" };
            for (int i = 0; i < counts.Length; i++)
            {
                var buffer = new GuardedBuffer(8);
                var writer = new CborWriter(buffer.Bytes, GuardedBuffer.Offset);
                writer.WriteStartMap(counts[i]);
                CollectionAssert.AreEqual(TestBytes.Hex(heads[i]), buffer.Output(writer.BytesWritten));
                Assert.IsTrue(buffer.GuardsIntact(writer.BytesWritten));
            }
        }

        [TestMethod]
        public void WriteTextString_MeasureMatchesWriteHappyPath()
        {
            string[] texts = { "", "a", "IETF", "\"\\", "\u00fc", "\u6c34", "\ud800\udd51" };
            string[] encoded = { "60", "61 61", "64 49 45 54 46", "62 22 5c", "62 c3 bc", "63 e6 b0 b4", "64 f0 90 85 91" };
            for (int i = 0; i < texts.Length; i++)
            {
                var measure = new CborWriter(null, 0);
                measure.WriteTextString(texts[i]);
                var buffer = new GuardedBuffer(16);
                var writer = new CborWriter(buffer.Bytes, GuardedBuffer.Offset);
                writer.WriteTextString(texts[i]);
                Assert.AreEqual(measure.BytesWritten, writer.BytesWritten);
                CollectionAssert.AreEqual(TestBytes.Hex(encoded[i]), buffer.Output(writer.BytesWritten));
                Assert.IsTrue(writer.IsValid);
            }
        }
    }
}
