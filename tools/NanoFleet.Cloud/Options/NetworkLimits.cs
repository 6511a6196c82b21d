using System;

namespace NanoFleet.Cloud.Options
{
    /// <summary>
    /// What one emulator accepts from the network. A connection is pending until it has finished TLS (with a
    /// certificate from the emulator's CA) and sent its first MQTT packet; pending connections are what an
    /// unauthenticated flood consists of, so at a cap the oldest pending one makes room and established
    /// connections are never pushed out. Set with <see cref="EmulatorOptionsBuilder.WithNetworkLimits"/>.
    /// </summary>
    /// <param name="MaxConnections">Open connections in total, pending and established.</param>
    /// <param name="MaxConnectionsPerAddress">Open connections from one source address.</param>
    /// <param name="HandshakeTimeout">From accept to the end of the first MQTT packet (TLS handshake and CONNECT).</param>
    /// <param name="MaxPacketSize">Largest MQTT packet accepted, fixed header included; a larger one closes the connection.</param>
    public sealed record NetworkLimits(int MaxConnections, int MaxConnectionsPerAddress, TimeSpan HandshakeTimeout, int MaxPacketSize)
    {
        /// <summary>AWS IoT Core's limit on an MQTT message: 128 KB.</summary>
        public const int AwsMaxPacketSize = 128 * 1024;

        /// <summary>8,192 connections, or half the process's file descriptor limit when that is lower (a process out of
        /// descriptors aborts in the runtime, not in our code), half of that per address, 10 s for TLS and CONNECT,
        /// 128 KB packets.</summary>
        public static NetworkLimits Default { get; } = ForDescriptors(OpenFileLimit.Current);

        /// <summary>The defaults for a process allowed <paramref name="descriptors"/> open files.</summary>
        public static NetworkLimits ForDescriptors(long descriptors)
        {
            int total = (int)Math.Clamp(descriptors / 2, 16, 8192);
            return new NetworkLimits(total, total / 2, TimeSpan.FromSeconds(10), AwsMaxPacketSize);
        }
    }
}
