using System;
using System.IO;
using System.IO.Ports;

namespace NanoFleet.Hal.Host.Serial
{
    /// <summary>
    /// <see cref="ISerialLine"/> over System.IO.Ports: a pty (a virtual device's UART, e.g. one end of a
    /// socat pair) or a USB-UART bridge to a real ESP32, 115200 8N1 without flow control, as the ESP32's UART0.
    /// </summary>
    public sealed class SerialPortLine : ISerialLine, IDisposable
    {
        /// <summary>The ESP32's console baud rate, which the firmware keeps for the claim transfer.</summary>
        public const int BaudRate = 115200;

        private readonly SerialPort _port;

        /// <summary>Opens <paramref name="portName"/>.</summary>
        /// <exception cref="IOException">The port does not exist or cannot be opened; the message names it.</exception>
        public SerialPortLine(string portName)
        {
            _port = new SerialPort(portName, BaudRate, Parity.None, 8, StopBits.One) { Handshake = Handshake.None, ReadBufferSize = 1 << 16, WriteTimeout = 10_000 };
            try
            {
                _port.Open();
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                _port.Dispose();
                throw new IOException($"cannot open serial port '{portName}': {ex.Message}", ex);
            }
        }

        /// <summary>The port's name.</summary>
        public string Name => _port.PortName;

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            try
            {
                _port.ReadTimeout = Math.Max(1, timeoutMilliseconds);
                return _port.Read(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                return 0;
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
            {
                return -1;
            }
        }

        /// <inheritdoc />
        public HalStatus Write(byte[] buffer, int offset, int count)
        {
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                return HalStatus.BadParameter;
            }

            try
            {
                _port.BaseStream.Write(buffer, offset, count);
                _port.BaseStream.Flush();
                return HalStatus.Success;
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or TimeoutException or ObjectDisposedException)
            {
                return HalStatus.Error;
            }
        }

        /// <inheritdoc />
        public void Dispose() => _port.Dispose();
    }
}
