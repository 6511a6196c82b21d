using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace NanoFleet.Provisioning.Tests.Codecs
{
    /// <summary>CsCheck generators for the codec properties: valid UTF-16 text, string maps, and byte mutations.</summary>
    internal static class CodecGen
    {
        /// <summary>
        /// One "character" as a string: mostly ASCII (controls, quotes and backslashes included), some
        /// BMP, some astral pairs. Never U+0000: a nanoCLR string cannot hold it (it ends the string),
        /// so the core refuses it in text (Nano/Text/NulTextTests.cs).
        /// </summary>
        private static readonly Gen<string> Unit = Gen.Frequency(
            (8, Gen.Char[' ', '~'].Select(c => c.ToString())),
            (2, Gen.Char["\"\\/\n\r\t\b\f\u0001\u001f\u007f"].Select(c => c.ToString())),
            (2, Gen.Char['\u0080', '\uD7FF'].Select(c => c.ToString())),
            (1, Gen.Char['\uE000', '\uFFFF'].Select(c => c.ToString())),
            (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));

        /// <summary>Text a nanoCLR string can hold (surrogate-pair-correct, no U+0000) of 0..<paramref name="max"/> units.</summary>
        public static Gen<string> Text(int min, int max) => Unit.Array[min, max].Select(parts => string.Concat(parts));

        /// <summary>A map with distinct keys, in a fixed order.</summary>
        public static Gen<List<KeyValuePair<string, string>>> Map(int maxEntries) =>
            Gen.Select(Text(1, 12), Text(0, 40)).Array[0, maxEntries].Select(pairs =>
                pairs.GroupBy(p => p.Item1, StringComparer.Ordinal)
                     .Select(g => new KeyValuePair<string, string>(g.Key, g.First().Item2))
                     .ToList());

        public static StringMap ToStringMap(List<KeyValuePair<string, string>> pairs)
        {
            var map = new StringMap();
            foreach (var pair in pairs)
            {
                map.Set(pair.Key, pair.Value);
            }

            return map;
        }

        /// <summary>
        /// Text assembled from JSON's own alphabet (structural characters, escapes, surrogate
        /// halves, numbers' parts, literals, the response keys), as UTF-8: random, yet it reaches
        /// deep into the grammar, where uniform random bytes stop at the first byte.
        /// </summary>
        public static Gen<byte[]> JsonishBytes(int maxTokens) =>
            Gen.OneOf(new[]
            {
                "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "d83d", "\\ude00", "\\n", "1", "0", "-", "+", "e", ".", "true", "null", "fals",
                " ", "\n", "\"thingName\"", "\"deviceConfiguration\"", "\"a\"", "\"statusCode\"", "\"errorCode\"", "\u00e9", "\u0001", "\"\"",
            }).Array[0, maxTokens].Select(parts => System.Text.Encoding.UTF8.GetBytes(string.Concat(parts)));

        /// <summary>
        /// Valid JSON documents (nested objects and arrays, escaped strings, numbers in every
        /// shape, literals, odd whitespace), half of them then damaged by a few single-character
        /// edits drawn from JSON's alphabet: inputs on both sides of the accept/refuse line.
        /// </summary>
        public static Gen<byte[]> JsonDocuments() =>
            Gen.Select(Gen.Int, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Char["{}[],:\"\\u0e-1 tn"]).Array[0, 3], Gen.Bool, (seed, edits, damage) =>
            {
                var text = new System.Text.StringBuilder();
                WriteJsonValue(text, new Random(seed), 0);
                if (damage)
                {
                    foreach (var (where, c) in edits)
                    {
                        int at = where % (text.Length + 1);
                        if (at < text.Length && where % 2 == 0)
                        {
                            text[at] = c;
                        }
                        else
                        {
                            text.Insert(at, c);
                        }
                    }
                }

                return System.Text.Encoding.UTF8.GetBytes(text.ToString());
            });

        private static void WriteJsonValue(System.Text.StringBuilder text, Random random, int depth)
        {
            string[] spaces = { "", " ", "\n", "\t", "\r\n " };
            text.Append(spaces[random.Next(spaces.Length)]);
            switch (random.Next(depth > 4 ? 4 : 6))
            {
                case 0:
                    string[] numbers = { "0", "-0", "12", "-3.25", "1e9", "2E-3", "6.02e+23", "2147483648", "-1" };
                    text.Append(numbers[random.Next(numbers.Length)]);
                    break;
                case 1:
                    string[] literals = { "true", "false", "null" };
                    text.Append(literals[random.Next(literals.Length)]);
                    break;
                case 2:
                case 3:
                    WriteJsonString(text, random);
                    break;
                case 4:
                    text.Append('[');
                    for (int i = random.Next(4); i > 0; i--)
                    {
                        WriteJsonValue(text, random, depth + 1);
                        text.Append(i > 1 ? "," : "");
                    }

                    text.Append(']');
                    break;
                default:
                    text.Append('{');
                    for (int i = random.Next(4); i > 0; i--)
                    {
                        WriteJsonString(text, random);
                        text.Append(':');
                        WriteJsonValue(text, random, depth + 1);
                        text.Append(i > 1 ? "," : "");
                    }

                    text.Append('}');
                    break;
            }

            text.Append(spaces[random.Next(spaces.Length)]);
        }

        private static void WriteJsonString(System.Text.StringBuilder text, Random random)
        {
            string[] parts = { "a", "thingName", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\ud83d\\ude00", "\u00e9", "\u6c34", "\U0001F600", "\\t", " " };
            text.Append('"');
            for (int i = random.Next(5); i > 0; i--)
            {
                text.Append(parts[random.Next(parts.Length)]);
            }

            text.Append('"');
        }

        /// <summary>
        /// Bytes assembled from CBOR heads (every major type, short and long arguments, indefinite
        /// starts, breaks, reserved values) and small payloads, so that random input forms nested
        /// items instead of failing at the first byte.
        /// </summary>
        public static Gen<byte[]> CborishBytes(int maxPieces) =>
            Gen.OneOf(new[]
            {
                new byte[] { 0x00 }, new byte[] { 0x17 }, new byte[] { 0x18, 0x18 }, new byte[] { 0x18, 0x05 }, new byte[] { 0x19, 0x01, 0x00 },
                new byte[] { 0x1a, 0x7f, 0xff, 0xff, 0xff }, new byte[] { 0x1b, 0, 0, 0, 1, 0, 0, 0, 0 }, new byte[] { 0x20 }, new byte[] { 0x38, 0x63 },
                new byte[] { 0x40 }, new byte[] { 0x42, 0x01, 0x02 }, new byte[] { 0x5f }, new byte[] { 0x60 }, new byte[] { 0x61, 0x61 },
                new byte[] { 0x62, 0xc3, 0xa9 }, new byte[] { 0x61, 0xff }, new byte[] { 0x63, 0xed, 0xa0, 0x80 }, new byte[] { 0x7f },
                new byte[] { 0x80 }, new byte[] { 0x81 }, new byte[] { 0x82 }, new byte[] { 0x9f }, new byte[] { 0xa0 }, new byte[] { 0xa1 },
                new byte[] { 0xa2 }, new byte[] { 0xbf }, new byte[] { 0xc0 }, new byte[] { 0xd8, 0x20 }, new byte[] { 0xf4 }, new byte[] { 0xf6 },
                new byte[] { 0xf7 }, new byte[] { 0xf8, 0x10 }, new byte[] { 0xf8, 0x40 }, new byte[] { 0xf9, 0x3c, 0x00 }, new byte[] { 0xfa, 0, 0, 0, 0 },
                new byte[] { 0xff }, new byte[] { 0x1c }, new byte[] { 0x5c }, new byte[] { 0x9c }, new byte[] { 0xfc }, new byte[] { 0x3f },
            }).Array[0, maxPieces].Select(pieces => pieces.SelectMany(p => p).ToArray());

        /// <summary>
        /// Applies up to a few random edits (overwrite, insert, delete, truncate) to a copy of
        /// <paramref name="payload"/>; the edit script is drawn by CsCheck so failures shrink.
        /// </summary>
        public static Gen<byte[]> Mutated(Gen<byte[]> payloads) =>
            Gen.Select(payloads, Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 6], (payload, edits) =>
            {
                var bytes = payload.ToList();
                foreach (var (op, where, value) in edits)
                {
                    if (bytes.Count == 0)
                    {
                        bytes.Add(value);
                        continue;
                    }

                    int at = where % bytes.Count;
                    switch (op)
                    {
                        case 0: bytes[at] = value; break;
                        case 1: bytes.Insert(at, value); break;
                        case 2: bytes.RemoveAt(at); break;
                        default: bytes.RemoveRange(at, bytes.Count - at); break;
                    }
                }

                return bytes.ToArray();
            });
    }
}
