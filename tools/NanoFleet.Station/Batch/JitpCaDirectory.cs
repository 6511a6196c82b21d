using System;
using System.IO;
using NanoFleet.Station.Claim;
using NanoFleet.Station.Jitp;

namespace NanoFleet.Station.Batch
{
    /// <summary>
    /// The operator's just-in-time provisioning material in one directory: ca.pem and ca.key (the factory's issuing CA,
    /// registered with AWS IoT), server-ca.pem (the CA the device trusts for the broker: AmazonRootCA1, or the emulator's)
    /// and endpoint.txt (HOST[:PORT]). Read once; the CA key stays in memory and only signs.
    /// </summary>
    public sealed class JitpCaDirectory : IDisposable
    {
        /// <summary>File names the directory must hold.</summary>
        public static readonly string[] Files = { "ca.pem", "ca.key", "server-ca.pem", "endpoint.txt" };

        private readonly string _serverCa, _endpoint;

        private JitpCaDirectory(string path, FactoryCa ca, string serverCa, string endpoint)
        {
            Path = path;
            Ca = ca;
            _serverCa = serverCa;
            _endpoint = endpoint;
        }

        /// <summary>The directory.</summary>
        public string Path { get; }

        /// <summary>The factory CA.</summary>
        public FactoryCa Ca { get; }

        /// <summary>Reads the four files.</summary>
        /// <exception cref="FileNotFoundException">A file is missing; the message names it.</exception>
        /// <exception cref="FormatException">ca.pem and ca.key are not an EC CA and its key.</exception>
        public static JitpCaDirectory Load(string path)
        {
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException($"--jitp-ca {path}: no such directory");
            }

            string Read(string name)
            {
                string file = System.IO.Path.Combine(path, name);
                if (!File.Exists(file))
                {
                    throw new FileNotFoundException($"--jitp-ca {path}: missing {name} (needs {string.Join(", ", Files)})", file);
                }

                return File.ReadAllText(file);
            }

            var ca = FactoryCa.Load(Read("ca.pem"), Read("ca.key"), System.IO.Path.Combine(path, "ca.pem"), System.IO.Path.Combine(path, "ca.key"));
            return new JitpCaDirectory(path, ca, Read("server-ca.pem"), Read("endpoint.txt").Trim());
        }

        /// <summary>Signs a certificate for the device named <paramref name="commonName"/> and returns a builder preloaded
        /// with it (chain with the factory CA), its key, the server CA and the endpoint, in JITP mode.</summary>
        public (ClaimImageBuilder Builder, DeviceCertificate Certificate) Builder(string commonName)
        {
            var device = Ca.SignDevice(commonName);
            var builder = new ClaimImageBuilder()
                .WithCaPem(_serverCa, System.IO.Path.Combine(Path, "server-ca.pem"))
                .WithClaimCertificatePem(device.ChainPem, "the device certificate of " + commonName)
                .WithClaimKeyPem(device.PrivateKeyPem, "the device key of " + commonName)
                .WithEndpoint(_endpoint)
                .WithJustInTime();
            return (builder, device);
        }

        /// <inheritdoc />
        public void Dispose() => Ca.Dispose();

        /// <summary>Never shows key material.</summary>
        public override string ToString() => $"JITP CA directory {Path}";
    }
}
