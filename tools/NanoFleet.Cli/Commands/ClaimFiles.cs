using System.IO;
using System.Linq;
using NanoFleet.Cloud;

namespace NanoFleet.Cli.Commands
{
    /// <summary>
    /// The claim directory `cloud claim create -o DIR` writes (ca.pem, claim.pem, claim.key, endpoint.txt) and the
    /// checks that keep an existing claim's key from being lost: the key exists nowhere else.
    /// </summary>
    internal static class ClaimFiles
    {
        public const string Ca = "ca.pem", Certificate = "claim.pem", Key = "claim.key", Endpoint = "endpoint.txt";
        private static readonly string[] Names = [Ca, Certificate, Key, Endpoint];

        /// <summary>Refuses, before anything is registered, an output that is a file, lies under a file, or
        /// already holds claim files (unless <paramref name="force"/>).</summary>
        /// <exception cref="CliException">Exit 2, naming <paramref name="directory"/> and what is in the way.</exception>
        public static void CheckTarget(string directory, bool force)
        {
            if (string.IsNullOrWhiteSpace(directory))
            {
                throw new CliException(ExitCodes.BadInput, "-o must name a directory");
            }

            string full = Path.GetFullPath(directory);
            if (File.Exists(full))
            {
                throw new CliException(ExitCodes.BadInput, $"-o {directory} is a file; claim create writes a directory ({string.Join(", ", Names)})");
            }

            for (string? parent = Path.GetDirectoryName(full); parent is not null && !Directory.Exists(parent); parent = Path.GetDirectoryName(parent))
            {
                if (File.Exists(parent))
                {
                    throw new CliException(ExitCodes.BadInput, $"-o {directory} cannot be made: {parent} is a file");
                }
            }

            string[] existing = Names.Where(name => File.Exists(Path.Combine(full, name)) || Directory.Exists(Path.Combine(full, name))).ToArray();
            if (existing.Length > 0 && !force)
            {
                throw new CliException(ExitCodes.BadInput,
                    $"-o {directory} already holds a claim ({string.Join(", ", existing)}); nothing was created: give another directory, or --force to replace it");
            }
        }

        /// <summary>Writes the claim all or none (see <see cref="OutputFiles.WriteTogether"/>); the key owner-only.</summary>
        public static void Write(string directory, ClaimCredentials claim, string endpoint, bool force) =>
            OutputFiles.WriteTogether(directory,
            [
                new OutputFile(Ca, claim.CaCertificatePem),
                new OutputFile(Certificate, claim.CertificatePem),
                new OutputFile(Key, claim.PrivateKeyPem, Secret: true),
                new OutputFile(Endpoint, endpoint + "\n"),
            ], overwrite: force);
    }
}
