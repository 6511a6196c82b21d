using System;
using System.Collections.Generic;
using System.IO;

namespace NanoFleet.Cli.Installer
{
    /// <summary>
    /// The installer's own AWS credentials, as the AWS CLI finds them: a shared-credentials file
    /// (`[default]` with aws_access_key_id, aws_secret_access_key and optionally region), else the
    /// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_REGION environment. <see cref="ToString"/> never shows the secret.
    /// </summary>
    public sealed class InstallerCredentials
    {
        private InstallerCredentials(string accessKeyId, string secretAccessKey, string region)
        {
            AccessKeyId = accessKeyId;
            SecretAccessKey = secretAccessKey;
            Region = region;
        }

        /// <summary>The access key id.</summary>
        public string AccessKeyId { get; }

        /// <summary>The secret; only used to sign.</summary>
        public string SecretAccessKey { get; }

        /// <summary>The region requests are signed for.</summary>
        public string Region { get; }

        /// <summary>Reads <paramref name="profileFile"/>'s <paramref name="profile"/> section, or the environment when the file is null.</summary>
        /// <param name="profileFile">An AWS shared-credentials file, or null.</param>
        /// <param name="profile">The section to read.</param>
        /// <param name="region">A region given on the command line; overrides the file's and the environment's.</param>
        /// <param name="environment">Reads an environment variable (tests pass their own).</param>
        /// <exception cref="InvalidDataException">The file or the environment lacks a key, id or region; the message says which (never the secret).</exception>
        /// <exception cref="FileNotFoundException">No such file.</exception>
        public static InstallerCredentials Load(string? profileFile, string profile, string? region, Func<string, string?> environment)
        {
            if (profileFile is null)
            {
                return Complete(environment("AWS_ACCESS_KEY_ID"), environment("AWS_SECRET_ACCESS_KEY"),
                    region ?? environment("AWS_REGION") ?? environment("AWS_DEFAULT_REGION"), "the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION)");
            }

            if (!File.Exists(profileFile))
            {
                throw new FileNotFoundException($"--profile-file '{profileFile}' not found", profileFile);
            }

            Dictionary<string, string> section = ReadSection(File.ReadAllLines(profileFile), profile)
                ?? throw new InvalidDataException($"--profile-file '{profileFile}' has no [{profile}] section");
            return Complete(section.GetValueOrDefault("aws_access_key_id"), section.GetValueOrDefault("aws_secret_access_key"),
                region ?? section.GetValueOrDefault("region"), $"--profile-file '{profileFile}' [{profile}]");
        }

        /// <inheritdoc />
        public override string ToString() => $"access key {AccessKeyId} in {Region}";

        private static InstallerCredentials Complete(string? id, string? secret, string? region, string source)
        {
            string missing = string.IsNullOrWhiteSpace(id) ? "aws_access_key_id" : string.IsNullOrWhiteSpace(secret) ? "aws_secret_access_key"
                : string.IsNullOrWhiteSpace(region) ? "region (or --region)" : "";
            if (missing.Length > 0)
            {
                throw new InvalidDataException($"{source} gives no {missing}");
            }

            return new InstallerCredentials(id!.Trim(), secret!.Trim(), region!.Trim());
        }

        private static Dictionary<string, string>? ReadSection(string[] lines, string profile)
        {
            Dictionary<string, string>? section = null;
            bool inSection = false;
            foreach (string raw in lines)
            {
                string line = raw.Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';')
                {
                    continue;
                }

                if (line[0] == '[' && line[^1] == ']')
                {
                    string name = line[1..^1].Trim();
                    inSection = name == profile || name == "profile " + profile;
                    section = inSection ? section ?? new Dictionary<string, string>(StringComparer.Ordinal) : section;
                    continue;
                }

                int eq = line.IndexOf('=');
                if (inSection && eq > 0)
                {
                    section![line[..eq].Trim()] = line[(eq + 1)..].Trim();
                }
            }

            return section;
        }
    }
}
