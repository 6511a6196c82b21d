using System;
using System.Collections.Generic;
using System.Formats.Cbor;
using System.Text;
using System.Text.Json;

namespace NanoFleet.Cloud.Tests.Support
{
    /// <summary>Request encoding and response decoding written independently of the emulator's codec.</summary>
    public static class TestPayloads
    {
        public static byte[] Encode(IDictionary<string, object> body, bool cbor)
        {
            if (!cbor)
            {
                return JsonSerializer.SerializeToUtf8Bytes(body);
            }

            var w = new CborWriter();
            Write(w, body);
            return w.Encode();
        }

        public static byte[] RegisterThing(string token, IDictionary<string, string>? parameters, bool cbor)
        {
            var body = new Dictionary<string, object> { ["certificateOwnershipToken"] = token };
            if (parameters is not null)
            {
                body["parameters"] = parameters;
            }

            return Encode(body, cbor);
        }

        public static Dictionary<string, object?> Decode(byte[] payload, bool cbor)
        {
            if (!cbor)
            {
                return (Dictionary<string, object?>)FromJson(JsonDocument.Parse(payload).RootElement)!;
            }

            var reader = new CborReader(payload, CborConformanceMode.Strict);
            var result = (Dictionary<string, object?>)ReadCbor(reader)!;
            Assert.Equal(0, reader.BytesRemaining);
            return result;
        }

        private static void Write(CborWriter w, object value)
        {
            switch (value)
            {
                case string s: w.WriteTextString(s); break;
                case int i: w.WriteInt32(i); break;
                case IDictionary<string, string> map:
                    w.WriteStartMap(map.Count);
                    foreach (var (k, v) in map)
                    {
                        w.WriteTextString(k);
                        w.WriteTextString(v);
                    }

                    w.WriteEndMap();
                    break;
                case IDictionary<string, object> map:
                    w.WriteStartMap(map.Count);
                    foreach (var (k, v) in map)
                    {
                        w.WriteTextString(k);
                        Write(w, v);
                    }

                    w.WriteEndMap();
                    break;
                default: throw new ArgumentException(value.GetType().Name);
            }
        }

        private static object? FromJson(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => ToMap(e),
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetInt64(),
            _ => throw new InvalidOperationException("unexpected JSON " + e.ValueKind),
        };

        private static Dictionary<string, object?> ToMap(JsonElement e)
        {
            var map = new Dictionary<string, object?>();
            foreach (var p in e.EnumerateObject())
            {
                map[p.Name] = FromJson(p.Value);
            }

            return map;
        }

        private static object? ReadCbor(CborReader r)
        {
            switch (r.PeekState())
            {
                case CborReaderState.StartMap:
                    int? count = r.ReadStartMap();
                    Assert.NotNull(count); // AWS's device parsers expect definite-length maps
                    var map = new Dictionary<string, object?>();
                    for (int i = 0; i < count; i++)
                    {
                        string key = r.ReadTextString();
                        map[key] = ReadCbor(r);
                    }

                    r.ReadEndMap();
                    return map;
                case CborReaderState.TextString: return r.ReadTextString();
                case CborReaderState.UnsignedInteger: return r.ReadInt64();
                default: throw new InvalidOperationException("unexpected CBOR " + r.PeekState());
            }
        }
    }
}
