namespace NanoFleet.Hal
{
    /// <summary>
    /// A serial line (a UART on the device, a pty or USB-UART on a host): raw bytes both ways. The
    /// installer's claim reaches the device over it.
    /// </summary>
    public interface ISerialLine
    {
        /// <summary>Reads what has arrived, waiting at most <paramref name="timeoutMilliseconds"/> for the first byte.</summary>
        /// <param name="buffer">Where the bytes go.</param>
        /// <param name="offset">First byte to fill.</param>
        /// <param name="count">Most bytes to read (at least 1).</param>
        /// <param name="timeoutMilliseconds">Longest wait for the first byte.</param>
        /// <returns>Bytes read; 0 when nothing came in time; -1 when the line is gone (unplugged, closed).</returns>
        int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds);

        /// <summary>Writes all <paramref name="count"/> bytes.</summary>
        /// <returns>Success; BadParameter for a bad range; Error when the line is gone.</returns>
        HalStatus Write(byte[] buffer, int offset, int count);
    }
}
