using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NanoFleet.EndToEnd.Tests.Support
{
    /// <summary>`nanofleet cloud start --port 0` in a process of its own (see <see cref="CliProcess"/>).</summary>
    public static partial class CloudProcess
    {
        /// <summary>Starts the emulator on <paramref name="dataDirectory"/> and waits until it listens.</summary>
        /// <exception cref="InvalidOperationException">It exited or did not listen in time; the message holds its output.</exception>
        public static CliProcess Start(string dataDirectory, params string[] options) =>
            CliProcess.Start(ListeningLine(), ["cloud", "start", "--data", dataDirectory, "--port", "0", .. options]);

        /// <summary>The MQTT port the emulator bound, from its listening line.</summary>
        public static int Port(this CliProcess cloud) => int.Parse(cloud.ReadyLine.Groups[1].Value, CultureInfo.InvariantCulture);

        [GeneratedRegex(@"^nanofleet cloud: mqtts://[^ ]+:(\d+) ")]
        private static partial Regex ListeningLine();
    }
}
