using System;
using System.IO;

namespace NanoFleet.Station.Rom
{
    /// <summary>SLIP framing as the ROM loader uses it: C0 … C0, with C0→DB DC and DB→DB DD.</summary>
    public static class Slip
    {
        /// <summary>Frame delimiter.</summary>
        public const byte End = 0xC0;

        /// <summary>Escape byte.</summary>
        public const byte Esc = 0xDB;

        /// <summary>Escaped End.</summary>
        public const byte EscEnd = 0xDC;

        /// <summary>Escaped Esc.</summary>
        public const byte EscEsc = 0xDD;

        /// <summary>Wraps <paramref name="count"/> bytes of a packet into one SLIP frame.</summary>
        /// <example><code>byte[] frame = Slip.Encode(packet, 0, packet.Length);</code></example>
        public static byte[] Encode(byte[] packet, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(packet);
            if (offset < 0 || count < 0 || offset + count > packet.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "The range lies outside the packet.");
            }

            int escapes = 0;
            for (int i = offset; i < offset + count; i++)
            {
                if (packet[i] == End || packet[i] == Esc)
                {
                    escapes++;
                }
            }

            var frame = new byte[count + escapes + 2];
            int w = 0;
            frame[w++] = End;
            for (int i = offset; i < offset + count; i++)
            {
                byte b = packet[i];
                if (b == End)
                {
                    frame[w++] = Esc;
                    frame[w++] = EscEnd;
                }
                else if (b == Esc)
                {
                    frame[w++] = Esc;
                    frame[w++] = EscEsc;
                }
                else
                {
                    frame[w++] = b;
                }
            }

            frame[w] = End;
            return frame;
        }
    }

    /// <summary>
    /// Incremental SLIP decoder. Bytes between frames are noise and are skipped; a frame with a bad
    /// escape or longer than <see cref="MaxPacketLength"/> is dropped whole, so a corrupted frame can
    /// never pass for a good one (the header and checksum checks above catch the rest).
    /// </summary>
    public sealed class SlipDecoder
    {
        private readonly byte[] _buffer;
        private int _length;
        private bool _inFrame;
        private bool _escaping;
        private bool _broken;

        /// <summary>Creates a decoder for packets of at most <paramref name="maxPacketLength"/> bytes.</summary>
        public SlipDecoder(int maxPacketLength = 0x4400)
        {
            if (maxPacketLength < RomCommands.HeaderSize)
            {
                throw new ArgumentOutOfRangeException(nameof(maxPacketLength));
            }

            _buffer = new byte[maxPacketLength];
        }

        /// <summary>Largest packet accepted; longer frames are dropped.</summary>
        public int MaxPacketLength => _buffer.Length;

        /// <summary>Frames dropped for a bad escape or overflow since construction.</summary>
        public int DroppedFrames { get; private set; }

        /// <summary>Bytes seen outside any frame since construction.</summary>
        public int NoiseBytes { get; private set; }

        /// <summary>Feeds one byte.</summary>
        /// <returns>A complete packet when this byte closed a good frame, otherwise null.</returns>
        public byte[]? Feed(byte b)
        {
            if (!_inFrame)
            {
                if (b == Slip.End)
                {
                    StartFrame();
                }
                else
                {
                    NoiseBytes++;
                }

                return null;
            }

            if (b == Slip.End)
            {
                // An empty frame is a delimiter pair (C0 C0): treat the second C0 as a new start.
                if (_length == 0 && !_escaping && !_broken)
                {
                    return null;
                }

                byte[]? packet = null;
                if (_broken || _escaping)
                {
                    DroppedFrames++;
                }
                else
                {
                    packet = new byte[_length];
                    Array.Copy(_buffer, packet, _length);
                }

                _inFrame = false;
                return packet;
            }

            if (_broken)
            {
                return null;
            }

            if (_escaping)
            {
                _escaping = false;
                if (b == Slip.EscEnd)
                {
                    Append(Slip.End);
                }
                else if (b == Slip.EscEsc)
                {
                    Append(Slip.Esc);
                }
                else
                {
                    _broken = true;
                }
            }
            else if (b == Slip.Esc)
            {
                _escaping = true;
            }
            else
            {
                Append(b);
            }

            return null;
        }

        /// <summary>Forgets any partial frame (after a baud change or a flush).</summary>
        public void Reset()
        {
            _inFrame = false;
            _length = 0;
            _escaping = false;
            _broken = false;
        }

        private void StartFrame()
        {
            _inFrame = true;
            _length = 0;
            _escaping = false;
            _broken = false;
        }

        private void Append(byte b)
        {
            if (_length == _buffer.Length)
            {
                _broken = true;
                return;
            }

            _buffer[_length++] = b;
        }
    }
}
