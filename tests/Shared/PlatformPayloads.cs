using System.Collections.Generic;
using System.Formats.Cbor;
using System.IO;
using System.Text.Json;
using NanoFleet.Provisioning;

namespace NanoFleet.Tests.Shared
{
    /// <summary>
    /// Encodes AWS-shaped provisioning responses with the platform's own writers (System.Text.Json,
    /// System.Formats.Cbor), so the core's readers are fed bytes they did not produce themselves.
    /// Shared (linked) by the exploration test's simulated cloud and the allocation benchmark.
    /// </summary>
    internal static class PlatformPayloads
    {
        /// <summary>Encodes one top-level map; values are strings, ints or flat string maps.</summary>
        public static byte[] Encode(FpFormat format, List<(string Key, object Value)> fields)
        {
            if (format == FpFormat.Json)
            {
                var stream = new MemoryStream();
                using (var json = new Utf8JsonWriter(stream))
                {
                    json.WriteStartObject();
                    foreach (var (key, value) in fields)
                    {
                        json.WritePropertyName(key);
                        JsonSerializer.Serialize(json, value);
                    }

                    json.WriteEndObject();
                }

                return stream.ToArray();
            }

            var cbor = new CborWriter(CborConformanceMode.Strict);
            cbor.WriteStartMap(fields.Count);
            foreach (var (key, value) in fields)
            {
                cbor.WriteTextString(key);
                switch (value)
                {
                    case int i: cbor.WriteInt32(i); break;
                    case string s: cbor.WriteTextString(s); break;
                    case Dictionary<string, string> map:
                        cbor.WriteStartMap(map.Count);
                        foreach (var entry in map)
                        {
                            cbor.WriteTextString(entry.Key);
                            cbor.WriteTextString(entry.Value);
                        }

                        cbor.WriteEndMap();
                        break;
                    default:
                        throw new System.ArgumentException($"field '{key}' has an unsupported type {value.GetType().Name}");
                }
            }

            cbor.WriteEndMap();
            return cbor.Encode();
        }
    }
}
