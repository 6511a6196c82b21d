using System;
using System.Collections.Generic;
using System.Formats.Cbor;
using System.IO;
using System.Text;
using System.Text.Json;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>
    /// Request and response bodies in JSON or CBOR, as plain maps: values are string, long, double,
    /// bool, null, nested maps and lists. CBOR output is a definite-length map with text keys, as
    /// AWS's device parsers expect. An empty payload decodes to an empty map (the docs say "empty",
    /// the SDKs send "{}").
    /// </summary>
    internal static class PayloadCodec
    {
        /// <summary>Decodes a request body.</summary>
        /// <exception cref="InvalidDataException">The bytes are not a map in <paramref name="format"/>.</exception>
        public static Dictionary<string, object?> Decode(ReadOnlyMemory<byte> payload, PayloadFormat format)
        {
            if (payload.IsEmpty)
            {
                return new Dictionary<string, object?>();
            }

            try
            {
                object? value = format == PayloadFormat.Json ? DecodeJson(payload) : DecodeCbor(payload);
                return value as Dictionary<string, object?>
                    ?? throw new InvalidDataException($"The payload is not a {format.ToString().ToUpperInvariant()} object.");
            }
            // OverflowException: a CBOR integer beyond int64 is a client's mistake like any other malformed body.
            catch (Exception ex) when (ex is JsonException or CborContentException or InvalidOperationException or FormatException or OverflowException)
            {
                throw new InvalidDataException($"The payload is not valid {format.ToString().ToUpperInvariant()}: {ex.Message}");
            }
        }

        /// <summary>Encodes a response body. Values: string, int, long, or string→string maps.</summary>
        public static byte[] Encode(IReadOnlyList<KeyValuePair<string, object>> fields, PayloadFormat format) =>
            format == PayloadFormat.Json ? EncodeJson(fields) : EncodeCbor(fields);

        private static object? DecodeJson(ReadOnlyMemory<byte> payload)
        {
            using var doc = JsonDocument.Parse(payload);
            return FromJson(doc.RootElement);
        }

        private static object? FromJson(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var p in e.EnumerateObject())
                    {
                        map[p.Name] = FromJson(p.Value);
                    }

                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (var item in e.EnumerateArray())
                    {
                        list.Add(FromJson(item));
                    }

                    return list;
                case JsonValueKind.String: return e.GetString();
                case JsonValueKind.Number: return e.TryGetInt64(out long l) ? l : e.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }

        private static object? DecodeCbor(ReadOnlyMemory<byte> payload)
        {
            var reader = new CborReader(payload, CborConformanceMode.Lax);
            var value = ReadCbor(reader, 0);
            if (reader.BytesRemaining != 0)
            {
                throw new FormatException($"{reader.BytesRemaining} bytes follow the top-level item.");
            }

            return value;
        }

        private static object? ReadCbor(CborReader reader, int depth)
        {
            if (depth > 16)
            {
                throw new FormatException("Nesting deeper than 16 levels.");
            }

            switch (reader.PeekState())
            {
                case CborReaderState.StartMap:
                    reader.ReadStartMap();
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    while (reader.PeekState() != CborReaderState.EndMap)
                    {
                        if (reader.PeekState() != CborReaderState.TextString)
                        {
                            throw new FormatException("Map keys must be text strings.");
                        }

                        string key = reader.ReadTextString();
                        map[key] = ReadCbor(reader, depth + 1);
                    }

                    reader.ReadEndMap();
                    return map;
                case CborReaderState.StartArray:
                    reader.ReadStartArray();
                    var list = new List<object?>();
                    while (reader.PeekState() != CborReaderState.EndArray)
                    {
                        list.Add(ReadCbor(reader, depth + 1));
                    }

                    reader.ReadEndArray();
                    return list;
                case CborReaderState.TextString: return reader.ReadTextString();
                case CborReaderState.UnsignedInteger:
                case CborReaderState.NegativeInteger: return reader.ReadInt64();
                case CborReaderState.Boolean: return reader.ReadBoolean();
                case CborReaderState.Null: reader.ReadNull(); return null;
                case CborReaderState.HalfPrecisionFloat:
                case CborReaderState.SinglePrecisionFloat:
                case CborReaderState.DoublePrecisionFloat: return reader.ReadDouble();
                case CborReaderState.ByteString: return Convert.ToBase64String(reader.ReadByteString());
                default: throw new FormatException($"Unsupported CBOR item {reader.PeekState()}.");
            }
        }

        private static byte[] EncodeJson(IReadOnlyList<KeyValuePair<string, object>> fields)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                foreach (var (key, value) in fields)
                {
                    w.WritePropertyName(key);
                    switch (value)
                    {
                        case string s: w.WriteStringValue(s); break;
                        case int i: w.WriteNumberValue(i); break;
                        case IReadOnlyDictionary<string, string> map:
                            w.WriteStartObject();
                            foreach (var (k, v) in map)
                            {
                                w.WriteString(k, v);
                            }

                            w.WriteEndObject();
                            break;
                        default: throw new ArgumentException($"Field '{key}' has an unsupported type {value.GetType().Name}.");
                    }
                }

                w.WriteEndObject();
            }

            return stream.ToArray();
        }

        private static byte[] EncodeCbor(IReadOnlyList<KeyValuePair<string, object>> fields)
        {
            var w = new CborWriter(CborConformanceMode.Lax, convertIndefiniteLengthEncodings: true);
            w.WriteStartMap(fields.Count);
            foreach (var (key, value) in fields)
            {
                w.WriteTextString(key);
                switch (value)
                {
                    case string s: w.WriteTextString(s); break;
                    case int i: w.WriteInt32(i); break;
                    case IReadOnlyDictionary<string, string> map:
                        w.WriteStartMap(map.Count);
                        foreach (var (k, v) in map)
                        {
                            w.WriteTextString(k);
                            w.WriteTextString(v);
                        }

                        w.WriteEndMap();
                        break;
                    default: throw new ArgumentException($"Field '{key}' has an unsupported type {value.GetType().Name}.");
                }
            }

            w.WriteEndMap();
            return w.Encode();
        }
    }
}
