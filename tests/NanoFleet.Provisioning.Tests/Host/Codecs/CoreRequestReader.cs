using System.Collections.Generic;
using NanoFleet.Provisioning.Cbor;
using NanoFleet.Provisioning.Json;

namespace NanoFleet.Provisioning.Tests.Codecs
{
    /// <summary>
    /// Reads a request payload (an object of text members, one level of nested text maps) back
    /// with the core's own low-level readers, for writer→reader round trips. Nested maps come back
    /// with their entries as "outer/inner" keys.
    /// </summary>
    internal static class CoreRequestReader
    {
        public static Dictionary<string, string>? Read(FpFormat format, byte[] payload)
        {
            var members = new Dictionary<string, string>();
            return (format == FpFormat.Json ? ReadJson(payload, members) : ReadCbor(payload, members)) ? members : null;
        }

        private static bool ReadJson(byte[] payload, Dictionary<string, string> members)
        {
            var r = new JsonReader(payload, 0, payload.Length, 4);
            string prefix = "";
            string key = "";
            while (r.Read())
            {
                switch (r.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        r.TryGetString(out key);
                        break;
                    case JsonTokenType.StartObject:
                        prefix = r.CurrentDepth == 2 ? key + "/" : "";
                        break;
                    case JsonTokenType.EndObject:
                        prefix = "";
                        break;
                    case JsonTokenType.String:
                        r.TryGetString(out string value);
                        members[prefix + key] = value;
                        break;
                    default:
                        return false;
                }
            }

            return r.ErrorKind == FpReadErrorKind.None;
        }

        private static bool ReadCbor(byte[] payload, Dictionary<string, string> members)
        {
            var r = new CborReader(payload, 0, payload.Length, CborConformanceMode.Canonical);
            if (!r.ReadStartMap(out int pairs))
            {
                return false;
            }

            for (int i = 0; i < pairs; i++)
            {
                if (!r.ReadTextString(out string key))
                {
                    return false;
                }

                if (r.PeekState() == CborReaderState.StartMap)
                {
                    r.ReadStartMap(out int inner);
                    for (int j = 0; j < inner; j++)
                    {
                        if (!r.ReadTextString(out string innerKey) || !r.ReadTextString(out string innerValue))
                        {
                            return false;
                        }

                        members[key + "/" + innerKey] = innerValue;
                    }

                    r.ReadEndMap();
                }
                else if (r.ReadTextString(out string value))
                {
                    members[key] = value;
                }
                else
                {
                    return false;
                }
            }

            return r.ReadEndMap() && r.ReadEndOfInput();
        }
    }
}
