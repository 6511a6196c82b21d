using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Storage
{
    /// <summary>
    /// The body of a device-credential record: a list of fields, each <c>tag u8 | length u16 LE | value</c>.
    /// Tags: 1 certificate id, 2 certificate PEM, 3 private key PEM, 4 thing name, 5 template name (UTF-8
    /// text; the PEMs are copied as the bytes the device holds them in); 6 provisioning time (i64 LE Unix seconds); 7 one deviceConfiguration entry
    /// (<c>key length u16 LE | key | value</c>, UTF-8), repeated. Unknown tags are skipped, so a newer
    /// firmware can add fields that an older one ignores.
    /// </summary>
    internal static class CredentialRecordCodec
    {
        private const byte TagCertificateId = 1, TagCertificatePem = 2, TagPrivateKeyPem = 3, TagThingName = 4,
            TagTemplateName = 5, TagProvisionedAt = 6, TagConfigEntry = 7;

        private const int FieldHeader = 3;
        private static readonly byte[] NoBytes = new byte[0];
        private const int MaxField = 0xFFFF;

        /// <summary>Encodes <paramref name="c"/>; null with a reason when a field is too long, not valid UTF-16 or holds U+0000.</summary>
        public static byte[]? Encode(DeviceCredentials c, out string error)
        {
            error = "";
            int idBytes = Utf8.GetByteCount(c.CertificateId);
            int thingBytes = Utf8.GetByteCount(c.ThingName);
            int templateBytes = Utf8.GetByteCount(c.TemplateName);
            if (!Fits(TagCertificateId, idBytes, out error) || !Fits(TagCertificatePem, c.CertificatePem.Length, out error) ||
                !Fits(TagPrivateKeyPem, c.PrivateKeyPem.Length, out error) || !Fits(TagThingName, thingBytes, out error) ||
                !Fits(TagTemplateName, templateBytes, out error))
            {
                return null;
            }

            int size = 5 * FieldHeader + idBytes + c.CertificatePem.Length + c.PrivateKeyPem.Length + thingBytes + templateBytes;

            size += FieldHeader + 8;
            var map = c.DeviceConfiguration;
            for (int i = 0; i < map.Count; i++)
            {
                int k = Utf8.GetByteCount(map.KeyAt(i));
                int v = Utf8.GetByteCount(map.ValueAt(i));
                if (k < 0 || v < 0 || 2 + k + v > MaxField)
                {
                    error = "deviceConfiguration entry '" + map.KeyAt(i) + "' is too long, not valid UTF-16 or holds U+0000";
                    return null;
                }

                size += FieldHeader + 2 + k + v;
            }

            var body = new byte[size];
            int at = 0;
            at = PutText(body, at, TagCertificateId, c.CertificateId);
            at = PutBytes(body, at, TagCertificatePem, c.CertificatePem);
            at = PutBytes(body, at, TagPrivateKeyPem, c.PrivateKeyPem);
            at = PutText(body, at, TagThingName, c.ThingName);
            at = PutText(body, at, TagTemplateName, c.TemplateName);
            body[at] = TagProvisionedAt;
            LittleEndian.WriteUInt16(body, at + 1, 8);
            LittleEndian.WriteInt64(body, at + 3, c.ProvisionedAtUnixSeconds);
            at += FieldHeader + 8;
            for (int i = 0; i < map.Count; i++)
            {
                int k = Utf8.GetByteCount(map.KeyAt(i));
                int v = Utf8.GetByteCount(map.ValueAt(i));
                body[at] = TagConfigEntry;
                LittleEndian.WriteUInt16(body, at + 1, 2 + k + v);
                LittleEndian.WriteUInt16(body, at + 3, k);
                Utf8.Encode(map.KeyAt(i), body, at + 5);
                Utf8.Encode(map.ValueAt(i), body, at + 5 + k);
                at += FieldHeader + 2 + k + v;
            }

            return body;
        }

        /// <summary>Decodes a body into <paramref name="c"/> (cleared first); false with a reason when malformed or incomplete.</summary>
        public static bool Decode(byte[] data, int offset, int count, DeviceCredentials c, out string error)
        {
            error = "";
            c.CertificateId = c.ThingName = c.TemplateName = "";
            c.CertificatePem = c.PrivateKeyPem = NoBytes;
            c.ProvisionedAtUnixSeconds = 0;
            c.DeviceConfiguration.Clear();
            int at = offset;
            int end = offset + count;
            while (at < end)
            {
                if (end - at < FieldHeader)
                {
                    error = "a field header is cut off at body byte " + (at - offset);
                    return false;
                }

                byte tag = data[at];
                int length = LittleEndian.ReadUInt16(data, at + 1);
                int value = at + FieldHeader;
                if (end - value < length)
                {
                    error = "field " + tag + " at body byte " + (at - offset) + " runs past the body";
                    return false;
                }

                if (!DecodeField(data, tag, value, length, c))
                {
                    error = "field " + tag + " at body byte " + (at - offset) + " is malformed";
                    return false;
                }

                at = value + length;
            }

            if (!c.IsComplete)
            {
                error = "the record lacks a field a connection needs (certificate id, certificate, key or thing name)";
                return false;
            }

            return true;
        }

        private static bool DecodeField(byte[] data, byte tag, int at, int length, DeviceCredentials c)
        {
            string? text;
            switch (tag)
            {
                case TagProvisionedAt:
                    if (length != 8) return false;
                    c.ProvisionedAtUnixSeconds = LittleEndian.ReadInt64(data, at);
                    return true;
                case TagConfigEntry:
                    if (length < 2) return false;
                    int k = LittleEndian.ReadUInt16(data, at);
                    string? key, val;
                    if (2 + k > length || !Utf8.TryDecode(data, at + 2, k, out key, out _) ||
                        !Utf8.TryDecode(data, at + 2 + k, length - 2 - k, out val, out _))
                    {
                        return false;
                    }

                    c.DeviceConfiguration.Set(key!, val!);
                    return true;
                case TagCertificatePem:
                case TagPrivateKeyPem:
                    byte[]? pem = CopyUtf8(data, at, length);
                    if (pem == null) return false;
                    if (tag == TagCertificatePem) c.CertificatePem = pem;
                    else c.PrivateKeyPem = pem;
                    return true;
                case TagCertificateId:
                case TagThingName:
                case TagTemplateName:
                    if (!Utf8.TryDecode(data, at, length, out text, out _)) return false;
                    if (tag == TagCertificateId) c.CertificateId = text!;
                    else if (tag == TagThingName) c.ThingName = text!;
                    else c.TemplateName = text!;
                    return true;
                default:
                    return true; // a newer field: skipped
            }
        }

        /// <summary>A copy of a UTF-8 field, or null when it is not valid UTF-8 (a record corrupt in a way the CRC missed is still refused).</summary>
        private static byte[]? CopyUtf8(byte[] data, int at, int length)
        {
            if (Utf8.CountChars(data, at, length, out _) < 0)
            {
                return null;
            }

            var copy = new byte[length];
            System.Array.Copy(data, at, copy, 0, length);
            return copy;
        }

        private static bool Fits(byte tag, int bytes, out string error)
        {
            error = bytes < 0 ? "field " + tag + " is not valid UTF-16 or holds U+0000" : bytes > MaxField ? "field " + tag + " is " + bytes + " bytes, over 65535" : "";
            return error.Length == 0;
        }

        private static int PutBytes(byte[] body, int at, byte tag, byte[] value)
        {
            body[at] = tag;
            LittleEndian.WriteUInt16(body, at + 1, value.Length);
            System.Array.Copy(value, 0, body, at + FieldHeader, value.Length);
            return at + FieldHeader + value.Length;
        }

        private static int PutText(byte[] body, int at, byte tag, string text)
        {
            body[at] = tag;
            int n = Utf8.Encode(text, body, at + FieldHeader);
            LittleEndian.WriteUInt16(body, at + 1, n);
            return at + FieldHeader + n;
        }
    }
}
