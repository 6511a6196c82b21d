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
            return Write(Request.CreateKeysAndCertificate, format, NoText, null, buffer, offset, out written);
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

            return Write(Request.CreateCertificateFromCsr, format, csrPem, null, buffer, offset, out written);
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
        /// holding a lone surrogate.</returns>
        public static FpStatus WriteRegisterThingRequest(FpFormat format, byte[] ownershipToken, StringMap? parameters, byte[] buffer, int offset, out int written)
        {
            written = 0;
            if (ownershipToken == null || ownershipToken.Length == 0 || !HasNoNulls(parameters))
            {
                return FpStatus.BadParameter;
            }

            return Write(Request.RegisterThing, format, ownershipToken, parameters, buffer, offset, out written);
        }

        private static FpStatus Write(Request request, FpFormat format, byte[] text, StringMap? map, byte[] buffer, int offset, out int written)
        {
            written = 0;
            if ((format != FpFormat.Json && format != FpFormat.Cbor) || buffer == null || offset < 0 || offset > buffer.Length)
            {
                return FpStatus.BadParameter;
            }

            IMapWriter measure = NewWriter(format, null, 0);
            Compose(measure, request, text, map);
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

            Compose(measure, request, text, map);
            written = measure.BytesWritten;
            return FpStatus.Success;
        }

        private static IMapWriter NewWriter(FpFormat format, byte[]? buffer, int offset) =>
            format == FpFormat.Json ? new JsonWriter(buffer, offset) : new CborWriter(buffer, offset);

        private static void Compose(IMapWriter w, Request request, byte[] text, StringMap? map)
        {
            switch (request)
            {
                case Request.CreateKeysAndCertificate:
                    w.WriteStartMap(0);
                    break;
                case Request.CreateCertificateFromCsr:
                    w.WriteStartMap(1);
                    w.WriteKey(FpPayloadKeys.CertificateSigningRequest);
                    w.WriteText(text);
                    break;
                default:
                    bool withParameters = map != null && map.Count > 0;
                    w.WriteStartMap(withParameters ? 2 : 1);
                    w.WriteKey(FpPayloadKeys.CertificateOwnershipToken);
                    w.WriteText(text);
                    if (withParameters)
                    {
                        w.WriteKey(FpPayloadKeys.Parameters);
                        w.WriteStartMap(map!.Count);
                        for (int i = 0; i < map.Count; i++)
                        {
                            w.WriteKey(map.KeyAt(i));
                            w.WriteText(map.ValueAt(i));
                        }

                        w.WriteEndMap();
                    }

                    break;
            }

            w.WriteEndMap();
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
