using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetCbor = System.Formats.Cbor;

namespace NanoFleet.Provisioning.Tests.Codecs
{
    /// <summary>
    /// Response payloads written by the platform's own encoders (System.Text.Json and
    /// System.Formats.Cbor), so the core's readers are checked against independent output.
    /// </summary>
    internal static class ReferenceEncoders
    {
        /// <summary>A JSON object of string members; <paramref name="escapeAll"/> makes STJ escape all non-ASCII as \uXXXX.</summary>
        public static byte[] Json(IEnumerable<KeyValuePair<string, object>> members, bool escapeAll)
        {
            var options = new JsonWriterOptions { Encoder = escapeAll ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, options))
            {
                WriteJson(writer, members);
            }

            return stream.ToArray();
        }

        private static void WriteJson(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object>> members)
        {
            writer.WriteStartObject();
            foreach (var member in members)
            {
                writer.WritePropertyName(member.Key);
                switch (member.Value)
                {
                    case string text: writer.WriteStringValue(text); break;
                    case int number: writer.WriteNumberValue(number); break;
                    case List<KeyValuePair<string, string>> map:
                        writer.WriteStartObject();
                        foreach (var pair in map)
                        {
                            writer.WriteString(pair.Key, pair.Value);
                        }

                        writer.WriteEndObject();
                        break;
                }
            }

            writer.WriteEndObject();
        }

        /// <summary>A CBOR map; <paramref name="indefinite"/> writes indefinite-length maps and chunked text.</summary>
        public static byte[] Cbor(IEnumerable<KeyValuePair<string, object>> members, bool indefinite)
        {
            var writer = new NetCbor.CborWriter(NetCbor.CborConformanceMode.Lax, convertIndefiniteLengthEncodings: false);
            var list = new List<KeyValuePair<string, object>>(members);
            writer.WriteStartMap(indefinite ? null : list.Count);
            foreach (var member in list)
            {
                WriteCborText(writer, member.Key, indefinite);
                switch (member.Value)
                {
                    case string text: WriteCborText(writer, text, indefinite); break;
                    case int number: writer.WriteInt32(number); break;
                    case List<KeyValuePair<string, string>> map:
                        writer.WriteStartMap(indefinite ? null : map.Count);
                        foreach (var pair in map)
                        {
                            WriteCborText(writer, pair.Key, indefinite);
                            WriteCborText(writer, pair.Value, indefinite);
                        }

                        writer.WriteEndMap();
                        break;
                }
            }

            writer.WriteEndMap();
            return writer.Encode();
        }

        /// <summary>Text, chunked in two when indefinite (split between code points).</summary>
        private static void WriteCborText(NetCbor.CborWriter writer, string text, bool indefinite)
        {
            if (!indefinite)
            {
                writer.WriteTextString(text);
                return;
            }

            int half = text.Length / 2;
            if (half > 0 && char.IsLowSurrogate(text[half]))
            {
                half--;
            }

            writer.WriteStartIndefiniteLengthTextString();
            writer.WriteTextString(text.Substring(0, half));
            writer.WriteTextString(text.Substring(half));
            writer.WriteEndIndefiniteLengthTextString();
        }
    }
}
