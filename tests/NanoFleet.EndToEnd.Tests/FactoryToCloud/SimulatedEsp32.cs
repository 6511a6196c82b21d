using System;
using System.IO;
using NanoFleet.Cli.Device;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Hal.Host.Flash;
using NanoFleet.Station.Simulator;

namespace NanoFleet.EndToEnd.Tests.FactoryToCloud
{
    /// <summary>
    /// A simulated ESP32 in download mode behind a real socat pty pair (the production
    /// <see cref="SimulatorHost"/>), its 4 MB flash backed by an image FILE so that what the station
    /// writes is what a virtual device later boots. Dispose before booting the file: the chip holds it open.
    /// </summary>
    internal sealed class SimulatedEsp32 : IDisposable
    {
        private readonly NorFlash _chip;
        private readonly SimulatorHost _host;

        public SimulatedEsp32(string imageFile, byte[] mac, int revision = 301)
        {
            _chip = NorFlash.OpenFile(imageFile, DeviceImageBuilder.DefaultFlashSize);
            try
            {
                _host = new SimulatorHost(new NorFlashMemory(_chip), new SimulatedChip(mac, revision), faults: null, throttle: false);
            }
            catch
            {
                _chip.Dispose();
                throw;
            }
        }

        /// <summary>The serial port the station opens.</summary>
        public string PortPath => _host.PortPath;

        /// <summary>
        /// Writes the station's --claim-dir (ca.pem, claim.pem, claim.key, endpoint.txt) from the
        /// emulator's CA and claim, pointing at <paramref name="endpoint"/>. Test temp dirs only.
        /// </summary>
        public static string WriteClaimDirectory(E2eCloud cloud, string endpoint)
        {
            string directory = Path.Combine(cloud.Directory, "claim");
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "ca.pem"), cloud.Emulator.CaCertificatePem);
            File.WriteAllText(Path.Combine(directory, "claim.pem"), cloud.Claim.CertificatePem);
            File.WriteAllText(Path.Combine(directory, "claim.key"), cloud.Claim.PrivateKeyPem);
            File.WriteAllText(Path.Combine(directory, "endpoint.txt"), endpoint + "\n");
            return directory;
        }

        public void Dispose()
        {
            _host.Dispose();
            _chip.Dispose();
        }
    }
}
