using NanoFleet.Provisioning.Json;

namespace NanoFleet.Provisioning
{
    /// <summary><see cref="IPayloadSource"/> over a <see cref="JsonReader"/>.</summary>
    internal sealed class JsonPayloadSource : IPayloadSource
    {
        private readonly JsonReader _reader;
        private readonly FpReadError _error;

        public JsonPayloadSource(byte[] data, int offset, int count, int maxDepth, FpReadError error)
        {
            _reader = new JsonReader(data, offset, count, maxDepth);
            _error = error;
        }

        public int KeyOffset { get; private set; }

        public bool ReadStartMap() => Next() && Expect(JsonTokenType.StartObject);

        public bool NextKey(out bool atEnd)
        {
            atEnd = false;
            if (!Next())
            {
                return false;
            }

            // The reader has already checked the grammar: inside an object only these two follow.
            atEnd = _reader.TokenType == JsonTokenType.EndObject;
            KeyOffset = _reader.TokenOffset;
            return true;
        }

        public bool KeyEquals(string key) => _reader.ValueTextEquals(key);

        public bool ReadKey(out string key) => _reader.TryGetString(out key) || Failed();

        public bool ReadText(out string value)
        {
            value = "";
            return Next() && Expect(JsonTokenType.String) && (_reader.TryGetString(out value) || Failed());
        }

        public bool LocateText(out int position, out int length, out int utf8Bytes)
        {
            position = 0;
            length = 0;
            utf8Bytes = 0;
            return Next() && Expect(JsonTokenType.String) && _reader.GetStringExtent(out position, out length, out utf8Bytes);
        }

        public void CopyText(int position, int length, byte[] utf8) => _reader.UnescapeStringAt(position, length, utf8);

        public void CopyEncodedText(int position, int length, byte[] destination, int destinationOffset) =>
            _reader.CopyRawAt(position, length, destination, destinationOffset);

        public bool ReadInt32(out int value)
        {
            value = 0;
            if (!Next() || !Expect(JsonTokenType.Number))
            {
                return false;
            }

            if (!_reader.TryGetInt32(out value))
            {
                _error.Set(FpReadErrorKind.WrongType, "", _reader.TokenOffset);
                return false;
            }

            return true;
        }

        public bool SkipValue() => _reader.Skip() || Failed();

        /// <summary>After the top-level object the reader either ends cleanly or reports trailing data.</summary>
        public bool ReadEnd() => !_reader.Read() && (_reader.ErrorKind == FpReadErrorKind.None || Failed());

        /// <summary>Reads a token that must exist: a clean end of input here means the payload was cut short.</summary>
        private bool Next()
        {
            if (_reader.Read())
            {
                return true;
            }

            if (_reader.ErrorKind == FpReadErrorKind.None)
            {
                _error.Set(FpReadErrorKind.Truncated, "", -1);
            }

            return Failed();
        }

        private bool Expect(JsonTokenType type)
        {
            if (_reader.TokenType == type)
            {
                return true;
            }

            _error.Set(FpReadErrorKind.WrongType, "", _reader.TokenOffset);
            return false;
        }

        /// <summary>Copies the reader's error, if any; returns false.</summary>
        private bool Failed()
        {
            if (_reader.ErrorKind != FpReadErrorKind.None)
            {
                _error.Set(_reader.ErrorKind, "", _reader.ErrorOffset);
            }

            return false;
        }
    }
}
