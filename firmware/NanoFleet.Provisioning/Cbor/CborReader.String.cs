using System;
using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Cbor
{
    public sealed partial class CborReader
    {
        /// <summary>Reads a text string (definite, or indefinite with definite text chunks) as validated UTF-8.</summary>
        /// <param name="value">The text, or "" on failure.</param>
        /// <returns>False on error (<see cref="FpReadErrorKind.WrongType"/> for another type,
        /// <see cref="FpReadErrorKind.InvalidUtf8"/>, <see cref="FpReadErrorKind.Truncated"/>, and
        /// <see cref="FpReadErrorKind.NulInText"/> for a NUL, which would end a nanoCLR string).</returns>
        public bool ReadTextString(out string value)
        {
            value = "";
            CborReaderState state = PeekState();
            if (state != CborReaderState.TextString)
            {
                return state == CborReaderState.Invalid ? false : WrongType();
            }

            // Find the extent first (no validation), then validate while decoding: one pass over the text.
            if (!ScanString(MajorText, false, out _, out int bytes, out int next))
            {
                return false;
            }

            if (bytes > 0)
            {
                lock (ScratchChars.Gate)
                {
                    char[] buffer = ScratchChars.Get(bytes);
                    int chars = DecodeChunks(buffer, out int badOffset);
                    if (chars < 0)
                    {
                        return Fail(_data[badOffset] == 0 ? FpReadErrorKind.NulInText : FpReadErrorKind.InvalidUtf8, badOffset);
                    }

                    value = new string(buffer, 0, chars);
                }
            }

            CountItem();
            Advance(next - _offset);
            return true;
        }

        /// <summary>
        /// Reads a text string (definite or indefinite) without decoding it: checks it exactly as
        /// <see cref="ReadTextString"/> does, chunk by chunk, and says where it is and how many
        /// UTF-8 bytes it holds, for <see cref="CopyTextStringAt"/> later, once the whole document
        /// is known to be valid.
        /// </summary>
        /// <param name="at">Absolute offset of the string's head in the reader's array.</param>
        /// <param name="utf8Bytes">Content bytes, all chunks together.</param>
        /// <returns>False on error, as for <see cref="ReadTextString"/>.</returns>
        internal bool LocateTextString(out int at, out int utf8Bytes)
        {
            at = _offset;
            utf8Bytes = 0;
            CborReaderState state = PeekState();
            if (state != CborReaderState.TextString)
            {
                return state == CborReaderState.Invalid ? false : WrongType();
            }

            if (!ScanString(MajorText, true, out _, out utf8Bytes, out int next))
            {
                return false;
            }

            CountItem();
            Advance(next - _offset);
            return true;
        }

        /// <summary>
        /// Copies the content of a text string located (and validated) by <see cref="LocateTextString"/>
        /// into <paramref name="utf8"/> at <paramref name="to"/>, joining an indefinite string's chunks.
        /// </summary>
        internal void CopyTextStringAt(int at, byte[] utf8, int to)
        {
            ReadHeadAt(at, out _, out ulong length, out bool indefinite, out int headSize);
            if (!indefinite)
            {
                Array.Copy(_data, at + headSize, utf8, to, (int)length);
                return;
            }

            at++;
            while (_data[at] != Break)
            {
                ReadHeadAt(at, out _, out ulong chunkLength, out _, out int chunkHead);
                Array.Copy(_data, at + chunkHead, utf8, to, (int)chunkLength);
                to += (int)chunkLength;
                at += chunkHead + (int)chunkLength;
            }
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

            if (!ScanString(MajorText, true, out _, out _, out int next))
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
        /// <param name="bytes">Content bytes (all chunks).</param>
        /// <param name="next">Offset just past the string.</param>
        private bool ScanString(int major, bool validate, out int chars, out int bytes, out int next)
        {
            chars = 0;
            bytes = 0;
            next = _offset;
            if (!ReadHeadAt(_offset, out _, out ulong length, out bool indefinite, out int headSize))
            {
                return false;
            }

            if (!indefinite)
            {
                return ScanChunk(_offset + headSize, length, validate, ref chars, ref bytes, out next);
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

                if (!ScanChunk(at + chunkHead, chunkLength, validate, ref chars, ref bytes, out at))
                {
                    return false;
                }
            }
        }

        private bool ScanChunk(int at, ulong length, bool validate, ref int chars, ref int bytes, out int next)
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

            bytes += count;
            next = at + count;
            return true;
        }

        /// <summary>
        /// Validates and decodes the text string at the current offset (bounds already checked by
        /// <see cref="ScanString"/>), chunk by chunk as RFC 8949 requires.
        /// </summary>
        /// <returns>Units written, or -1 with the absolute offset of the bad byte.</returns>
        private int DecodeChunks(char[] buffer, out int badOffset)
        {
            int offset = _offset;
            badOffset = -1;
            ReadHeadAt(offset, out _, out ulong length, out bool indefinite, out int headSize);
            if (!indefinite)
            {
                return Utf8.Decode(_data, offset + headSize, (int)length, buffer, 0, out badOffset);
            }

            int at = offset + 1;
            int to = 0;
            while (_data[at] != Break)
            {
                ReadHeadAt(at, out _, out ulong chunkLength, out _, out int chunkHead);
                int chars = Utf8.Decode(_data, at + chunkHead, (int)chunkLength, buffer, to, out badOffset);
                if (chars < 0)
                {
                    return -1;
                }

                to += chars;
                at += chunkHead + (int)chunkLength;
            }

            return to;
        }
    }
}
