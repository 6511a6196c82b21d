using System;
using System.Diagnostics;
using System.IO;

namespace NanoFleet.Station.Rom
{
    /// <summary>
    /// The protocol layer (esptool's ESPLoader.command/check_command): frames requests, reads responses
    /// until the opcode matches, and turns status bytes into <see cref="EspFatalException"/>s.
    /// </summary>
    public sealed class RomLink
    {
        /// <summary>esptool's DEFAULT_TIMEOUT.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

        private readonly ISerialLink _serial;
        private readonly SlipDecoder _decoder = new();
        private readonly byte[] _readBuffer = new byte[4096];
        private int _readOffset;
        private int _readCount;
        private EspLinkException? _failed;

        /// <summary>Creates the layer over an open link.</summary>
        public RomLink(ISerialLink serial)
        {
            _serial = serial ?? throw new ArgumentNullException(nameof(serial));
        }

        /// <summary>The link underneath.</summary>
        public ISerialLink Serial => _serial;

        /// <summary>Status bytes at the end of each response: 4 on the ESP32 ROM.</summary>
        public int StatusBytesLength { get; set; } = RomCommands.RomStatusBytes;

        /// <summary>When true, every packet is reported through <see cref="Traced"/>.</summary>
        public bool TraceEnabled { get; set; }

        /// <summary>Raised with a hex line per packet when <see cref="TraceEnabled"/> is set.</summary>
        public event EventHandler<string>? Traced;

        /// <summary>Sends a request (when <paramref name="op"/> is given) and waits for a response with the same opcode.</summary>
        /// <param name="op">The opcode, or null to only read the next response (SYNC's extra replies).</param>
        /// <param name="data">Request data.</param>
        /// <param name="checksum">Checksum field; only the *_DATA commands use it.</param>
        /// <param name="timeout">How long to wait for the response.</param>
        /// <returns>The response; its data still ends in the status bytes.</returns>
        /// <exception cref="EspTimeoutException">No matching response in time.</exception>
        /// <exception cref="EspLinkException">The link went away (now or earlier).</exception>
        public RomResponse Command(byte? op, byte[]? data, uint checksum, TimeSpan timeout)
        {
            ThrowIfFailed();
            if (op is byte code)
            {
                byte[] packet = RomPacket.EncodeRequest(code, data ?? Array.Empty<byte>(), checksum);
                Trace("TX", packet);
                byte[] frame = Slip.Encode(packet, 0, packet.Length);
                OnPort($"send command 0x{code:X2}", () => _serial.Write(frame, 0, frame.Length));
            }

            var clock = Stopwatch.StartNew();
            while (true)
            {
                TimeSpan left = timeout - clock.Elapsed;
                byte[]? packet = ReadPacket(left);
                if (packet is null)
                {
                    string what = op is byte o ? $"command 0x{o:X2}" : "the next reply";
                    throw new EspTimeoutException(
                        $"Timed out after {timeout.TotalSeconds:0.###} s waiting for a reply to {what} on {_serial.Name}");
                }

                Trace("RX", packet);
                if (!RomPacket.TryDecodeResponse(packet, out RomResponse response))
                {
                    continue;
                }

                if (op is null || response.Op == op)
                {
                    return response;
                }
            }
        }

        /// <summary>
        /// Sends a command and checks its status bytes (esptool's check_command).
        /// </summary>
        /// <param name="opDescription">Verb phrase for the error: "Failed to {opDescription} (result was …)".</param>
        /// <returns>The data before the status bytes when there is any, otherwise an empty array; the
        /// value field comes back through <paramref name="value"/>.</returns>
        /// <exception cref="EspTimeoutException">No reply in time ("Failed to {opDescription}: Timed out …").</exception>
        /// <exception cref="EspFatalException">The ROM reported a failure, or the reply was malformed.</exception>
        /// <example><code>link.CheckCommand("attach SPI flash", RomCommands.SpiAttach, RomPacket.Words(0, 0), 0, RomLink.DefaultTimeout, out _);</code></example>
        public byte[] CheckCommand(string opDescription, byte op, byte[] data, uint checksum, TimeSpan timeout, out uint value)
        {
            RomResponse response;
            try
            {
                response = Command(op, data, checksum, timeout);
            }
            catch (EspTimeoutException ex)
            {
                throw new EspTimeoutException($"Failed to {opDescription}: {ex.Message}");
            }

            value = response.Value;
            if (response.Data.Length < StatusBytesLength)
            {
                throw new EspFatalException(
                    $"Failed to {opDescription}: the reply carried {response.Data.Length} data bytes, fewer than the {StatusBytesLength} status bytes");
            }

            int statusAt = response.Data.Length - StatusBytesLength;
            byte status = response.Data[statusAt];
            byte error = response.Data[statusAt + 1];
            if (status != 0)
            {
                throw EspFatalException.WithResult(opDescription, status, error);
            }

            return response.Data.AsSpan(0, statusAt).ToArray();
        }

        /// <summary>Drops buffered input and any half-read frame (after a reset or a baud change).</summary>
        /// <exception cref="EspLinkException">The port went away (now or earlier).</exception>
        public void FlushInput()
        {
            ThrowIfFailed();
            _readOffset = 0;
            _readCount = 0;
            _decoder.Reset();
            OnPort("discard input", () => _serial.DiscardInput());
        }

        /// <summary>Reprograms the host side of the link, after the chip was told to change its baud rate.</summary>
        /// <exception cref="EspLinkException">The port went away (now or earlier).</exception>
        public void SetHostBaud(int baud)
        {
            ThrowIfFailed();
            OnPort($"set {baud} baud", () => _serial.BaudRate = baud);
        }

        private byte[]? ReadPacket(TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                while (_readOffset < _readCount)
                {
                    byte[]? packet = _decoder.Feed(_readBuffer[_readOffset++]);
                    if (packet is not null)
                    {
                        return packet;
                    }
                }

                TimeSpan left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    return null;
                }

                int n = 0;
                OnPort("read", () => n = _serial.Read(_readBuffer, 0, _readBuffer.Length, left));
                _readOffset = 0;
                _readCount = n;
            }
        }

        // Every port failure becomes a device error naming the port, so callers (the CLI's exit code 3,
        // the station's records) never see a bare IOException that cannot be told apart from a file
        // error. The failure is kept: a port whose device went away stays gone, and System.IO.Ports
        // can block forever writing to a pty whose other end closed, so nothing more is sent on it.
        private void OnPort(string verbPhrase, Action action)
        {
            try
            {
                action();
            }
            catch (Exception ex) when (ex is IOException or TimeoutException or InvalidOperationException)
            {
                _failed = new EspLinkException($"Failed to {verbPhrase} on {_serial.Name}: {ex.Message} (device unplugged?)", ex);
                throw _failed;
            }
        }

        private void ThrowIfFailed()
        {
            if (_failed is not null)
            {
                throw new EspLinkException(_failed.Message, _failed.InnerException!);
            }
        }

        private void Trace(string direction, byte[] packet)
        {
            if (TraceEnabled)
            {
                Traced?.Invoke(this, $"{direction} {Convert.ToHexString(packet)}");
            }
        }
    }
}
