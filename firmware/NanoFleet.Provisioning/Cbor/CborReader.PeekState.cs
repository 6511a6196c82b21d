namespace NanoFleet.Provisioning.Cbor
{
    public sealed partial class CborReader
    {
        /// <summary>
        /// What the next data item is, without consuming anything. Cached until the reader moves,
        /// as in System.Formats.Cbor; malformed bytes give <see cref="CborReaderState.Invalid"/>.
        /// </summary>
        public CborReaderState PeekState()
        {
            if (_cachedState == CborReaderState.Undefined)
            {
                _cachedState = ComputeState();
            }

            return _cachedState;
        }

        private CborReaderState ComputeState()
        {
            if (ErrorKind != FpReadErrorKind.None)
            {
                return CborReaderState.Invalid;
            }

            if (_depth == 0 && _rootStarted)
            {
                return CborReaderState.Finished;
            }

            if (_depth > 0 && _frameLength[_depth - 1] >= 0 && _frameRead[_depth - 1] == _frameLength[_depth - 1])
            {
                return FrameIsMap(_depth - 1) ? CborReaderState.EndMap : CborReaderState.EndArray;
            }

            if (_offset >= _end)
            {
                Fail(FpReadErrorKind.Truncated, _offset);
                return CborReaderState.Invalid;
            }

            byte initial = _data[_offset];
            if (initial == Break)
            {
                if (_depth == 0 || _frameLength[_depth - 1] >= 0)
                {
                    Fail(FpReadErrorKind.Syntax, _offset);
                    return CborReaderState.Invalid;
                }

                if (FrameIsMap(_depth - 1) && (_frameRead[_depth - 1] & 1) == 1)
                {
                    // A key without a value.
                    Fail(FpReadErrorKind.Syntax, _offset);
                    return CborReaderState.Invalid;
                }

                return FrameIsMap(_depth - 1) ? CborReaderState.EndMap : CborReaderState.EndArray;
            }

            switch (initial >> 5)
            {
                case MajorUnsigned: return CborReaderState.UnsignedInteger;
                case MajorNegative: return CborReaderState.NegativeInteger;
                case MajorBytes: return CborReaderState.ByteString;
                case MajorText: return CborReaderState.TextString;
                case MajorArray: return CborReaderState.StartArray;
                case MajorMap: return CborReaderState.StartMap;
                case MajorTag: return CborReaderState.Tag;
                default:
                    switch (initial & 0x1F)
                    {
                        case 20:
                        case 21: return CborReaderState.Boolean;
                        case 22: return CborReaderState.Null;
                        case 25:
                        case 26:
                        case 27: return CborReaderState.Float;
                        default: return CborReaderState.SimpleValue;
                    }
            }
        }
    }
}
