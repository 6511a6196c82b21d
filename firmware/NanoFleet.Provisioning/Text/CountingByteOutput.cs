namespace NanoFleet.Provisioning.Text
{
    /// <summary>
    /// The output half shared by the JSON and CBOR request writers: bytes go into a caller-owned
    /// buffer, or — with no buffer — are only counted. Callers measure, check the room, then write,
    /// so a request is never half-written and nothing is allocated (the Fleet-Provisioning
    /// library's "length first" rule).
    /// </summary>
    public abstract class CountingByteOutput
    {
        private int _start;

        /// <summary>Writes at <paramref name="offset"/> of <paramref name="buffer"/>, or only counts when it is null.</summary>
        /// <param name="buffer">Destination, already checked to be large enough, or null to measure.</param>
        /// <param name="offset">Where to start.</param>
        protected CountingByteOutput(byte[]? buffer, int offset)
        {
            Buffer = buffer;
            _start = offset;
            At = offset;
        }

        /// <summary>Bytes produced so far.</summary>
        public int BytesWritten => At - _start;

        /// <summary>False after text no nanoCLR string can hold was given: a lone surrogate (it cannot be UTF-8) or U+0000.</summary>
        public bool IsValid { get; protected set; } = true;

        /// <summary>The destination, or null while measuring.</summary>
        protected byte[]? Buffer { get; private set; }

        /// <summary>The next position to write.</summary>
        protected int At { get; set; }

        /// <summary>Starts again at <paramref name="offset"/> of <paramref name="buffer"/> (null: only count), so one
        /// writer serves both the measuring and the writing pass.</summary>
        internal void Restart(byte[]? buffer, int offset)
        {
            Buffer = buffer;
            _start = offset;
            At = offset;
            IsValid = true;
            OnRestart();
        }

        /// <summary>Resets the writer's own state on <see cref="Restart"/>.</summary>
        protected virtual void OnRestart()
        {
        }

        /// <summary>Writes (or counts) one byte.</summary>
        protected void Put(byte b)
        {
            if (Buffer != null)
            {
                Buffer[At] = b;
            }

            At++;
        }
    }
}
