namespace NanoFleet.Provisioning.Cbor
{
    /// <summary>
    /// A forward-only CBOR reader (RFC 8949) over a byte range, after System.Formats.Cbor's
    /// CborReader: a cached <see cref="PeekState"/>, int fields, and nesting kept in fixed arrays
    /// sized by the depth limit instead of a <c>Stack&lt;T&gt;</c> (no generics on nanoFramework).
    /// <para>
    /// Unlike System.Formats.Cbor it does not throw <c>CborContentException</c> for bad bytes:
    /// every read returns false, the reader turns <see cref="CborReaderState.Invalid"/>, and
    /// <see cref="ErrorKind"/>/<see cref="ErrorOffset"/> say what and where. Network bytes are
    /// untrusted, exceptions are slow on the nanoCLR, and the provisioning API promises status
    /// results without exceptions. Reading a type other than the one present (a caller asking
    /// for text where the payload has a map) is likewise a <see cref="FpReadErrorKind.WrongType"/>
    /// result, because in a payload that is the sender's error, not a programming error.
    /// </para>
    /// </summary>
    /// <example>
    /// <code>
    /// var r = new CborReader(payload, 0, payload.Length, CborConformanceMode.Strict, 8);
    /// if (r.ReadStartMap(out int pairs)) { … r.ReadTextString(out string key) … r.ReadEndMap(); }
    /// if (r.ErrorKind != FpReadErrorKind.None) { /* r.ErrorOffset says where */ }
    /// </code>
    /// </example>
    public sealed partial class CborReader
    {
        /// <summary>Hard ceiling for the depth arrays whatever the caller asks for.</summary>
        public const int DepthCeiling = 64;

        private const int MajorUnsigned = 0;
        private const int MajorNegative = 1;
        private const int MajorBytes = 2;
        private const int MajorText = 3;
        private const int MajorArray = 4;
        private const int MajorMap = 5;
        private const int MajorTag = 6;
        private const int MajorSimple = 7;
        private const byte Break = 0xFF;

        private readonly byte[] _data;
        private readonly int _start;
        private readonly int _end;
        private readonly CborConformanceMode _mode;

        // One frame per open container: items it declares (-1 when indefinite; map pairs count as
        // two items), items read so far, and whether it is a map.
        private readonly int[] _frameLength;
        private readonly int[] _frameRead;
        private ulong _frameIsMap; // bit n: the frame at depth n is a map (DepthCeiling fits)
        private int _depth;
        private bool _rootStarted;
        private int _offset;
        private CborReaderState _cachedState;

        /// <summary>Reads <paramref name="length"/> bytes from <paramref name="offset"/>; the caller has checked the range.</summary>
        /// <param name="data">The CBOR bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="length">Number of bytes.</param>
        /// <param name="mode">Conformance checks to apply.</param>
        /// <param name="maxDepth">Deepest nesting allowed (clamped to 1..<see cref="DepthCeiling"/>).</param>
        /// <exception cref="System.ArgumentException">The mode is not one of <see cref="CborConformanceMode"/>.</exception>
        public CborReader(byte[] data, int offset, int length, CborConformanceMode mode, int maxDepth)
        {
            if (mode != CborConformanceMode.Lax && mode != CborConformanceMode.Strict && mode != CborConformanceMode.Canonical)
            {
                throw new System.ArgumentException("Failed to create a CBOR reader: unknown conformance mode.", nameof(mode));
            }

            _data = data;
            _start = offset;
            _end = offset + length;
            _offset = offset;
            _mode = mode;
            int depth = maxDepth < 1 ? 1 : maxDepth > DepthCeiling ? DepthCeiling : maxDepth;
            _frameLength = new int[depth];
            _frameRead = new int[depth];
        }

        private bool FrameIsMap(int depth) => (_frameIsMap & (1UL << depth)) != 0;

        /// <summary>Reads with the default depth limit (<see cref="FpReaderOptions.DefaultMaxDepth"/>).</summary>
        public CborReader(byte[] data, int offset, int length, CborConformanceMode mode)
            : this(data, offset, length, mode, FpReaderOptions.DefaultMaxDepth)
        {
        }

        /// <summary>The first error met, or <see cref="FpReadErrorKind.None"/>.</summary>
        public FpReadErrorKind ErrorKind { get; private set; }

        /// <summary>Byte offset of the error relative to the start of the range; -1 without error.</summary>
        public int ErrorOffset { get; private set; } = -1;

        /// <summary>Containers open around the current position.</summary>
        public int CurrentDepth => _depth;

        /// <summary>Offset of the next unread byte, relative to the start of the range.</summary>
        public int BytesConsumed => _offset - _start;

        /// <summary>Bytes not yet read.</summary>
        public int BytesRemaining => _end - _offset;

        /// <summary>
        /// Checks that the top-level item has been read and nothing follows it.
        /// </summary>
        /// <returns>False with <see cref="FpReadErrorKind.TrailingData"/> (or the earlier error).</returns>
        public bool ReadEndOfInput()
        {
            if (PeekState() != CborReaderState.Finished)
            {
                return ErrorKind == FpReadErrorKind.None ? Fail(FpReadErrorKind.Syntax, _offset) : false;
            }

            return _offset == _end || Fail(FpReadErrorKind.TrailingData, _offset);
        }

        /// <summary>Counts a data item that begins here as one item of its container (or as the root).</summary>
        private void CountItem()
        {
            if (_depth == 0)
            {
                _rootStarted = true;
            }
            else
            {
                _frameRead[_depth - 1]++;
            }
        }

        /// <summary>Moves past consumed bytes and empties the state cache.</summary>
        private void Advance(int bytes)
        {
            _offset += bytes;
            _cachedState = CborReaderState.Undefined;
        }

        /// <summary>
        /// Decodes the head at the current offset without consuming it: major type, argument and
        /// its encoded size. Indefinite length is reported as <paramref name="indefinite"/>.
        /// </summary>
        /// <returns>False (error recorded) when truncated, reserved or not canonical when required.</returns>
        private bool PeekHead(out int major, out ulong argument, out bool indefinite, out int headSize) =>
            ReadHeadAt(_offset, out major, out argument, out indefinite, out headSize);

        /// <summary><see cref="PeekHead"/> at any offset (for string chunks).</summary>
        private bool ReadHeadAt(int at, out int major, out ulong argument, out bool indefinite, out int headSize)
        {
            major = 0;
            argument = 0;
            indefinite = false;
            headSize = 1;
            if (at >= _end)
            {
                return Fail(FpReadErrorKind.Truncated, at);
            }

            byte initial = _data[at];
            major = initial >> 5;
            int info = initial & 0x1F;
            if (info < 24)
            {
                argument = (ulong)info;
                return true;
            }

            if (info == 31)
            {
                // Indefinite length exists for strings, arrays and maps; for major 7 it is "break".
                if (major == MajorUnsigned || major == MajorNegative || major == MajorTag)
                {
                    return Fail(FpReadErrorKind.Syntax, at);
                }

                if (_mode == CborConformanceMode.Canonical && major != MajorSimple)
                {
                    return Fail(FpReadErrorKind.Syntax, at);
                }

                indefinite = true;
                return true;
            }

            if (info > 27)
            {
                return Fail(FpReadErrorKind.Syntax, at);
            }

            int extra = 1 << (info - 24);
            headSize = 1 + extra;
            if (_end - at < headSize)
            {
                return Fail(FpReadErrorKind.Truncated, _end);
            }

            for (int i = 1; i <= extra; i++)
            {
                argument = (argument << 8) | _data[at + i];
            }

            // Floats (major 7, info 25..27) carry bits, not an argument, so no shortest-form rule.
            bool isFloat = major == MajorSimple && info >= 25;
            if (_mode == CborConformanceMode.Canonical && !isFloat && !IsShortest(info, argument))
            {
                return Fail(FpReadErrorKind.Syntax, at);
            }

            if (major == MajorSimple && info == 24 && argument < 32)
            {
                // Simple values below 32 must use the one-byte form (RFC 8949 §3.3).
                return Fail(FpReadErrorKind.Syntax, at);
            }

            return true;
        }

        private static bool IsShortest(int info, ulong argument)
        {
            switch (info)
            {
                case 24: return argument >= 24;
                case 25: return argument > 0xFF;
                case 26: return argument > 0xFFFF;
                default: return argument > 0xFFFFFFFF;
            }
        }

        private bool Fail(FpReadErrorKind kind, int at)
        {
            if (ErrorKind == FpReadErrorKind.None)
            {
                ErrorKind = kind;
                ErrorOffset = at - _start;
            }

            _cachedState = CborReaderState.Invalid;
            return false;
        }

        /// <summary>A read of the wrong type: the payload's fault, recorded at the item.</summary>
        private bool WrongType() => Fail(FpReadErrorKind.WrongType, _offset);
    }
}
