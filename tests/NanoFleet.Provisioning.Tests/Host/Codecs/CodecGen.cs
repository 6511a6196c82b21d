using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace NanoFleet.Provisioning.Tests.Codecs
{
    /// <summary>CsCheck generators for the codec properties: valid UTF-16 text, string maps, and byte mutations.</summary>
    internal static class CodecGen
    {
        /// <summary>One "character" as a string: mostly ASCII (controls, quotes and backslashes included), some BMP, some astral pairs.</summary>
        private static readonly Gen<string> Unit = Gen.Frequency(
            (8, Gen.Char[' ', '~'].Select(c => c.ToString())),
            (2, Gen.Char["\"\\/\n\r\t\b\f\u0000\u0001\u001f\u007f"].Select(c => c.ToString())),
            (2, Gen.Char['\u0080', '\uD7FF'].Select(c => c.ToString())),
            (1, Gen.Char['\uE000', '\uFFFF'].Select(c => c.ToString())),
            (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));

        /// <summary>Valid (surrogate-pair-correct) text of 0..<paramref name="max"/> units.</summary>
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
