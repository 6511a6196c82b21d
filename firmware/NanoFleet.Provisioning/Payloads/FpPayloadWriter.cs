using NanoFleet.Provisioning.Cbor;
using NanoFleet.Provisioning.Json;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// Writes the three provisioning requests in JSON or CBOR into a caller-owned buffer. Each
    /// request is composed twice over the same <see cref="IMapWriter"/> code (and writer): once only
    /// counting, then — when it fits — for real. So a too-small buffer is reported with the size
    /// needed and left untouched, and nothing but the one writer is allocated.
    /// </summary>
    /// <example>
    /// <code>
    /// var buffer = new byte[4096];
    /// FpStatus s = FpPayloadWriter.WriteRegisterThingRequest(FpFormat.Cbor, token, parameters, buffer, 0, out int n);
    /// if (s == FpStatus.BufferTooSmall) { buffer = new byte[n]; /* and again */ }
    /// </code>
    /// </example>
    public static class FpPayloadWriter
    {
        private static readonly byte[] NoText = new byte[0];

        private enum Request
        {
            CreateKeysAndCertificate,
            CreateCertificateFromCsr,
            RegisterThing,
        }

        /// <summary>Writes the CreateKeysAndCertificate request: JSON <c>{}</c>, CBOR empty map <c>0xA0</c>.</summary>
        /// <param name="format">JSON or CBOR.</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where in <paramref name="buffer"/> to start.</param>
        /// <param name="written">Bytes written; on <see cref="FpStatus.BufferTooSmall"/> the bytes needed.</param>
        /// <returns><see cref="FpStatus.Success"/>; <see cref="FpStatus.BufferTooSmall"/> (nothing
        /// written); <see cref="FpStatus.BadParameter"/> for a bad format, a null buffer or an offset outside it.</returns>
        public static FpStatus WriteCreateKeysAndCertificateRequest(FpFormat format, byte[] buffer, int offset, out int written)
        {
            return Write(Request.CreateKeysAndCertificate, format, RequestText.Of(NoText), null, null, null, buffer, offset, out written, out _);
        }

        /// <summary>Writes <c>{"certificateSigningRequest":"&lt;PEM&gt;"}</c>.</summary>
        /// <param name="format">JSON or CBOR.</param>
        /// <param name="csrPem">The PEM CSR as UTF-8 (not empty).</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where in <paramref name="buffer"/> to start.</param>
        /// <param name="written">Bytes written; on <see cref="FpStatus.BufferTooSmall"/> the bytes needed.</param>
        /// <returns><see cref="FpStatus.Success"/>; <see cref="FpStatus.BufferTooSmall"/> (nothing
        /// written); <see cref="FpStatus.BadParameter"/> for a bad format, buffer or offset, or a
        /// null, empty or non-UTF-8 CSR.</returns>
        public static FpStatus WriteCreateCertificateFromCsrRequest(FpFormat format, byte[] csrPem, byte[] buffer, int offset, out int written)
        {
            if (csrPem == null || csrPem.Length == 0)
            {
                written = 0;
                return FpStatus.BadParameter;
            }

            return Write(Request.CreateCertificateFromCsr, format, RequestText.Of(csrPem), null, null, null, buffer, offset, out written, out _);
        }

        /// <summary>Writes <c>{"certificateOwnershipToken":"…","parameters":{"k":"v",…}}</c>; <c>parameters</c> is left out when null or empty.</summary>
        /// <param name="format">JSON or CBOR.</param>
        /// <param name="ownershipToken">The token from the create response, as UTF-8 (not empty). Secret: never logged.</param>
        /// <param name="parameters">The template parameters, or null.</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where in <paramref name="buffer"/> to start.</param>
        /// <param name="written">Bytes written; on <see cref="FpStatus.BufferTooSmall"/> the bytes needed.</param>
        /// <returns><see cref="FpStatus.Success"/>; <see cref="FpStatus.BufferTooSmall"/> (nothing
        /// written); <see cref="FpStatus.BadParameter"/> for a bad format, buffer or offset, a null
        /// or empty token, a token that is not UTF-8, a null parameter key or value, or a string
        /// holding a lone surrogate or U+0000.</returns>
        public static FpStatus WriteRegisterThingRequest(FpFormat format, byte[] ownershipToken, StringMap? parameters, byte[] buffer, int offset, out int written)
        {
            written = 0;
            if (ownershipToken == null || ownershipToken.Length == 0 || !HasNoNulls(parameters))
            {
                return FpStatus.BadParameter;
            }

            return Write(Request.RegisterThing, format, RequestText.Of(ownershipToken), parameters, null, null, buffer, offset, out written, out _);
        }

        /// <summary>
        /// <see cref="WriteRegisterThingRequest(FpFormat, byte[], StringMap, byte[], int, out int)"/>
        /// for the machine: the token as a located value of the create response (copied in its
        /// encoded form), and one more parameter written after <paramref name="parameters"/> (in
        /// place of an entry of the same name), so no merged map is built.
        /// </summary>
        /// <param name="tokenAt">Where the token's encoded content starts, counted from <paramref name="offset"/>.</param>
        internal static FpStatus WriteRegisterThingRequest(FpFormat format, RequestText token, StringMap parameters, string extraName, string extraValue,
            byte[] buffer, int offset, out int written, out int tokenAt)
        {
            written = 0;
            tokenAt = 0;
            if (!HasNoNulls(parameters) || extraName == null || extraValue == null)
            {
                return FpStatus.BadParameter;
            }

            return Write(Request.RegisterThing, format, token, parameters, extraName, extraValue, buffer, offset, out written, out tokenAt);
        }

        private static FpStatus Write(Request request, FpFormat format, RequestText text, StringMap? map, string? extraName, string? extraValue,
            byte[] buffer, int offset, out int written, out int textAt)
        {
            written = 0;
            textAt = 0;
            if ((format != FpFormat.Json && format != FpFormat.Cbor) || buffer == null || offset < 0 || offset > buffer.Length)
            {
                return FpStatus.BadParameter;
            }

            IMapWriter measure = NewWriter(format, null, 0);
            Compose(measure, request, text, map, extraName, extraValue);
            if (!measure.IsValid)
            {
                return FpStatus.BadParameter;
            }

            if (measure.BytesWritten > buffer.Length - offset)
            {
                written = measure.BytesWritten;
                return FpStatus.BufferTooSmall;
            }

            // The same writer again, now into the buffer: one writer object per request, not two.
            if (measure is JsonWriter json)
            {
                json.Restart(buffer, offset);
            }
            else
            {
                ((CborWriter)measure).Restart(buffer, offset);
            }

            textAt = Compose(measure, request, text, map, extraName, extraValue);
            written = measure.BytesWritten;
            return FpStatus.Success;
        }

        private static IMapWriter NewWriter(FpFormat format, byte[]? buffer, int offset) =>
            format == FpFormat.Json ? new JsonWriter(buffer, offset) : new CborWriter(buffer, offset);

        /// <summary>Composes one request; returns where its text value's content starts (for a located text; else -1).</summary>
        private static int Compose(IMapWriter w, Request request, RequestText text, StringMap? map, string? extraName, string? extraValue)
        {
            int textAt = -1;
            switch (request)
            {
                case Request.CreateKeysAndCertificate:
                    w.WriteStartMap(0);
                    break;
                case Request.CreateCertificateFromCsr:
                    w.WriteStartMap(1);
                    w.WriteKey(FpPayloadKeys.CertificateSigningRequest);
                    textAt = text.WriteTo(w);
                    break;
                default:
                    int pairs = CountParameters(map, extraName);
                    w.WriteStartMap(pairs > 0 ? 2 : 1);
                    w.WriteKey(FpPayloadKeys.CertificateOwnershipToken);
                    textAt = text.WriteTo(w);
                    if (pairs > 0)
                    {
                        w.WriteKey(FpPayloadKeys.Parameters);
                        w.WriteStartMap(pairs);
                        for (int i = 0; map != null && i < map.Count; i++)
                        {
                            if (map.KeyAt(i) != extraName)
                            {
                                w.WriteKey(map.KeyAt(i));
                                w.WriteText(map.ValueAt(i));
                            }
                        }

                        if (extraName != null)
                        {
                            w.WriteKey(extraName);
                            w.WriteText(extraValue!);
                        }

                        w.WriteEndMap();
                    }

                    break;
            }

            w.WriteEndMap();
            return textAt;
        }

        /// <summary>Entries of the parameters map: <paramref name="map"/>'s, the extra one replacing any of its name.</summary>
        private static int CountParameters(StringMap? map, string? extraName)
        {
            int count = map == null ? 0 : map.Count;
            if (extraName != null)
            {
                count++;
                if (map != null && map.Get(extraName) != null)
                {
                    count--;
                }
            }

            return count;
        }

        private static bool HasNoNulls(StringMap? map)
        {
            if (map == null)
            {
                return true;
            }

            for (int i = 0; i < map.Count; i++)
            {
                if (map.KeyAt(i) == null || map.ValueAt(i) == null)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
