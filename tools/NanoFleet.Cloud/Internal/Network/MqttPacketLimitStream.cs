using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace NanoFleet.Cloud.Internal.Network
{
    /// <summary>
    /// Passes a connection's bytes through while following MQTT's framing (type byte, 1-4 byte remaining length,
    /// body), so a packet larger than the limit fails the read as soon as its length is known: MQTTnet allocates a
    /// packet's whole body from the announced length, before any of it arrives. Also reports the end of the first
    /// packet, which is when a connection stops being pending.
    /// </summary>
    internal sealed class MqttPacketLimitStream : Stream
    {
        private const int MaxLengthBytes = 4;
        private readonly Stream _inner;
        private readonly int _maxPacketSize;
        private readonly Action _tooLarge;
        private Action? _firstPacketEnded;
        private int _headerBytes; // 0 = expecting a type byte; then 1 + the length bytes seen
        private int _length;
        private int _shift;
        private int _bodyLeft;

        /// <param name="firstPacketEnded">Called once, when the first packet's last byte has been read.</param>
        /// <param name="tooLarge">Called just before a read fails for a packet over the limit (MQTTnet keeps that exception to itself).</param>
        public MqttPacketLimitStream(Stream inner, int maxPacketSize, Action firstPacketEnded, Action tooLarge)
        {
            _inner = inner;
            _maxPacketSize = maxPacketSize;
            _firstPacketEnded = firstPacketEnded;
            _tooLarge = tooLarge;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            // Most reads complete at once from TLS's buffer: no state machine for those, this sits on every packet.
            var pending = _inner.ReadAsync(buffer, cancellationToken);
            if (pending.IsCompletedSuccessfully)
            {
                int read = pending.Result;
                Follow(buffer.Span[..read]);
                return ValueTask.FromResult(read);
            }

            return FollowWhenReadAsync(pending, buffer);
        }

        private async ValueTask<int> FollowWhenReadAsync(ValueTask<int> pending, Memory<byte> buffer)
        {
            int read = await pending.ConfigureAwait(false);
            Follow(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = _inner.Read(buffer, offset, count);
            Follow(buffer.AsSpan(offset, read));
            return read;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

        public override void Flush() => _inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync() => _inner.DisposeAsync();

        /// <exception cref="IOException">A packet is larger than the limit, or its length is malformed.</exception>
        private void Follow(ReadOnlySpan<byte> bytes)
        {
            int i = 0;
            while (i < bytes.Length)
            {
                if (_bodyLeft > 0)
                {
                    int take = Math.Min(_bodyLeft, bytes.Length - i);
                    _bodyLeft -= take;
                    i += take;
                    if (_bodyLeft == 0)
                    {
                        PacketEnded();
                    }

                    continue;
                }

                byte b = bytes[i++];
                if (_headerBytes++ == 0)
                {
                    _length = 0;
                    _shift = 0;
                    continue;
                }

                _length |= (b & 0x7F) << _shift;
                _shift += 7;
                if ((b & 0x80) != 0)
                {
                    if (_headerBytes - 1 == MaxLengthBytes)
                    {
                        throw new IOException("Malformed MQTT packet: its remaining length takes more than 4 bytes.");
                    }

                    continue;
                }

                long size = (long)_headerBytes + _length;
                if (size > _maxPacketSize)
                {
                    _tooLarge();
                    throw new IOException($"An MQTT packet of {size:N0} bytes exceeds the limit of {_maxPacketSize:N0}.");
                }

                _headerBytes = 0;
                _bodyLeft = _length;
                if (_bodyLeft == 0)
                {
                    PacketEnded();
                }
            }
        }

        private void PacketEnded()
        {
            var first = _firstPacketEnded;
            _firstPacketEnded = null;
            first?.Invoke();
        }
    }
}
