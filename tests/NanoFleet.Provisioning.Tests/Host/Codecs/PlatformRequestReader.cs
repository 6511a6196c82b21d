using System.Collections.Generic;
using System.Text.Json;
using NetCbor = System.Formats.Cbor;

namespace NanoFleet.Provisioning.Tests.Codecs
{
    /// <summary>The same flattening as <see cref="CoreRequestReader"/>, done by System.Text.Json and System.Formats.Cbor.</summary>
    internal static class PlatformRequestReader
    {
        public static Dictionary<string, string> Read(FpFormat format, byte[] payload) =>
            format == FpFormat.Json ? ReadJson(payload) : ReadCbor(payload);

        private static Dictionary<string, string> ReadJson(byte[] payload)
        {
            var members = new Dictionary<string, string>();
            using var document = JsonDocument.Parse(payload);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var inner in member.Value.EnumerateObject())
                    {
                        members[member.Name + "/" + inner.Name] = inner.Value.GetString()!;
                    }
                }
                else
                {
                    members[member.Name] = member.Value.GetString()!;
                }
            }

            return members;
        }

        /// <summary>Strict mode (valid UTF-8, well-formed); Canonical would also demand sorted keys, which AWS does not need.</summary>
        private static Dictionary<string, string> ReadCbor(byte[] payload)
        {
            var members = new Dictionary<string, string>();
            var r = new NetCbor.CborReader(payload, NetCbor.CborConformanceMode.Strict);
            int pairs = r.ReadStartMap()!.Value;
            for (int i = 0; i < pairs; i++)
            {
                string key = r.ReadTextString();
                if (r.PeekState() == NetCbor.CborReaderState.StartMap)
                {
                    int inner = r.ReadStartMap()!.Value;
                    for (int j = 0; j < inner; j++)
                    {
                        string innerKey = r.ReadTextString();
                        members[key + "/" + innerKey] = r.ReadTextString();
                    }

                    r.ReadEndMap();
                }
                else
                {
                    members[key] = r.ReadTextString();
                }
            }

            r.ReadEndMap();
            if (r.BytesRemaining != 0)
            {
                throw new NetCbor.CborContentException("trailing bytes");
            }

            return members;
        }
    }
}
