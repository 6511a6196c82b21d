using System;
using System.IO;
using System.IO.Ports;

namespace NanoFleet.Station.Rom
{
    /// <summary><see cref="ISerialLink"/> over System.IO.Ports: a USB-UART bridge or a pty.</summary>
    public sealed class SerialPortLink : ISerialLink
    {
        private readonly SerialPort _port;
        private bool _modemLines = true;

        /// <summary>Opens <paramref name="portName"/> at <paramref name="baudRate"/>, 8N1, no flow control.</summary>
        /// <exception cref="IOException">The port does not exist or cannot be opened.</exception>
        public SerialPortLink(string portName, int baudRate)
        {
            _port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One)
            {
                Handshake = Handshake.None,
                ReadBufferSize = 1 << 16,
                WriteBufferSize = 1 << 16,
                WriteTimeout = 10_000,
            };
            try
            {
                _port.Open();
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new IOException($"Cannot open serial port '{portName}': {ex.Message}", ex);
            }
        }

        /// <inheritdoc/>
        public string Name => _port.PortName;

        /// <inheritdoc/>
        public int BaudRate
        {
            get => _port.BaudRate;
            set => _port.BaudRate = value;
        }

        /// <inheritdoc/>
        public bool HasModemLines => _modemLines;

        /// <inheritdoc/>
        public void SetDtr(bool asserted) => SetLine(() => _port.DtrEnable = asserted);

        /// <inheritdoc/>
        public void SetRts(bool asserted) => SetLine(() => _port.RtsEnable = asserted);

        /// <inheritdoc/>
        public void Write(byte[] buffer, int offset, int count) => _port.BaseStream.Write(buffer, offset, count);

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count, TimeSpan timeout)
        {
            _port.ReadTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalMilliseconds));
            try
            {
                return _port.Read(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                return 0;
            }
        }

        /// <inheritdoc/>
        public void DiscardInput() => _port.DiscardInBuffer();

        /// <inheritdoc/>
        public void Dispose() => _port.Dispose();

        // A pty has no modem lines: the ioctl fails. The reset is then the operator's (or the
        // simulator's) job, as with esptool's socket:// ports, and the link says so through HasModemLines.
        private void SetLine(Action set)
        {
            if (!_modemLines)
            {
                return;
            }

            try
            {
                set();
            }
            catch (IOException)
            {
                _modemLines = false;
            }
        }
    }
}
