using System;
using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Json
{
    /// <summary>
    /// A forward-only, validating JSON reader (RFC 8259) over a byte range, in the spirit of
    /// coreJSON and Utf8JsonReader: it never throws on input, never allocates while reading (only
    /// <see cref="TryGetString"/> allocates: the string itself), and keeps nesting in one
    /// fixed array sized by the depth limit. The first problem stops it, with a kind and a byte offset
    /// relative to the start of the range.
    /// </summary>
    /// <example>
    /// <code>
    /// var r = new JsonReader(payload, 0, payload.Length, 8);
    /// while (r.Read()) { if (r.TokenType == JsonTokenType.PropertyName &amp;&amp; r.ValueTextEquals("thingName")) { … } }
    /// if (r.ErrorKind != FpReadErrorKind.None) { /* r.ErrorOffset says where */ }
    /// </code>
    /// </example>
    public sealed class JsonReader
    {
        /// <summary>Hard ceiling on nesting whatever the caller asks for (one bit per level in a ulong).</summary>
        public const int DepthCeiling = 64;

        private const int ExpectValue = 0;
        private const int ExpectValueOrEnd = 1;
        private const int ExpectPropertyOrEnd = 2;
        private const int ExpectProperty = 3;
        private const int ExpectCommaOrEnd = 4;
        private const int ExpectEndOfInput = 5;

        /// <summary>
        /// Nonzero for each byte a string scan must stop at: the closing quote, a backslash, a control
        /// character, or the start of a multi-byte UTF-8 sequence. One table look-up per byte instead of
        /// four comparisons matters on the nanoCLR, which interprets every IL instruction.
        /// </summary>
        private static readonly byte[] StringRunStops = NewStringRunStops();

        /// <summary>The backslash, boxed once: <see cref="Array.IndexOf(Array, object, int, int)"/> searches natively on the nanoCLR.</summary>
        private static readonly object Backslash = (byte)'\\';

        private readonly byte[] _data;
        private readonly int _start;
        private readonly int _end;
        private readonly int _maxDepth;
        private ulong _objectBits; // bit n set: the container at depth n is an object (DepthCeiling fits)
        private int _pos;
        private int _depth;
        private int _expect;
        private int _valueStart;
        private int _valueLength;
        private int _valueChars;
        private int _valueBytes; // UTF-8 bytes once escapes are undone
        private bool _valueHasEscapes;
        private int _valueNulAt; // where a \u0000 escape is, or -1: no string can hold it on the device

        /// <summary>Reads <paramref name="count"/> bytes from <paramref name="offset"/>; the caller has checked the range.</summary>
        /// <param name="data">The JSON bytes (UTF-8).</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Number of bytes.</param>
        /// <param name="maxDepth">Deepest nesting allowed (clamped to 1..<see cref="DepthCeiling"/>).</param>
        public JsonReader(byte[] data, int offset, int count, int maxDepth)
        {
            _data = data;
            _start = offset;
            _end = offset + count;
            _pos = offset;
            _maxDepth = maxDepth < 1 ? 1 : maxDepth > DepthCeiling ? DepthCeiling : maxDepth;
        }

        /// <summary>The current token.</summary>
        public JsonTokenType TokenType { get; private set; }

        /// <summary>Containers open around the current position (1 inside the top-level object).</summary>
        public int CurrentDepth => _depth;

        /// <summary>The first error met, or <see cref="FpReadErrorKind.None"/>.</summary>
        public FpReadErrorKind ErrorKind { get; private set; }

        /// <summary>Byte offset of the error, relative to the start of the range; -1 without error.</summary>
        public int ErrorOffset { get; private set; } = -1;

        /// <summary>Offset of the current token, relative to the start of the range.</summary>
        public int TokenOffset { get; private set; }

        /// <summary>
        /// Moves to the next token. Returns false at the clean end of the input (<see cref="ErrorKind"/>
        /// stays None) or on the first error (and on every call after it).
        /// </summary>
        public bool Read()
        {
            if (ErrorKind != FpReadErrorKind.None)
            {
                return false;
            }

            SkipWhitespace();
            if (_expect == ExpectEndOfInput)
            {
                TokenType = JsonTokenType.None;
                return _pos < _end ? Fail(FpReadErrorKind.TrailingData, _pos) : false;
            }

            if (_pos >= _end)
            {
                return Fail(FpReadErrorKind.Truncated, _pos);
            }

            byte c = _data[_pos];
            if (_expect == ExpectCommaOrEnd)
            {
                if (c == (IsObjectAt(_depth - 1) ? (byte)'}' : (byte)']'))
                {
                    return EndContainer();
                }

                if (c != ',')
                {
                    return Fail(FpReadErrorKind.Syntax, _pos);
                }

                _pos++;
                _expect = IsObjectAt(_depth - 1) ? ExpectProperty : ExpectValue;
                SkipWhitespace();
                if (_pos >= _end)
                {
                    return Fail(FpReadErrorKind.Truncated, _pos);
                }

                c = _data[_pos];
            }

            if (_expect == ExpectPropertyOrEnd || _expect == ExpectProperty)
            {
                if (c == '}' && _expect == ExpectPropertyOrEnd)
                {
                    return EndContainer();
                }

                return c == '"' ? ReadPropertyName() : Fail(FpReadErrorKind.Syntax, _pos);
            }

            if (c == ']' && _expect == ExpectValueOrEnd)
            {
                return EndContainer();
            }

            return ReadValue(c);
        }

        /// <summary>
        /// From a property name, skips its value; from a start token, skips to its end token; on any
        /// other token does nothing. Bounded by the same depth limit as <see cref="Read"/>.
        /// </summary>
        /// <returns>False on error.</returns>
        public bool Skip()
        {
            if (TokenType == JsonTokenType.PropertyName && !Read())
            {
                return false;
            }

            if (TokenType != JsonTokenType.StartObject && TokenType != JsonTokenType.StartArray)
            {
                return ErrorKind == FpReadErrorKind.None;
            }

            int depth = _depth - 1;
            while (Read())
            {
                if (_depth == depth)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the current string or property name equals <paramref name="text"/> (ordinal),
        /// compared without allocating unless the token contains escapes.
        /// </summary>
        public bool ValueTextEquals(string text)
        {
            if (TokenType != JsonTokenType.String && TokenType != JsonTokenType.PropertyName)
            {
                return false;
            }

            if (_valueNulAt >= 0)
            {
                return false; // no string holds U+0000 on the device, so none equals this one
            }

            if (_valueHasEscapes)
            {
                return TryGetString(out string value) && value == text;
            }

            if (_valueChars != text.Length)
            {
                return false;
            }

            return Utf8.EqualsText(_data, _valueStart, _valueLength, text);
        }

        /// <summary>Decodes the current string or property name (escapes included).</summary>
        /// <returns>False when the token is not a string, or (with <see cref="FpReadErrorKind.NulInText"/>
        /// recorded) when it holds a \u0000 escape: a nanoCLR string would end there.</returns>
        public bool TryGetString(out string value)
        {
            value = "";
            if (TokenType != JsonTokenType.String && TokenType != JsonTokenType.PropertyName)
            {
                return false;
            }

            if (_valueNulAt >= 0)
            {
                return Fail(FpReadErrorKind.NulInText, _valueNulAt);
            }

            if (_valueChars == 0)
            {
                return true;
            }

            lock (ScratchChars.Gate)
            {
                char[] chars = ScratchChars.Get(_valueChars);
                if (!_valueHasEscapes)
                {
                    // Validated by ScanString already.
                    Utf8.Decode(_data, _valueStart, _valueLength, chars, 0, out _);
                }
                else
                {
                    DecodeEscaped(_valueStart, _valueStart + _valueLength, chars);
                }

                value = new string(chars, 0, _valueChars);
            }

            return true;
        }

        /// <summary>
        /// Where the current string's content is (absolute offset and byte length) and how many
        /// UTF-8 bytes it holds once unescaped, so a caller can copy it out later with
        /// <see cref="UnescapeStringAt"/>, once the whole document has been validated.
        /// </summary>
        /// <returns>False when the token is not a string.</returns>
        internal bool GetStringExtent(out int start, out int length, out int utf8Bytes)
        {
            start = _valueStart;
            length = _valueLength;
            utf8Bytes = _valueBytes;
            return TokenType == JsonTokenType.String || TokenType == JsonTokenType.PropertyName;
        }

        /// <summary>
        /// Writes string content already validated by this reader (a range from
        /// <see cref="GetStringExtent"/>) into <paramref name="utf8"/> as UTF-8 with its escapes
        /// undone; <paramref name="utf8"/> has exactly the room the extent gave.
        /// </summary>
        internal void UnescapeStringAt(int start, int length, byte[] utf8)
        {
            if (utf8.Length == length)
            {
                // Every escape is longer than what it stands for, so equal lengths mean none.
                Array.Copy(_data, start, utf8, 0, length);
                return;
            }

            int at = start;
            int end = start + length;
            int to = 0;
            while (at < end)
            {
                // Validated UTF-8 between escapes passes through as it is: copy each run at once
                // (a PEM is 64-byte lines between "\n" escapes), found by a native search.
                int run = Array.IndexOf(_data, Backslash, at, end - at);
                if (run < 0)
                {
                    run = end;
                }

                Array.Copy(_data, at, utf8, to, run - at);
                to += run - at;
                at = run;
                if (at == end)
                {
                    break;
                }

                byte e = _data[at + 1];
                if (e != 'u')
                {
                    utf8[to++] = Unescape(e);
                    at += 2;
                    continue;
                }

                int unit = ReadHex4(at + 2);
                at += 6;
                if (unit >= 0xD800 && unit <= 0xDBFF)
                {
                    // The scan proved an escaped low surrogate follows.
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (ReadHex4(at + 2) - 0xDC00);
                    at += 6;
                }

                to += Utf8.WriteCodePoint(unit, utf8, to);
            }
        }

        /// <summary>Copies string content as it stands in the document, escapes and all (a range from <see cref="GetStringExtent"/>).</summary>
        internal void CopyRawAt(int start, int length, byte[] destination, int destinationOffset) =>
            Array.Copy(_data, start, destination, destinationOffset, length);

        /// <summary>The character a one-letter escape (after the backslash) stands for.</summary>
        private static byte Unescape(byte e)
        {
            switch (e)
            {
                case (byte)'b': return (byte)'\b';
                case (byte)'f': return (byte)'\f';
                case (byte)'n': return (byte)'\n';
                case (byte)'r': return (byte)'\r';
                case (byte)'t': return (byte)'\t';
                default: return e; // \" \\ \/
            }
        }

        /// <summary>The current number as an <see cref="int"/>.</summary>
        /// <returns>False unless the token is an integer (no fraction or exponent) within range.</returns>
        public bool TryGetInt32(out int value)
        {
            value = 0;
            if (TokenType != JsonTokenType.Number)
            {
                return false;
            }

            int at = _valueStart;
            int end = _valueStart + _valueLength;
            bool negative = _data[at] == '-';
            if (negative)
            {
                at++;
            }

            // Accumulate negatively so int.MinValue fits.
            int n = 0;
            for (; at < end; at++)
            {
                int digit = _data[at] - '0';
                if (digit < 0 || digit > 9 || n < (int.MinValue + digit) / 10)
                {
                    return false;
                }

                n = (n * 10) - digit;
            }

            if (!negative && n == int.MinValue)
            {
                return false;
            }

            value = negative ? n : -n;
            return true;
        }

        private bool ReadValue(byte c)
        {
            TokenOffset = _pos - _start;
            switch (c)
            {
                case (byte)'{':
                    return StartContainer(true);
                case (byte)'[':
                    return StartContainer(false);
                case (byte)'"':
                    if (!ScanString())
                    {
                        return false;
                    }

                    TokenType = JsonTokenType.String;
                    break;
                case (byte)'t':
                    if (!ScanLiteral("true"))
                    {
                        return false;
                    }

                    TokenType = JsonTokenType.True;
                    break;
                case (byte)'f':
                    if (!ScanLiteral("false"))
                    {
                        return false;
                    }

                    TokenType = JsonTokenType.False;
                    break;
                case (byte)'n':
                    if (!ScanLiteral("null"))
                    {
                        return false;
                    }

                    TokenType = JsonTokenType.Null;
                    break;
                default:
                    if (c != '-' && (c < '0' || c > '9'))
                    {
                        return Fail(FpReadErrorKind.Syntax, _pos);
                    }

                    if (!ScanNumber())
                    {
                        return false;
                    }

                    TokenType = JsonTokenType.Number;
                    break;
            }

            AfterValue();
            return true;
        }

        private bool ReadPropertyName()
        {
            TokenOffset = _pos - _start;
            if (!ScanString())
            {
                return false;
            }

            SkipWhitespace();
            if (_pos >= _end)
            {
                return Fail(FpReadErrorKind.Truncated, _pos);
            }

            if (_data[_pos] != ':')
            {
                return Fail(FpReadErrorKind.Syntax, _pos);
            }

            _pos++;
            _expect = ExpectValue;
            TokenType = JsonTokenType.PropertyName;
            return true;
        }

        private bool StartContainer(bool isObject)
        {
            if (_depth == _maxDepth)
            {
                return Fail(FpReadErrorKind.TooDeep, _pos);
            }

            ulong bit = 1UL << _depth;
            _objectBits = isObject ? _objectBits | bit : _objectBits & ~bit;
            _depth++;
            _pos++;
            _expect = isObject ? ExpectPropertyOrEnd : ExpectValueOrEnd;
            TokenType = isObject ? JsonTokenType.StartObject : JsonTokenType.StartArray;
            return true;
        }

        private bool IsObjectAt(int depth) => (_objectBits & (1UL << depth)) != 0;

        private bool EndContainer()
        {
            TokenOffset = _pos - _start;
            _depth--;
            TokenType = IsObjectAt(_depth) ? JsonTokenType.EndObject : JsonTokenType.EndArray;
            _pos++;
            AfterValue();
            return true;
        }

        private void AfterValue()
        {
            _expect = _depth == 0 ? ExpectEndOfInput : ExpectCommaOrEnd;
        }

        /// <summary>
        /// Validates a string from its opening quote: escapes, surrogate pairs in \u escapes, raw
        /// control characters and UTF-8. Records where its content is and how many UTF-16 units it
        /// decodes to, so <see cref="TryGetString"/> allocates exactly once.
        /// </summary>
        private bool ScanString()
        {
            int at = _pos + 1;
            _valueStart = at;
            _valueHasEscapes = false;
            _valueNulAt = -1;
            int chars = 0;
            int bytes = 0;
            byte[] data = _data;
            byte[] stops = StringRunStops;
            int lastEight = _end - 8;
            while (true)
            {
                // Plain printable ASCII (all of a PEM or a token) runs through these tight loops,
                // eight bytes per test while they last.
                int run = at;
                while (at <= lastEight && (stops[data[at]] | stops[data[at + 1]] | stops[data[at + 2]] | stops[data[at + 3]] |
                    stops[data[at + 4]] | stops[data[at + 5]] | stops[data[at + 6]] | stops[data[at + 7]]) == 0)
                {
                    at += 8;
                }

                while (at < _end && stops[data[at]] == 0)
                {
                    at++;
                }

                chars += at - run;
                bytes += at - run;
                if (at >= _end)
                {
                    return Fail(FpReadErrorKind.Truncated, at);
                }

                byte b = _data[at];
                if (b == '"')
                {
                    break;
                }

                if (b < 0x20)
                {
                    return Fail(FpReadErrorKind.Syntax, at);
                }

                if (b == '\\')
                {
                    _valueHasEscapes = true;
                    int length = ScanEscape(at, out int units, out int escapedBytes);
                    if (length == 0)
                    {
                        return false;
                    }

                    at += length;
                    chars += units;
                    bytes += escapedBytes;
                }
                else if (b < 0x80)
                {
                    at++;
                    chars++;
                    bytes++;
                }
                else
                {
                    int length = Utf8.DecodeCodePoint(_data, at, _end, out int codePoint);
                    if (length == 0)
                    {
                        return Fail(FpReadErrorKind.InvalidUtf8, at);
                    }

                    at += length;
                    chars += Utf8.CharCount(codePoint);
                    bytes += length;
                }
            }

            _valueLength = at - _valueStart;
            _valueChars = chars;
            _valueBytes = bytes;
            _pos = at + 1;
            return true;
        }

        /// <summary>
        /// Validates the escape at <paramref name="at"/>; returns its byte length (0 on error, already
        /// recorded), with the UTF-16 units and UTF-8 bytes it stands for.
        /// </summary>
        private int ScanEscape(int at, out int units, out int utf8Bytes)
        {
            units = 1;
            utf8Bytes = 1;
            if (at + 1 >= _end)
            {
                Fail(FpReadErrorKind.Truncated, _end);
                return 0;
            }

            byte e = _data[at + 1];
            if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't')
            {
                return 2;
            }

            if (e != 'u')
            {
                Fail(FpReadErrorKind.Syntax, at + 1);
                return 0;
            }

            int unit = ReadHex4(at + 2);
            if (unit < 0)
            {
                return 0;
            }

            if (unit >= 0xDC00 && unit <= 0xDFFF)
            {
                Fail(FpReadErrorKind.InvalidUtf8, at);
                return 0;
            }

            if (unit < 0xD800 || unit > 0xDBFF)
            {
                if (unit == 0 && _valueNulAt < 0)
                {
                    _valueNulAt = at;
                }

                utf8Bytes = Utf8.EncodedLength(unit);
                return 6;
            }

            // A high surrogate must be followed by an escaped low surrogate.
            if (at + 7 < _end && (_data[at + 6] != '\\' || _data[at + 7] != 'u'))
            {
                Fail(FpReadErrorKind.InvalidUtf8, at);
                return 0;
            }

            int low = ReadHex4(at + 8);
            if (low < 0)
            {
                return 0;
            }

            if (low < 0xDC00 || low > 0xDFFF)
            {
                Fail(FpReadErrorKind.InvalidUtf8, at);
                return 0;
            }

            units = 2;
            utf8Bytes = 4;
            return 12;
        }

        /// <summary>Four hex digits at <paramref name="at"/>, or -1 (error recorded).</summary>
        private int ReadHex4(int at)
        {
            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                if (at + i >= _end)
                {
                    Fail(FpReadErrorKind.Truncated, _end);
                    return -1;
                }

                int digit = HexValue(_data[at + i]);
                if (digit < 0)
                {
                    Fail(FpReadErrorKind.Syntax, at + i);
                    return -1;
                }

                value = (value << 4) | digit;
            }

            return value;
        }

        private static int HexValue(byte b)
        {
            if (b >= '0' && b <= '9')
            {
                return b - '0';
            }

            if (b >= 'a' && b <= 'f')
            {
                return b - 'a' + 10;
            }

            return b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
        }

        /// <summary>Decodes string content already validated by <see cref="ScanString"/>.</summary>
        private void DecodeEscaped(int at, int end, char[] chars)
        {
            int to = 0;
            while (at < end)
            {
                byte b = _data[at];
                if (b != '\\')
                {
                    if (b < 0x80)
                    {
                        chars[to++] = (char)b;
                        at++;
                    }
                    else
                    {
                        at += Utf8.DecodeCodePoint(_data, at, end, out int codePoint);
                        to += Utf8.PutChars(codePoint, chars, to);
                    }

                    continue;
                }

                byte e = _data[at + 1];
                if (e == 'u')
                {
                    // Surrogate pairs arrive as two escapes, each decoding to one UTF-16 unit.
                    chars[to++] = (char)ReadHex4(at + 2);
                    at += 6;
                    continue;
                }

                chars[to++] = (char)Unescape(e);
                at += 2;
            }
        }

        private bool ScanLiteral(string literal)
        {
            for (int i = 0; i < literal.Length; i++)
            {
                if (_pos + i >= _end)
                {
                    return Fail(FpReadErrorKind.Truncated, _end);
                }

                if (_data[_pos + i] != literal[i])
                {
                    return Fail(FpReadErrorKind.Syntax, _pos + i);
                }
            }

            _pos += literal.Length;
            return true;
        }

        /// <summary>-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
        private bool ScanNumber()
        {
            int at = _pos;
            _valueStart = at;
            if (_data[at] == '-')
            {
                at++;
            }

            if (at >= _end)
            {
                return Fail(FpReadErrorKind.Truncated, at);
            }

            if (_data[at] == '0')
            {
                at++;
            }
            else if (!ScanDigits(ref at))
            {
                return false;
            }

            if (at < _end && _data[at] == '.')
            {
                at++;
                if (!ScanDigits(ref at))
                {
                    return false;
                }
            }

            if (at < _end && (_data[at] == 'e' || _data[at] == 'E'))
            {
                at++;
                if (at < _end && (_data[at] == '+' || _data[at] == '-'))
                {
                    at++;
                }

                if (!ScanDigits(ref at))
                {
                    return false;
                }
            }

            _valueLength = at - _valueStart;
            _pos = at;
            return true;
        }

        /// <summary>One or more digits.</summary>
        private bool ScanDigits(ref int at)
        {
            if (at >= _end)
            {
                return Fail(FpReadErrorKind.Truncated, at);
            }

            if (_data[at] < '0' || _data[at] > '9')
            {
                return Fail(FpReadErrorKind.Syntax, at);
            }

            while (at < _end && _data[at] >= '0' && _data[at] <= '9')
            {
                at++;
            }

            return true;
        }

        private void SkipWhitespace()
        {
            while (_pos < _end)
            {
                byte b = _data[_pos];
                if (b != ' ' && b != '\t' && b != '\n' && b != '\r')
                {
                    return;
                }

                _pos++;
            }
        }

        private static byte[] NewStringRunStops()
        {
            var stops = new byte[256];
            for (int b = 0; b < 256; b++)
            {
                stops[b] = (byte)(b < 0x20 || b >= 0x80 || b == '"' || b == '\\' ? 1 : 0);
            }

            return stops;
        }

        private bool Fail(FpReadErrorKind kind, int at)
        {
            ErrorKind = kind;
            ErrorOffset = at - _start;
            TokenType = JsonTokenType.None;
            return false;
        }
    }
}
