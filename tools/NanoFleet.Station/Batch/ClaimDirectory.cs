using System;
using System.IO;
using NanoFleet.Station.Claim;

namespace NanoFleet.Station.Batch
{
    /// <summary>
    /// The operator's claim material in one directory: ca.pem (the broker's CA), claim.pem (the shared
    /// claim certificate), claim.key (its private key) and endpoint.txt (HOST[:PORT]). Read once; the
    /// key stays in memory only and goes nowhere but into the claim images.
    /// </summary>
    public sealed class ClaimDirectory
    {
        /// <summary>File names the directory must hold.</summary>
        public static readonly string[] Files = { "ca.pem", "claim.pem", "claim.key", "endpoint.txt" };

        private readonly string _ca, _cert, _key, _endpoint;

        private ClaimDirectory(string path, string ca, string cert, string key, string endpoint)
        {
            Path = path;
            _ca = ca;
            _cert = cert;
            _key = key;
            _endpoint = endpoint;
        }

        /// <summary>The directory.</summary>
        public string Path { get; }

        /// <summary>Reads the four files.</summary>
        /// <exception cref="FileNotFoundException">A file is missing; the message names it.</exception>
        public static ClaimDirectory Load(string path)
        {
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException($"--claim-dir {path}: no such directory");
            }

            string Read(string name)
            {
                string file = System.IO.Path.Combine(path, name);
                if (!File.Exists(file))
                {
                    throw new FileNotFoundException($"--claim-dir {path}: missing {name} (needs {string.Join(", ", Files)})", file);
                }

                return File.ReadAllText(file);
            }

            return new ClaimDirectory(path, Read("ca.pem"), Read("claim.pem"), Read("claim.key"), Read("endpoint.txt").Trim());
        }

        /// <summary>A builder preloaded with the claim, the endpoint and the template; add the device's parameters.</summary>
        public ClaimImageBuilder Builder(string template) => new ClaimImageBuilder()
            .WithCaPem(_ca, System.IO.Path.Combine(Path, "ca.pem"))
            .WithClaimCertificatePem(_cert, System.IO.Path.Combine(Path, "claim.pem"))
            .WithClaimKeyPem(_key, System.IO.Path.Combine(Path, "claim.key"))
            .WithEndpoint(_endpoint)
            .WithTemplate(template);

        /// <summary>Never shows key material.</summary>
        public override string ToString() => $"claim directory {Path}";
    }
}
