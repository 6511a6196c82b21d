namespace NanoFleet.Provisioning.Cbor
{
    public sealed partial class CborReader
    {
        /// <summary>
        /// Skips the next data item however it is nested, iteratively (no recursion: the input
        /// decides the nesting, the depth arrays bound it). Tags are skipped with the item they tag.
        /// In Strict and Canonical modes skipped text is still validated as UTF-8.
        /// </summary>
        /// <returns>False on error, or when there is no item to skip (at the end of a container).</returns>
        public bool SkipValue()
        {
            int depth = _depth;
            bool pendingTag = false;
            do
            {
                CborReaderState state = PeekState();
                bool ok;
                switch (state)
                {
                    case CborReaderState.Invalid:
                        return false;
                    case CborReaderState.Finished:
                        return Fail(FpReadErrorKind.Syntax, _offset);
                    case CborReaderState.EndArray:
                    case CborReaderState.EndMap:
                        ok = _depth > depth && !pendingTag
                            ? ReadEndContainer(state == CborReaderState.EndMap)
                            : Fail(FpReadErrorKind.Syntax, _offset);
                        break;
                    case CborReaderState.StartArray:
                    case CborReaderState.StartMap:
                        ok = ReadStartContainer(state == CborReaderState.StartMap, out _);
                        break;
                    case CborReaderState.TextString:
                    case CborReaderState.ByteString:
                        ok = SkipString(state == CborReaderState.TextString ? MajorText : MajorBytes);
                        break;
                    case CborReaderState.Tag:
                        ok = SkipHead(false);
                        pendingTag = true;
                        continue;
                    default:
                        ok = SkipHead(true);
                        break;
                }

                if (!ok)
                {
                    return false;
                }

                pendingTag = false;
            }
            while (_depth > depth || pendingTag);

            return true;
        }

        private bool SkipString(int major)
        {
            bool validate = major == MajorText && _mode != CborConformanceMode.Lax;
            if (!ScanString(major, validate, out _, out int next))
            {
                return false;
            }

            CountItem();
            Advance(next - _offset);
            return true;
        }

        /// <summary>Consumes a head (an integer, simple value, float or tag); a tag is not an item of its own.</summary>
        private bool SkipHead(bool isItem)
        {
            if (!PeekHead(out _, out _, out _, out int headSize))
            {
                return false;
            }

            if (isItem)
            {
                CountItem();
            }

            Advance(headSize);
            return true;
        }
    }
}
