using NanoFleet.Hal;

namespace NanoFleet.Provisioning.Transfer
{
    /// <summary>
    /// Reassembles frames from a byte stream that arrives in arbitrary pieces, in one buffer the
    /// caller gives (at least <see cref="TransferFrame.MaxFrameLength"/> bytes). Noise is dropped;
    /// a corrupt frame is reported once (so the receiver can NACK it) and the scan resumes inside it.
    /// </summary>
    /// <example><code>
    /// rx.Receive(line, 100);
    /// while (rx.Next(frame) != TransferStatus.NeedMoreData) { ... }
    /// </code></example>
    public sealed class TransferReceiver
    {
        private readonly byte[] _buffer;
        private int _start;
        private int _count;

        /// <summary>Receives into <paramref name="buffer"/>.</summary>
        /// <exception cref="System.ArgumentException">The buffer cannot hold the largest frame.</exception>
        public TransferReceiver(byte[] buffer)
        {
            if (buffer == null || buffer.Length < TransferFrame.MaxFrameLength)
            {
                throw new System.ArgumentException("Failed to create the frame receiver: the buffer must hold " + TransferFrame.MaxFrameLength + " bytes.");
            }

            _buffer = buffer;
        }

        /// <summary>Reads what the line has into the buffer, waiting at most <paramref name="timeoutMilliseconds"/>.</summary>
        /// <returns>Bytes read; 0 when nothing came (or the buffer is full of an unfinished frame, which cannot happen with a frame
        /// no longer than the maximum); -1 when the line is gone.</returns>
        public int Receive(ISerialLine line, int timeoutMilliseconds)
        {
            Compact();
            int free = _buffer.Length - _count;
            if (free == 0)
            {
                return 0;
            }

            int read = line.Read(_buffer, _count, free, timeoutMilliseconds);
            if (read > 0)
            {
                _count += read;
            }

            return read;
        }

        /// <summary>The next frame, valid until the next <see cref="FreeBuffer"/>.</summary>
        /// <returns>Success; NeedMoreData; BadCrc or BadPayload once per corrupt frame (its Type and Sequence set). BadLength is skipped silently: no sequence can be trusted there.</returns>
        public TransferStatus Next(TransferFrame frame)
        {
            while (true)
            {
                TransferStatus status = TransferFrameReader.Read(_buffer, _start, _count, frame, out int consumed);
                _start += consumed;
                _count -= consumed;
                if (status != TransferStatus.BadLength)
                {
                    return status;
                }
            }
        }

        /// <summary>Drops everything received so far, zeroing it (it may have held a claim key).</summary>
        public void Clear()
        {
            TemporaryClaim.Zero(_buffer);
            _start = 0;
            _count = 0;
        }

        private void Compact()
        {
            if (_start == 0)
            {
                return;
            }

            System.Array.Copy(_buffer, _start, _buffer, 0, _count);
            // Zero what moved out of the window: the receive buffer can hold a claim key.
            System.Array.Clear(_buffer, _count, _start);
            _start = 0;
        }
    }
}
