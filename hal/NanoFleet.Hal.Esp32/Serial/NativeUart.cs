using System.Runtime.CompilerServices;

namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// The interop surface of the custom nanoCLR (hal/NanoFleet.Hal.Esp32/native) for the claim UART:
    /// UART2 on GPIO17 (TX) / GPIO16 (RX), 115200 8N1 over ESP-IDF's uart driver, brought up on first
    /// use. nanoFramework's System.IO.Ports is not among the pinned libraries, so the port is reached
    /// the way the partitions are. The native side checks every range.
    /// </summary>
    internal static class NativeUart
    {
        /// <summary>Bytes read; 0 when nothing came within the timeout; -1 when the port failed; -2 for a bad range.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int NativeRead(byte[] buffer, int offset, int count, int timeoutMilliseconds);

        /// <summary>Writes every byte: 1 (HalStatus.Success), 2 (BadParameter) or 0 (Error).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int NativeWrite(byte[] data, int offset, int count);
    }
}
