using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using NanoFleet.Cloud.ControlPlane.Iam;
using NanoFleet.Cloud.ControlPlane.Signing;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.ControlPlane.Identities
{
    /// <summary>
    /// The control plane's identities, in identities.json in the data directory, readable by its owner only
    /// (it holds secret access keys, as admin.json holds the admin token). Every call reads the file, so an
    /// identity made by `nanofleet cloud identity create` works at once on a running emulator; writes go
    /// through a temp file, so a crash leaves the old file or the new one.
    /// </summary>
    public sealed class IdentityStore
    {
        public const string FileName = "identities.json";
        private const string KeyIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        private static readonly object FileGate = new();
        private readonly string _file;

        public IdentityStore(string dataDirectory)
        {
            _file = Path.Combine(dataDirectory, FileName);
        }

        /// <summary>Creates `operator` and `installer` (see <see cref="DefaultIdentities"/>) unless the file exists.</summary>
        public void EnsureDefaults(string region, string accountId)
        {
            lock (FileGate)
            {
                if (File.Exists(_file))
                {
                    return;
                }

                Save(new List<Identity>
                {
                    NewIdentity(DefaultIdentities.Operator, DefaultIdentities.OperatorPolicy),
                    NewIdentity(DefaultIdentities.Installer, DefaultIdentities.InstallerPolicy(region, accountId)),
                });
            }
        }

        /// <summary>Makes an identity with a new access key and <paramref name="policy"/>.</summary>
        /// <exception cref="ArgumentException">The name is not an IAM user name, or it is taken.</exception>
        /// <exception cref="InvalidPolicyDocumentException">The policy is not a valid identity policy.</exception>
        public Identity Create(string name, string policy)
        {
            if (!Regex.IsMatch(name, @"^[\w+=,.@-]{1,64}$", RegexOptions.CultureInvariant))
            {
                throw new ArgumentException($"identity name '{name}' is not 1-64 characters of letters, digits and + = , . @ _ -");
            }

            PolicyDocument.Parse(policy, PolicyKind.Identity);
            lock (FileGate)
            {
                var all = Load();
                if (all.Any(i => i.Name == name))
                {
                    throw new ArgumentException($"an identity named '{name}' already exists");
                }

                var identity = NewIdentity(name, policy);
                all.Add(identity);
                Save(all);
                return identity;
            }
        }

        /// <summary>Every identity, by name.</summary>
        public IReadOnlyList<Identity> List() => Load().OrderBy(i => i.Name, StringComparer.Ordinal).ToList();

        /// <summary>The identity called <paramref name="name"/>, or null.</summary>
        public Identity? Get(string name) => Load().FirstOrDefault(i => i.Name == name);

        /// <summary>The identity owning <paramref name="accessKeyId"/>, or null.</summary>
        public Identity? FindByAccessKey(string accessKeyId) => Load().FirstOrDefault(i => i.Key.Id == accessKeyId);

        /// <summary>Deletes an identity; its key stops working at once. Returns false when there is none by that name.</summary>
        public bool Delete(string name)
        {
            lock (FileGate)
            {
                var all = Load();
                if (all.RemoveAll(i => i.Name == name) == 0)
                {
                    return false;
                }

                Save(all);
                return true;
            }
        }

        private static Identity NewIdentity(string name, string policy) =>
            new(name, new AccessKey("AKIA" + RandomNumberGenerator.GetString(KeyIdAlphabet, 16), RandomNumberGenerator.GetString(SecretAlphabet, 40)), policy);

        private List<Identity> Load()
        {
            if (!File.Exists(_file))
            {
                return new List<Identity>();
            }

            var stored = JsonSerializer.Deserialize<List<StoredIdentity>>(File.ReadAllText(_file))
                ?? throw new InvalidDataException($"{_file} holds no identity list");
            return stored.Select(s => new Identity(s.Name, new AccessKey(s.AccessKeyId, s.SecretAccessKey), s.Policy)).ToList();
        }

        private void Save(List<Identity> identities) =>
            CertificateAuthority.WriteSecret(_file, JsonSerializer.Serialize(
                identities.Select(i => new StoredIdentity(i.Name, i.Key.Id, i.Key.Secret, i.Policy)), new JsonSerializerOptions { WriteIndented = true }));

        private sealed record StoredIdentity(string Name, string AccessKeyId, string SecretAccessKey, string Policy);
    }
}
