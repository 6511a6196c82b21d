using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Station.Claim
{
    /// <summary>
    /// Builds the esp_secure_cert partition image that carries a fleet-provisioning claim, laid out as
    /// Espressif's tlv_format_construct.py lays one out: CA (type 0), claim certificate (type 1) and
    /// claim key (type 2, plaintext, flags 0) as PEM with a trailing NUL, the NanoFleet config in
    /// USER_DATA_1 (type 51, see <see cref="ClaimConfigCodec"/>), an INTEGRITY record (type 9: SHA-256
    /// of every byte before it), the 0x0000FFFF end marker, then 0xFF to the partition size.
    /// <see cref="Build"/> checks the inputs and throws <see cref="ClaimImageException"/> naming the
    /// input at fault.
    /// </summary>
    /// <example>
    /// <code>
    /// ClaimImage image = new ClaimImageBuilder()
    ///     .WithCaPem(File.ReadAllText("AmazonRootCA1.pem"), "AmazonRootCA1.pem")
    ///     .WithClaimCertificatePem(File.ReadAllText("claim.pem"), "claim.pem")
    ///     .WithClaimKeyPem(File.ReadAllText("claim.key"), "claim.key")
    ///     .WithEndpoint("a1b2-ats.iot.eu-west-1.amazonaws.com:8883")
    ///     .WithTemplate("fleet-tpl")
    ///     .WithParameter("SerialNumber", "SN-0042")
    ///     .Build();
    /// File.WriteAllBytes("claim.bin", image.Bytes);
    /// </code>
    /// </example>
    public sealed class ClaimImageBuilder
    {
        /// <summary>A certificate that expires sooner than this gets a warning.</summary>
        public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(90);

        private bool _awaitsClaim;

        private readonly ProvisioningClaim _claim = new();
        private string? _caPem, _caSource, _certPem, _certSource, _keyPem, _keySource;
        private int _partitionSize = SecureCertTlv.PartitionSize;
        private DateTimeOffset? _now;

        /// <summary>The broker's trusted CA (one or more PEM certificates).</summary>
        /// <param name="pem">PEM text.</param>
        /// <param name="source">Name used in errors, e.g. the file name.</param>
        public ClaimImageBuilder WithCaPem(string pem, string source = "CA")
        {
            _caPem = pem;
            _caSource = source;
            return this;
        }

        /// <summary>The shared claim certificate (PEM).</summary>
        public ClaimImageBuilder WithClaimCertificatePem(string pem, string source = "claim certificate")
        {
            _certPem = pem;
            _certSource = source;
            return this;
        }

        /// <summary>The claim private key (unencrypted PEM). Never echoed in errors.</summary>
        public ClaimImageBuilder WithClaimKeyPem(string pem, string source = "claim key")
        {
            _keyPem = pem;
            _keySource = source;
            return this;
        }

        /// <summary>The endpoint as <c>HOST</c> or <c>HOST:PORT</c> (port 8883 when omitted).</summary>
        /// <exception cref="ClaimImageException">The port is not 1-65535.</exception>
        public ClaimImageBuilder WithEndpoint(string endpoint)
        {
            int colon = endpoint.LastIndexOf(':');
            if (colon < 0) return WithEndpoint(endpoint, 8883);
            string port = endpoint[(colon + 1)..];
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1 || value > 65535)
            {
                throw new ClaimImageException($"endpoint '{endpoint}': port '{port}' is not 1-65535");
            }

            return WithEndpoint(endpoint[..colon], value);
        }

        /// <summary>The endpoint host and port.</summary>
        public ClaimImageBuilder WithEndpoint(string host, int port)
        {
            _claim.EndpointHost = host;
            _claim.EndpointPort = port;
            return this;
        }

        /// <summary>The fleet-provisioning template name (1-36 of [0-9A-Za-z_-]).</summary>
        public ClaimImageBuilder WithTemplate(string name)
        {
            _claim.TemplateName = name;
            return this;
        }

        /// <summary>The provisioning payload format (json by default).</summary>
        public ClaimImageBuilder WithFormat(FpFormat format)
        {
            _claim.Format = format;
            return this;
        }

        /// <summary>One RegisterThing parameter written for this device, e.g. SerialNumber.</summary>
        public ClaimImageBuilder WithParameter(string name, string value)
        {
            _claim.Parameters.Set(name, value);
            return this;
        }

        /// <summary>
        /// Makes a just-in-time provisioning image instead of a claim image: the certificate record holds the device's own
        /// certificate followed by its CA (the chain AWS needs at the first connection), the key is the device's, and the
        /// config carries only the endpoint (nanofleet-jitp/1: no template, no parameters).
        /// </summary>
        public ClaimImageBuilder WithJustInTime()
        {
            _claim.JustInTime = true;
            return this;
        }

        /// <summary>The esp_secure_cert partition size (0x2000 by default; take it from partitions.csv).</summary>
        public ClaimImageBuilder WithPartitionSize(int size)
        {
            _partitionSize = size;
            return this;
        }

        /// <summary>The time certificate validity is checked against (now by default).</summary>
        public ClaimImageBuilder WithClock(DateTimeOffset now)
        {
            _now = now;
            return this;
        }

        /// <summary>
        /// Builds a trusted-user image: the CA and the config, no claim certificate or key. The device then
        /// waits on its UART for the temporary claim an installer fetches (`nanofleet installer claim`).
        /// </summary>
        public ClaimImageBuilder WithoutClaim()
        {
            _awaitsClaim = true;
            return this;
        }

        /// <summary>Checks the inputs and builds the image.</summary>
        /// <exception cref="ClaimImageException">An input is missing or wrong; the message names it.</exception>
        public ClaimImage Build()
        {
            if (_caPem is null) throw new ClaimImageException("no CA certificate was given");
            if (_awaitsClaim) return BuildWithoutClaim();
            if (_certPem is null) throw new ClaimImageException("no claim certificate was given");
            if (_keyPem is null) throw new ClaimImageException("no claim private key was given");
            var now = _now ?? DateTimeOffset.UtcNow;
            var warnings = new List<string>();

            var caCertificates = ClaimPem.Certificates(_caPem, _caSource!);
            var claimCertificates = ClaimPem.Certificates(_certPem, _certSource!);
            if (claimCertificates.Count > 1 && !_claim.JustInTime)
            {
                throw new ClaimImageException($"{_certSource}: holds {claimCertificates.Count} certificates; give only the claim certificate");
            }

            var claimCertificate = claimCertificates[0];
            var (_, keyPem) = ClaimPem.PrivateKey(_keyPem, _keySource!);
            ClaimPem.CheckKeyMatches(claimCertificate, keyPem, _certSource!, _keySource!);
            CheckValidity(claimCertificate, _certSource!, now, warnings, fatal: true);
            foreach (var ca in caCertificates) CheckValidity(ca, _caSource!, now, warnings, fatal: false);

            string certificatePem = "";
            foreach (var certificate in claimCertificates) certificatePem += ClaimPem.CertificatePem(certificate); // the leaf first (JITP: then its CA)
            var records = new (byte Type, byte[] Data, string What)[]
            {
                (SecureCertTlv.TypeCaCert, CaRecord(caCertificates), "the CA certificate"),
                (SecureCertTlv.TypeDeviceCert, ClaimPem.WithNul(certificatePem), "the claim certificate"),
                (SecureCertTlv.TypePrivateKey, ClaimPem.WithNul(keyPem), "the claim key"),
                (ClaimPartition.ConfigType, ConfigRecord(), "the provisioning config"),
            };
            return Write(records, ClaimPem.Sha256(claimCertificate), warnings);
        }

        private ClaimImage BuildWithoutClaim()
        {
            if (_certPem is not null || _keyPem is not null) throw new ClaimImageException("a trusted-user image holds no claim: give no claim certificate or key");
            var warnings = new List<string>();
            var caCertificates = ClaimPem.Certificates(_caPem!, _caSource!);
            foreach (var ca in caCertificates) CheckValidity(ca, _caSource!, _now ?? DateTimeOffset.UtcNow, warnings, fatal: false);
            var records = new (byte Type, byte[] Data, string What)[]
            {
                (SecureCertTlv.TypeCaCert, CaRecord(caCertificates), "the CA certificate"),
                (ClaimPartition.ConfigType, ConfigRecord(), "the provisioning config"),
            };
            return Write(records, "", warnings);
        }

        private static byte[] CaRecord(IEnumerable<X509Certificate2> caCertificates)
        {
            string caPem = "";
            foreach (var ca in caCertificates) caPem += ClaimPem.CertificatePem(ca);
            return ClaimPem.WithNul(caPem);
        }

        private byte[] ConfigRecord() =>
            ClaimConfigCodec.Encode(_claim, out byte[]? config, out string error) == FpStatus.Success ? config! : throw new ClaimImageException(error);

        private ClaimImage Write((byte Type, byte[] Data, string What)[] records, string fingerprint, List<string> warnings)
        {
            int needed = 4 + SecureCertTlv.RecordSize(32); // end marker + integrity record
            foreach (var r in records) needed += SecureCertTlv.RecordSize(r.Data.Length);
            if (needed > _partitionSize)
            {
                string sizes = string.Join(", ", records.Select(r => $"{r.What} {r.Data.Length}"));
                throw new ClaimImageException(
                    $"the claim image needs {needed} bytes but the esp_secure_cert partition holds {_partitionSize} ({sizes} bytes); use a smaller CA bundle or a larger partition");
            }

            var image = new byte[_partitionSize];
            Array.Fill(image, (byte)0xFF);
            var writer = new SecureCertTlvWriter(image, 0, image.Length);
            foreach (var r in records)
            {
                if (r.Data.Length > SecureCertTlv.MaxDataLength) throw new ClaimImageException($"{r.What} is {r.Data.Length} bytes; a record holds at most 65535");
                Add(writer, r.Type, r.Data);
            }

            Add(writer, SecureCertTlv.TypeIntegrity, SHA256.HashData(image.AsSpan(0, writer.Length)));
            writer.AddEndMarker();
            return new ClaimImage(image, writer.Length, fingerprint, warnings);
        }

        private static void Add(SecureCertTlvWriter writer, byte type, byte[] data)
        {
            var status = writer.Add(type, 0, 0, data, 0, data.Length);
            if (status != TlvStatus.Success) throw new InvalidOperationException($"Failed to add TLV type {type}: {status}"); // sizes were checked above
        }

        private static void CheckValidity(X509Certificate2 certificate, string source, DateTimeOffset now, List<string> warnings, bool fatal)
        {
            var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
            var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
            string subject = certificate.Subject;
            string problem = now < notBefore ? $"is not valid until {notBefore:yyyy-MM-dd HH:mm} UTC"
                : now > notAfter ? $"expired on {notAfter:yyyy-MM-dd HH:mm} UTC" : "";
            if (problem.Length > 0)
            {
                string message = $"{source}: the certificate '{subject}' {problem}";
                if (fatal) throw new ClaimImageException(message);
                warnings.Add(message);
                return;
            }

            if (notAfter - now < ExpiryWarning)
            {
                warnings.Add($"{source}: the certificate '{subject}' expires on {notAfter:yyyy-MM-dd} UTC, in {(int)(notAfter - now).TotalDays} days");
            }
        }
    }
}
