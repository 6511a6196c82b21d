using NanoFleet.Provisioning.Cbor;
using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// <see cref="IPayloadSource"/> over a <see cref="CborReader"/> in Strict mode. Keys are kept
    /// as a byte range into the payload and compared in place; only an indefinite-length key (legal,
    /// but not what AWS sends) is decoded to a string.
    /// </summary>
    internal sealed class CborPayloadSource : IPayloadSource
    {
        private readonly byte[] _data;
        private readonly int _offset;
        private readonly CborReader _reader;
        private readonly FpReadError _error;
        private int _keyStart;
        private int _keyLength;
        private string? _keyText;

        public CborPayloadSource(byte[] data, int offset, int count, int maxDepth, FpReadError error)
        {
            _data = data;
            _offset = offset;
            _reader = new CborReader(data, offset, count, CborConformanceMode.Strict, maxDepth);
            _error = error;
        }

        public int KeyOffset { get; private set; }

        public bool ReadStartMap() => _reader.ReadStartMap(out _) || Failed();

        public bool NextKey(out bool atEnd)
        {
            atEnd = _reader.PeekState() == CborReaderState.EndMap;
            if (atEnd)
            {
                return _reader.ReadEndMap() || Failed();
            }

            KeyOffset = _reader.BytesConsumed;
            _keyText = null;
            if (_reader.TryReadDefiniteTextString(out _keyStart, out _keyLength))
            {
                return true;
            }

            if (_reader.ErrorKind != FpReadErrorKind.None)
            {
                return Failed();
            }

            _keyText = "";
            return _reader.ReadTextString(out _keyText) || Failed();
        }

        public bool KeyEquals(string key) =>
            _keyText != null ? _keyText == key : Utf8.EqualsText(_data, _keyStart, _keyLength, key);

        public bool ReadKey(out string key)
        {
            if (_keyText != null)
            {
                key = _keyText;
                return true;
            }

            // The bytes were validated as UTF-8 when the key was read; only a NUL is left to refuse.
            if (Utf8.TryDecode(_data, _keyStart, _keyLength, out key, out int nulAt))
            {
                return true;
            }

            _error.Set(FpReadErrorKind.NulInText, "", nulAt - _offset);
            return false;
        }

        public bool ReadText(out string value) => _reader.ReadTextString(out value) || Failed();

        public bool LocateText(out int position, out int length, out int utf8Bytes)
        {
            bool ok = _reader.LocateTextString(out position, out utf8Bytes) || Failed();
            length = utf8Bytes; // a text item's content is its UTF-8
            return ok;
        }

        public void CopyText(int position, int length, byte[] utf8) => _reader.CopyTextStringAt(position, utf8, 0);

        public void CopyEncodedText(int position, int length, byte[] destination, int destinationOffset) =>
            _reader.CopyTextStringAt(position, destination, destinationOffset);

        public bool ReadInt32(out int value) => _reader.ReadInt32(out value) || Failed();

        public bool SkipValue() => _reader.SkipValue() || Failed();

        public bool ReadEnd() => _reader.ReadEndOfInput() || Failed();

        private bool Failed()
        {
            _error.Set(_reader.ErrorKind == FpReadErrorKind.None ? FpReadErrorKind.Syntax : _reader.ErrorKind, "", _reader.ErrorOffset);
            return false;
        }
    }
}
