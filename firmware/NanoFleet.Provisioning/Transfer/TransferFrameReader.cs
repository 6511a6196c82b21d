using NanoFleet.Provisioning.Storage;
using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Transfer
{
    /// <summary>
    /// Finds and checks claim-transfer frames in a caller's buffer and reads their fields. A serial
    /// line also carries boot noise and log text, so the reader scans for the magic and reports how
    /// many bytes the caller may drop: noise before a frame, and a corrupt frame's first byte so the
    /// scan resumes inside it.
    /// </summary>
    public static class TransferFrameReader
    {
        /// <summary>Reads the first frame in <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        /// <param name="buffer">Received bytes.</param>
        /// <param name="offset">First byte to look at.</param>
        /// <param name="count">Bytes available.</param>
        /// <param name="frame">Filled on Success; on BadCrc and BadPayload, Type and Sequence are those of the refused frame.</param>
        /// <param name="consumed">Bytes the caller may drop from <paramref name="offset"/> before reading again.</param>
        /// <returns>
        /// Success (the frame is whole, its CRC matches and its fields tile the payload);
        /// NeedMoreData (no magic, or a frame not yet complete); BadCrc, BadLength or BadPayload (a
        /// corrupt frame, <paramref name="consumed"/> steps one byte into it); BadParameter for a bad range.
        /// </returns>
        /// <example><code>TransferStatus s = TransferFrameReader.Read(rx, 0, filled, frame, out int used);</code></example>
        public static TransferStatus Read(byte[] buffer, int offset, int count, TransferFrame frame, out int consumed)
        {
            consumed = 0;
            if (buffer == null || frame == null || offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                return TransferStatus.BadParameter;
            }

            int start = FindMagic(buffer, offset, count);
            consumed = start - offset;
            int available = count - consumed;
            if (available < TransferFrame.HeaderLength)
            {
                return TransferStatus.NeedMoreData;
            }

            frame.Type = buffer[start + 2];
            frame.Sequence = buffer[start + 3];
            int length = LittleEndian.ReadUInt16(buffer, start + 4);
            if (length > TransferFrame.MaxPayload)
            {
                consumed++;
                return TransferStatus.BadLength;
            }

            int total = TransferFrame.HeaderLength + length + TransferFrame.TrailerLength;
            if (available < total)
            {
                return TransferStatus.NeedMoreData;
            }

            int crcAt = start + TransferFrame.HeaderLength + length;
            if (EspCrc32.Compute(buffer, start, crcAt - start) != LittleEndian.ReadUInt32(buffer, crcAt))
            {
                consumed++;
                return TransferStatus.BadCrc;
            }

            if (!FieldsTile(buffer, start + TransferFrame.HeaderLength, length))
            {
                consumed += total;
                return TransferStatus.BadPayload;
            }

            frame.Buffer = buffer;
            frame.PayloadOffset = start + TransferFrame.HeaderLength;
            frame.PayloadLength = length;
            consumed += total;
            return TransferStatus.Success;
        }

        /// <summary>Finds the first field with <paramref name="tag"/> in a frame read by <see cref="Read"/>.</summary>
        /// <param name="frame">A frame <see cref="Read"/> returned Success for.</param>
        /// <param name="tag">One of <see cref="TransferFields"/>.</param>
        /// <param name="valueOffset">Where the value starts in the frame's buffer, or -1.</param>
        /// <param name="valueLength">The value's length, or 0.</param>
        /// <returns>True when the field is there.</returns>
        public static bool FindField(TransferFrame frame, byte tag, out int valueOffset, out int valueLength)
        {
            byte[] b = frame.Buffer;
            int at = frame.PayloadOffset;
            int end = at + frame.PayloadLength;
            while (at + 3 <= end)
            {
                int length = LittleEndian.ReadUInt16(b, at + 1);
                if (b[at] == tag)
                {
                    valueOffset = at + 3;
                    valueLength = length;
                    return true;
                }

                at += 3 + length;
            }

            valueOffset = -1;
            valueLength = 0;
            return false;
        }

        /// <summary>Reads a text field (strict UTF-8, no NUL).</summary>
        /// <returns>Success; BadPayload when it is missing or not valid UTF-8.</returns>
        public static TransferStatus ReadText(TransferFrame frame, byte tag, out string value)
        {
            value = "";
            if (!FindField(frame, tag, out int at, out int length))
            {
                return TransferStatus.BadPayload;
            }

            return Utf8.TryDecode(frame.Buffer, at, length, out value, out _) ? TransferStatus.Success : TransferStatus.BadPayload;
        }

        /// <summary>Copies a field's bytes into a new array.</summary>
        /// <returns>Success; BadPayload when it is missing or empty.</returns>
        public static TransferStatus ReadBytes(TransferFrame frame, byte tag, out byte[] value)
        {
            value = new byte[0];
            if (!FindField(frame, tag, out int at, out int length) || length == 0)
            {
                return TransferStatus.BadPayload;
            }

            value = new byte[length];
            System.Array.Copy(frame.Buffer, at, value, 0, length);
            return TransferStatus.Success;
        }

        /// <summary>Reads a one-byte field.</summary>
        /// <returns>Success; BadPayload when it is missing or not one byte.</returns>
        public static TransferStatus ReadByte(TransferFrame frame, byte tag, out byte value)
        {
            bool found = FixedField(frame, tag, 1, out int at);
            value = found ? frame.Buffer[at] : (byte)0;
            return found ? TransferStatus.Success : TransferStatus.BadPayload;
        }

        /// <summary>Reads a four-byte little-endian field.</summary>
        /// <returns>Success; BadPayload when it is missing or not four bytes.</returns>
        public static TransferStatus ReadUInt32(TransferFrame frame, byte tag, out uint value)
        {
            bool found = FixedField(frame, tag, 4, out int at);
            value = found ? LittleEndian.ReadUInt32(frame.Buffer, at) : 0;
            return found ? TransferStatus.Success : TransferStatus.BadPayload;
        }

        /// <summary>Reads an eight-byte little-endian field.</summary>
        /// <returns>Success; BadPayload when it is missing or not eight bytes.</returns>
        public static TransferStatus ReadInt64(TransferFrame frame, byte tag, out long value)
        {
            bool found = FixedField(frame, tag, 8, out int at);
            value = found ? LittleEndian.ReadInt64(frame.Buffer, at) : 0;
            return found ? TransferStatus.Success : TransferStatus.BadPayload;
        }

        private static bool FixedField(TransferFrame frame, byte tag, int length, out int valueOffset) =>
            FindField(frame, tag, out valueOffset, out int found) && found == length;

        private static int FindMagic(byte[] buffer, int offset, int count)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                // A frame's start may be cut off by the end of what arrived: keep it. A known type must follow
                // the magic, so log text holding "NF" is not taken for a header announcing kilobytes to wait for.
                if (buffer[i] == TransferFrame.Magic0 && (i + 1 == end || (buffer[i + 1] == TransferFrame.Magic1
                    && (i + 2 == end || TransferMessages.IsKnown(buffer[i + 2])))))
                {
                    return i;
                }
            }

            return end;
        }

        private static bool FieldsTile(byte[] buffer, int at, int length)
        {
            int end = at + length;
            while (at < end)
            {
                if (at + 3 > end)
                {
                    return false;
                }

                at += 3 + LittleEndian.ReadUInt16(buffer, at + 1);
            }

            return at == end;
        }
    }
}
