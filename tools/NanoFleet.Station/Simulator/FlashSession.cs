using System;
using System.IO;
using System.IO.Compression;

namespace NanoFleet.Station.Simulator
{
    /// <summary>
    /// One FLASH_BEGIN or FLASH_DEFL_BEGIN session in the simulated ROM: erases the region up front,
    /// then programs blocks in sequence, inflating them as they arrive when compressed. A block with
    /// the previous sequence number is a resend after a lost reply and is acknowledged again unwritten.
    /// </summary>
    internal sealed class FlashSession
    {
        private readonly IFlashMemory _flash;
        private readonly uint _offset;
        private readonly int _eraseSize;
        private readonly int _blockSize;
        private readonly FeedStream? _compressedInput;
        private readonly ZLibStream? _inflater;
        private readonly byte[] _inflated = new byte[0x4000];
        private long _written;

        public FlashSession(IFlashMemory flash, uint eraseSize, uint blocks, uint blockSize, uint offset, bool compressed)
        {
            _flash = flash;
            _offset = offset;
            _eraseSize = (int)eraseSize;
            _blockSize = (int)blockSize;
            Blocks = (int)blocks;
            if (compressed)
            {
                _compressedInput = new FeedStream();
                _inflater = new ZLibStream(_compressedInput, CompressionMode.Decompress);
            }
        }

        /// <summary>Blocks announced in BEGIN.</summary>
        public int Blocks { get; }

        /// <summary>The sequence number the next new block must carry.</summary>
        public int NextSequence { get; private set; }

        /// <summary>Whether the session is compressed.</summary>
        public bool Compressed => _inflater is not null;

        /// <summary>Erases what BEGIN announced; returns false when it does not fit the flash.</summary>
        public bool Begin()
        {
            if ((long)_offset + _eraseSize > _flash.Size || _blockSize <= 0)
            {
                return false;
            }

            return _eraseSize == 0 || _flash.Erase((int)_offset, _eraseSize);
        }

        /// <summary>Programs one block; returns false when the data cannot be written (deflate error, overrun).</summary>
        public bool Accept(byte[] block, int corruptAddress)
        {
            NextSequence++;
            if (_inflater is null)
            {
                return Program(block, block.Length, corruptAddress);
            }

            _compressedInput!.Feed(block);
            try
            {
                int n;
                while ((n = _inflater.Read(_inflated, 0, _inflated.Length)) > 0)
                {
                    if (!Program(_inflated, n, corruptAddress))
                    {
                        return false;
                    }
                }
            }
            catch (InvalidDataException)
            {
                return false;
            }

            return true;
        }

        private bool Program(byte[] data, int count, int corruptAddress)
        {
            long address = _offset + _written;
            if (address + count > _flash.Size)
            {
                return false;
            }

            if (!_flash.Program((int)address, data, 0, count))
            {
                return false;
            }

            if (corruptAddress >= address && corruptAddress < address + count)
            {
                // Clear the lowest set bit: the kind of damage NOR flash can really take.
                var current = new byte[1];
                _flash.Read(corruptAddress, current, 0, 1);
                _flash.Program(corruptAddress, new[] { (byte)(current[0] & (current[0] - 1)) }, 0, 1);
            }

            _written += count;
            return true;
        }

        /// <summary>A read-only stream of fed chunks that reports "nothing yet" as 0 so inflation resumes later.</summary>
        private sealed class FeedStream : Stream
        {
            private byte[] _chunk = Array.Empty<byte>();
            private int _position;

            public void Feed(byte[] data)
            {
                _chunk = data;
                _position = 0;
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int n = Math.Min(count, _chunk.Length - _position);
                Array.Copy(_chunk, _position, buffer, offset, n);
                _position += n;
                return n;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
