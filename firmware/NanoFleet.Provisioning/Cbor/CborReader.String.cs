using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Cbor
{
    public sealed partial class CborReader
    {
        /// <summary>Reads a text string (definite, or indefinite with definite text chunks) as validated UTF-8.</summary>
        /// <param name="value">The text, or "" on failure.</param>
        /// <returns>False on error (<see cref="FpReadErrorKind.WrongType"/> for another type,
        /// <see cref="FpReadErrorKind.InvalidUtf8"/>, <see cref="FpReadErrorKind.Truncated"/>).</returns>
        public bool ReadTextString(out string value)
        {
            value = "";
            CborReaderState state = PeekState();
            if (state != CborReaderState.TextString)
            {
                return state == CborReaderState.Invalid ? false : WrongType();
            }

            if (!ScanString(MajorText, true, out int chars, out int next))
            {
                return false;
            }

            if (chars > 0)
            {
                lock (ScratchChars.Gate)
                {
                    char[] buffer = ScratchChars.Get(chars);
                    DecodeChunks(buffer);
                    value = new string(buffer, 0, chars);
                }
            }

            CountItem();
            Advance(next - _offset);
            return true;
        }

        /// <summary>
        /// Reads a definite-length text string without decoding it: validates its UTF-8 and says
        /// where its bytes are, so keys can be compared without allocating.
        /// </summary>
        /// <param name="offset">Offset of the UTF-8 bytes in the reader's array.</param>
        /// <param name="count">Number of bytes.</param>
        /// <returns>False on error, and also — with no error and nothing consumed — for an
        /// indefinite-length string, which the caller then reads with <see cref="ReadTextString"/>.</returns>
        public bool TryReadDefiniteTextString(out int offset, out int count)
        {
            offset = 0;
            count = 0;
            CborReaderState state = PeekState();
            if (state != CborReaderState.TextString)
            {
                return state == CborReaderState.Invalid ? false : WrongType();
            }

            if (!PeekHead(out _, out _, out bool indefinite, out int headSize) || indefinite)
            {
                return false;
            }

            if (!ScanString(MajorText, true, out _, out int next))
            {
                return false;
            }

            offset = _offset + headSize;
            count = next - offset;
            CountItem();
            Advance(next - _offset);
            return true;
        }

        /// <summary>
        /// Walks the string at the current offset (one definite string, or the chunks of an
        /// indefinite one up to its break), checking bounds and — when <paramref name="validate"/>
        /// — UTF-8 per chunk, as RFC 8949 §3.2.3 requires.
        /// </summary>
        /// <param name="major">2 (bytes) or 3 (text).</param>
        /// <param name="validate">Validate UTF-8.</param>
        /// <param name="chars">UTF-16 units the text decodes to (when validated).</param>
        /// <param name="next">Offset just past the string.</param>
        private bool ScanString(int major, bool validate, out int chars, out int next)
        {
            chars = 0;
            next = _offset;
            if (!ReadHeadAt(_offset, out _, out ulong length, out bool indefinite, out int headSize))
            {
                return false;
            }

            if (!indefinite)
            {
                return ScanChunk(_offset + headSize, length, validate, ref chars, out next);
            }

            int at = _offset + 1;
            while (true)
            {
                if (at >= _end)
                {
                    return Fail(FpReadErrorKind.Truncated, at);
                }

                if (_data[at] == Break)
                {
                    next = at + 1;
                    return true;
                }

                if (!ReadHeadAt(at, out int chunkMajor, out ulong chunkLength, out bool chunkIndefinite, out int chunkHead))
                {
                    return false;
                }

                if (chunkMajor != major || chunkIndefinite)
                {
                    return Fail(FpReadErrorKind.Syntax, at);
                }

                if (!ScanChunk(at + chunkHead, chunkLength, validate, ref chars, out at))
                {
                    return false;
                }
            }
        }

        private bool ScanChunk(int at, ulong length, bool validate, ref int chars, out int next)
        {
            next = at;
            if (length > (ulong)(_end - at))
            {
                return Fail(FpReadErrorKind.Truncated, _end);
            }

            int count = (int)length;
            if (validate)
            {
                int chunkChars = Utf8.CountChars(_data, at, count, out int badOffset);
                if (chunkChars < 0)
                {
                    return Fail(FpReadErrorKind.InvalidUtf8, badOffset);
                }

                chars += chunkChars;
            }

            next = at + count;
            return true;
        }

        /// <summary>Decodes the text string at the current offset, already validated by <see cref="ScanString"/>.</summary>
        private void DecodeChunks(char[] buffer)
        {
            ReadHeadAt(_offset, out _, out ulong length, out bool indefinite, out int headSize);
            if (!indefinite)
            {
                Utf8.DecodeInto(_data, _offset + headSize, (int)length, buffer, 0);
                return;
            }

            int at = _offset + 1;
            int to = 0;
            while (_data[at] != Break)
            {
                ReadHeadAt(at, out _, out ulong chunkLength, out _, out int chunkHead);
                to += Utf8.DecodeInto(_data, at + chunkHead, (int)chunkLength, buffer, to);
                at += chunkHead + (int)chunkLength;
            }
        }
    }
}
