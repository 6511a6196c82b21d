namespace NanoFleet.Provisioning.Cbor
{
    public sealed partial class CborReader
    {
        /// <summary>Enters a map.</summary>
        /// <param name="pairs">Entries declared, or -1 for an indefinite-length map.</param>
        /// <returns>False on error (<see cref="FpReadErrorKind.WrongType"/> when the item is not a map,
        /// <see cref="FpReadErrorKind.TooDeep"/> beyond the depth limit).</returns>
        public bool ReadStartMap(out int pairs) => ReadStartContainer(true, out pairs);

        /// <summary>Leaves the current map after its last entry.</summary>
        /// <returns>False when entries remain or the input is malformed.</returns>
        public bool ReadEndMap() => ReadEndContainer(true);

        /// <summary>Enters an array.</summary>
        /// <param name="items">Items declared, or -1 for an indefinite-length array.</param>
        public bool ReadStartArray(out int items) => ReadStartContainer(false, out items);

        /// <summary>Leaves the current array after its last item.</summary>
        public bool ReadEndArray() => ReadEndContainer(false);

        private bool ReadStartContainer(bool isMap, out int count)
        {
            count = 0;
            CborReaderState state = PeekState();
            if (state != (isMap ? CborReaderState.StartMap : CborReaderState.StartArray))
            {
                return state == CborReaderState.Invalid ? false : WrongType();
            }

            if (!PeekHead(out _, out ulong argument, out bool indefinite, out int headSize))
            {
                return false;
            }

            if (_depth == _frameLength.Length)
            {
                return Fail(FpReadErrorKind.TooDeep, _offset);
            }

            int items = -1;
            if (!indefinite)
            {
                // Every item takes at least one byte: a declared count larger than the bytes left is
                // truncated input, caught here before it can size anything.
                ulong perEntry = isMap ? 2UL : 1UL;
                ulong available = (ulong)(_end - _offset - headSize);
                if (argument > available / perEntry)
                {
                    return Fail(FpReadErrorKind.Truncated, _end);
                }

                count = (int)argument;
                items = count * (int)perEntry;
            }
            else
            {
                count = -1;
            }

            CountItem();
            _frameLength[_depth] = items;
            _frameRead[_depth] = 0;
            ulong bit = 1UL << _depth;
            _frameIsMap = isMap ? _frameIsMap | bit : _frameIsMap & ~bit;
            _depth++;
            Advance(headSize);
            return true;
        }

        private bool ReadEndContainer(bool isMap)
        {
            CborReaderState state = PeekState();
            if (state != (isMap ? CborReaderState.EndMap : CborReaderState.EndArray))
            {
                return state == CborReaderState.Invalid ? false : WrongType();
            }

            bool indefinite = _frameLength[_depth - 1] < 0;
            _depth--;
            Advance(indefinite ? 1 : 0);
            return true;
        }
    }
}
