using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Json;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>JsonWriter: separators, escaping, measuring equals writing, and refusal of lone surrogates.</summary>
    [TestClass]
    public class JsonWriterTests
    {
        [TestMethod]
        public void Write_NestedObjectsHappyPath()
        {
            var buffer = new GuardedBuffer(128);
            var writer = new JsonWriter(buffer.Bytes, GuardedBuffer.Offset);
            writer.WriteStartObject();
            writer.WritePropertyName("a");
            writer.WriteStringValue("1");
            writer.WritePropertyName("m");
            writer.WriteStartObject();
            writer.WritePropertyName("x");
            writer.WriteStringValue("");
            writer.WritePropertyName("y");
            writer.WriteStringValue("z");
            writer.WriteEndObject();
            writer.WritePropertyName("e");
            writer.WriteStartObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            Assert.AreEqual("{\"a\":\"1\",\"m\":{\"x\":\"\",\"y\":\"z\"},\"e\":{}}", buffer.Ascii(writer.BytesWritten));
            Assert.IsTrue(buffer.GuardsIntact(writer.BytesWritten));
        }

        [TestMethod]
        public void WriteStringValue_EscapesHappyPath()
        {
            string[] values = { "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\u0001", "\u001f", "/", "\u007f", "\u00e9", "\ud83d\ude00" };
            string[] expected = { "\"\\\"\"", "\"\\\\\"", "\"\\n\"", "\"\\r\"", "\"\\t\"", "\"\\b\"", "\"\\f\"", "\"\\u0001\"", "\"\\u001f\"", "\"/\"", "\"\u007f\"" };
            for (int i = 0; i < values.Length; i++)
            {
                var measure = new JsonWriter(null, 0);
                measure.WriteStringValue(values[i]);
                var buffer = new GuardedBuffer(16);
                var writer = new JsonWriter(buffer.Bytes, GuardedBuffer.Offset);
                writer.WriteStringValue(values[i]);
                Assert.AreEqual(measure.BytesWritten, writer.BytesWritten, "value #" + i);
                if (i < expected.Length)
                {
                    Assert.AreEqual(expected[i], buffer.Ascii(writer.BytesWritten), "value #" + i);
                }
            }

            var utf8 = new GuardedBuffer(16);
            var w = new JsonWriter(utf8.Bytes, GuardedBuffer.Offset);
            w.WriteStringValue("\u00e9\ud83d\ude00");
            CollectionAssert.AreEqual(TestBytes.Hex("22 c3 a9 f0 9f 98 80 22"), utf8.Output(w.BytesWritten));
        }
    }
}
