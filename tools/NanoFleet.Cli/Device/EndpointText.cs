using System;
using System.Globalization;

namespace NanoFleet.Cli.Device
{
    /// <summary>Checks "HOST:PORT" as `--endpoint` takes it.</summary>
    internal static class EndpointText
    {
        /// <summary>True when <paramref name="text"/> is a non-empty host, a colon and a port 1–65535.</summary>
        public static bool IsValid(string text)
        {
            int colon = text.LastIndexOf(':');
            return colon > 0
                && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port)
                && port is >= 1 and <= 65535;
        }
    }
}
