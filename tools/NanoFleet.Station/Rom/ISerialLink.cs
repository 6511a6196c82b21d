using System;

namespace NanoFleet.Station.Rom
{
    /// <summary>The byte pipe under the ROM protocol: a serial port, with its modem lines and baud rate.</summary>
    public interface ISerialLink : IDisposable
    {
        /// <summary>Port name, for messages.</summary>
        string Name { get; }

        /// <summary>Current baud rate; setting it reprograms the port.</summary>
        int BaudRate { get; set; }

        /// <summary>Whether DTR/RTS can be driven (false on a pty, whose modem lines do not exist).</summary>
        bool HasModemLines { get; }

        /// <summary>Drives DTR (wired to GPIO0 through a transistor on dev boards: true pulls IO0 low).</summary>
        void SetDtr(bool asserted);

        /// <summary>Drives RTS (wired to EN: true holds the chip in reset).</summary>
        void SetRts(bool asserted);

        /// <summary>Writes all bytes.</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Reads what is available, waiting at most <paramref name="timeout"/> for the first byte.</summary>
        /// <returns>Bytes read, or 0 on timeout.</returns>
        /// <exception cref="System.IO.IOException">The port went away (device unplugged).</exception>
        int Read(byte[] buffer, int offset, int count, TimeSpan timeout);

        /// <summary>Drops unread input.</summary>
        void DiscardInput();
    }
}
