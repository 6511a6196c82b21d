using System;
using System.Globalization;
using System.Net;

namespace NanoFleet.Station.Dashboard
{
    /// <summary>
    /// Where the dashboard listens: an IP address (or "localhost") and a port, as typed after --listen.
    /// Loopback unless the operator asks otherwise: the records are no secret, but they are the factory's.
    /// </summary>
    public sealed class ListenAddress
    {
        /// <summary>The default: loopback, port 8080.</summary>
        public const string Default = "127.0.0.1:8080";

        private ListenAddress(IPEndPoint endPoint, string option)
        {
            EndPoint = endPoint;
            Option = option;
        }

        /// <summary>The address and port (port 0: any free port, known once the server started).</summary>
        public IPEndPoint EndPoint { get; }

        /// <summary>The option it was given with, for messages about it.</summary>
        public string Option { get; }

        /// <summary>Whether only this machine can reach it.</summary>
        public bool IsLoopback => IPAddress.IsLoopback(EndPoint.Address);

        /// <summary>Parses HOST:PORT, [IPv6]:PORT or localhost:PORT.</summary>
        /// <exception cref="ArgumentException">Not an address and port; the message names <paramref name="option"/> and the text.</exception>
        public static ListenAddress Parse(string text, string option = "--listen")
        {
            ArgumentNullException.ThrowIfNull(text);
            string bad = $"{option} {text}: expected IP:PORT (e.g. {Default}, [::1]:8080 or localhost:8080)";
            int colon = text.LastIndexOf(':');
            if (colon > 0 && text[..colon].Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                text = "127.0.0.1" + text[colon..];
                colon = text.LastIndexOf(':');
            }

            // IPEndPoint.TryParse takes a bare address too (port 0): a port must be typed here, and an
            // unbracketed IPv6 address (which would swallow it) is refused by checking it survived.
            int port = -1;
            bool hasPort = colon > 0 && text[colon - 1] != ':' &&
                int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= IPEndPoint.MaxPort;
            if (!hasPort || !IPEndPoint.TryParse(text, out IPEndPoint? endPoint) || endPoint.Port != port)
            {
                throw new ArgumentException(bad);
            }

            return new ListenAddress(endPoint, option);
        }

        /// <inheritdoc/>
        public override string ToString() => EndPoint.ToString();
    }
}
