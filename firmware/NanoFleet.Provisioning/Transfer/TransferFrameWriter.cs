using NanoFleet.Provisioning.Storage;
using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Transfer
{
    /// <summary>
    /// Writes one claim-transfer frame into a caller's buffer: <see cref="Begin"/>, the fields, then
    /// <see cref="Finish"/>, which fills in the length and the CRC. Each step checks the room it needs
    /// before writing; the first failure sticks and <see cref="Finish"/> returns it.
    /// </summary>
    /// <example><code>
    /// var w = new TransferFrameWriter(tx, 0, tx.Length);
    /// w.Begin(TransferMessages.Thing, 7);
    /// w.AddText(TransferFields.ThingName, "sensor-42");
    /// if (w.Finish(out int n) == TransferStatus.Success) line.Write(tx, 0, n);
    /// </code></example>
    public sealed class TransferFrameWriter
    {
        private readonly byte[] _buffer;
        private readonly int _offset;
        private readonly int _capacity;
        private int _position;
        private TransferStatus _status;

        /// <summary>Writes into <paramref name="capacity"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        /// <exception cref="System.ArgumentException">The range lies outside the buffer.</exception>
        public TransferFrameWriter(byte[] buffer, int offset, int capacity)
        {
            if (buffer == null || offset < 0 || capacity < 0 || offset > buffer.Length - capacity)
            {
                throw new System.ArgumentException("Failed to create the frame writer: the range lies outside the buffer.");
            }

            _buffer = buffer;
            _offset = offset;
            _capacity = capacity;
            _status = TransferStatus.Error; // until Begin
        }

        /// <summary>Starts a frame of <paramref name="type"/>.</summary>
        /// <returns>Success, or BufferTooSmall when not even an empty frame fits.</returns>
        public TransferStatus Begin(byte type, byte sequence)
        {
            _position = _offset;
            _status = TransferStatus.Success;
            if (!Reserve(TransferFrame.HeaderLength + TransferFrame.TrailerLength))
            {
                return _status;
            }

            _buffer[_offset] = TransferFrame.Magic0;
            _buffer[_offset + 1] = TransferFrame.Magic1;
            _buffer[_offset + 2] = type;
            _buffer[_offset + 3] = sequence;
            _position = _offset + TransferFrame.HeaderLength;
            return _status;
        }

        /// <summary>Adds a field holding <paramref name="count"/> bytes of <paramref name="data"/>.</summary>
        /// <returns>Success; BufferTooSmall or BadParameter (also when an earlier step failed).</returns>
        public TransferStatus AddBytes(byte tag, byte[] data, int offset, int count)
        {
            if (data == null || offset < 0 || count < 0 || offset > data.Length - count || count > 0xFFFF)
            {
                return Stick(TransferStatus.BadParameter);
            }

            if (StartField(tag, count))
            {
                System.Array.Copy(data, offset, _buffer, _position, count);
                _position += count;
            }

            return _status;
        }

        /// <summary>Adds a UTF-8 text field.</summary>
        /// <returns>Success; BadParameter for text no device string can hold; BufferTooSmall.</returns>
        public TransferStatus AddText(byte tag, string text)
        {
            int length = text == null ? Utf8.Invalid : Utf8.GetByteCount(text);
            if (length == Utf8.Invalid || length > 0xFFFF)
            {
                return Stick(TransferStatus.BadParameter);
            }

            if (StartField(tag, length))
            {
                _position += Utf8.Encode(text!, _buffer, _position);
            }

            return _status;
        }

        /// <summary>Adds a one-byte field.</summary>
        public TransferStatus AddByte(byte tag, byte value)
        {
            if (StartField(tag, 1))
            {
                _buffer[_position++] = value;
            }

            return _status;
        }

        /// <summary>Adds a four-byte little-endian field.</summary>
        public TransferStatus AddUInt32(byte tag, uint value)
        {
            if (StartField(tag, 4))
            {
                LittleEndian.WriteUInt32(_buffer, _position, value);
                _position += 4;
            }

            return _status;
        }

        /// <summary>Adds an eight-byte little-endian field.</summary>
        public TransferStatus AddInt64(byte tag, long value)
        {
            if (StartField(tag, 8))
            {
                LittleEndian.WriteInt64(_buffer, _position, value);
                _position += 8;
            }

            return _status;
        }

        /// <summary>Writes the length and the CRC.</summary>
        /// <param name="written">The frame's length on the wire, or 0 on failure.</param>
        /// <returns>Success, or the first failure since <see cref="Begin"/>.</returns>
        public TransferStatus Finish(out int written)
        {
            written = 0;
            if (_status != TransferStatus.Success)
            {
                return _status;
            }

            int payload = _position - _offset - TransferFrame.HeaderLength;
            if (payload > TransferFrame.MaxPayload)
            {
                return Stick(TransferStatus.BadLength);
            }

            LittleEndian.WriteUInt16(_buffer, _offset + 4, payload);
            LittleEndian.WriteUInt32(_buffer, _position, EspCrc32.Compute(_buffer, _offset, _position - _offset));
            written = _position + TransferFrame.TrailerLength - _offset;
            _status = TransferStatus.Error; // one Finish per Begin
            return TransferStatus.Success;
        }

        private bool StartField(byte tag, int length)
        {
            if (_status != TransferStatus.Success || !Reserve(3 + length))
            {
                return false;
            }

            _buffer[_position] = tag;
            LittleEndian.WriteUInt16(_buffer, _position + 1, length);
            _position += 3;
            return true;
        }

        // Room for `count` more bytes plus the CRC trailer, which Begin already counted once.
        private bool Reserve(int count)
        {
            int trailer = _position == _offset ? 0 : TransferFrame.TrailerLength;
            if (_position + count + trailer > _offset + _capacity)
            {
                Stick(TransferStatus.BufferTooSmall);
                return false;
            }

            return true;
        }

        private TransferStatus Stick(TransferStatus failure)
        {
            if (_status == TransferStatus.Success)
            {
                _status = failure;
            }

            return _status;
        }
    }
}
