using System;
using System.Collections.Generic;
using System.Formats.Cbor;
using System.IO;
using System.Text;
using System.Text.Json;
using NanoFleet.Tests.Shared;

namespace NanoFleet.Provisioning.Tests.Exploration
{
    /// <summary>
    /// The provisioning service's side of the exploration: mints certificates, keys and one-hour
    /// tokens, checks tokens on RegisterThing, and encodes answers in JSON (System.Text.Json) or
    /// CBOR (System.Formats.Cbor), independently of the core's own codecs. Every secret it mints
    /// contains "SECRET" (a key PEM in the text before its BEGIN line), so a leak is a substring
    /// search. Keys and certificates are <see cref="TestKeys"/> structures whose public keys match,
    /// as the device checks.
    /// </summary>
    public sealed class SimulatedCloud
    {
        private readonly FpFormat _format;
        private readonly Dictionary<string, Minted> _byCertificateId = new();
        private readonly Dictionary<string, Minted> _byToken = new();
        private int _serial;

        public SimulatedCloud(FpFormat format)
        {
            _format = format;
        }

        /// <summary>What was issued for one certificate.</summary>
        public sealed class Minted
        {
            public required string CertificateId { get; init; }
            public required string CertificatePem { get; init; }
            public required string PrivateKeyPem { get; init; }
            public required string Token { get; init; }
            public required long MintedAt { get; init; }
            public string? ThingName { get; set; }
        }

        /// <summary>Every certificate issued so far.</summary>
        public IReadOnlyDictionary<string, Minted> Certificates => _byCertificateId;

        /// <summary>Makes a CSR whose key the cloud can later match ("CSR-n" before the PEM names key n).</summary>
        public (byte[] Csr, byte[] Key) NewCsr()
        {
            int n = ++_serial;
            return (Encoding.UTF8.GetBytes($"CSR-{n}\n" + TestDer.Pem("CERTIFICATE REQUEST", TestKeys.Csr(CsrKey(n)))), Encoding.UTF8.GetBytes($"CSR-KEY-SECRET-{n}"));
        }

        private static byte[] CsrKey(int n) => TestKeys.EcSpki(n, TestKeys.P256);

        /// <summary>Issues a certificate: with a new key, or for the key of the CSR in the request.</summary>
        public byte[] CreateAccepted(byte[] request, bool fromCsr, long now)
        {
            int n = ++_serial;
            string key = $"KEY-SECRET-{n}\n" + TestDer.Pem("RSA PRIVATE KEY", TestKeys.RsaPrivateKey(n));
            byte[] publicKey = TestKeys.RsaSpki(n);
            if (fromCsr)
            {
                string csr = Decode(request)["certificateSigningRequest"] as string ?? throw new InvalidDataException("no CSR in request");
                int at = csr.IndexOf("CSR-", StringComparison.Ordinal) + 4;
                string csrNumber = csr.Substring(at, csr.IndexOf('\n', at) - at);
                key = "CSR-KEY-SECRET-" + csrNumber;
                publicKey = CsrKey(int.Parse(csrNumber, System.Globalization.CultureInfo.InvariantCulture));
            }

            var minted = new Minted
            {
                CertificateId = Convert.ToHexString(BitConverter.GetBytes((long)n * 7919)).ToLowerInvariant().PadLeft(64, 'c'),
                CertificatePem = TestDer.Pem("CERTIFICATE", TestKeys.Certificate(publicKey, n)),
                PrivateKeyPem = key,
                Token = $"TOKEN-SECRET-{n}-" + new string('t', 300),
                MintedAt = now,
            };
            _byCertificateId[minted.CertificateId] = minted;
            _byToken[minted.Token] = minted;
            var fields = new List<(string, object)>
            {
                ("certificateId", minted.CertificateId), ("certificatePem", minted.CertificatePem), ("certificateOwnershipToken", minted.Token),
            };
            if (!fromCsr) fields.Add(("privateKey", minted.PrivateKeyPem));
            return PlatformPayloads.Encode(_format, fields);
        }

        /// <summary>Registers the thing for the token in the request, as AWS does: unknown or expired tokens are rejected.</summary>
        public (bool Accepted, byte[] Payload, Minted? For) Register(byte[] request, long now, string macParameter, out Dictionary<string, object?> parsed)
        {
            parsed = Decode(request);
            string token = parsed["certificateOwnershipToken"] as string ?? "";
            if (!_byToken.TryGetValue(token, out Minted? minted) || now - minted.MintedAt >= ProvisioningOptions.OwnershipTokenLifetimeMilliseconds)
            {
                return (false, Rejected(400, "InvalidCertificateOwnershipToken", "Certificate ownership token is invalid or expired."), null);
            }

            var parameters = parsed["parameters"] as Dictionary<string, object?> ?? throw new InvalidDataException("no parameters");
            minted.ThingName = "thing-" + parameters[macParameter];
            return (true, RegisterAccepted(minted.ThingName), minted);
        }

        /// <summary>A RegisterThing accepted body with one configuration entry.</summary>
        public byte[] RegisterAccepted(string thingName) =>
            PlatformPayloads.Encode(_format, new List<(string, object)> { ("deviceConfiguration", new Dictionary<string, string> { ["Fleet"] = "blue" }), ("thingName", thingName) });

        /// <summary>A /rejected body.</summary>
        public byte[] Rejected(int status, string code, string message) =>
            PlatformPayloads.Encode(_format, new List<(string, object)> { ("statusCode", status), ("errorCode", code), ("errorMessage", message) });

        /// <summary>Reads a request (flat text map with an optional nested text map) in the cloud's format.</summary>
        public Dictionary<string, object?> Decode(byte[] request)
        {
            var result = new Dictionary<string, object?>();
            if (_format == FpFormat.Json)
            {
                if (request.Length == 0) return result;
                using var doc = JsonDocument.Parse(request);
                foreach (var property in doc.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Object)
                    {
                        var nested = new Dictionary<string, object?>();
                        foreach (var inner in property.Value.EnumerateObject()) nested[inner.Name] = inner.Value.GetString();
                        result[property.Name] = nested;
                    }
                    else
                    {
                        result[property.Name] = property.Value.GetString();
                    }
                }

                return result;
            }

            if (request.Length == 0) return result;
            var reader = new CborReader(request, CborConformanceMode.Strict);
            int? count = reader.ReadStartMap();
            while (reader.PeekState() != CborReaderState.EndMap)
            {
                string key = reader.ReadTextString();
                if (reader.PeekState() == CborReaderState.StartMap)
                {
                    var nested = new Dictionary<string, object?>();
                    reader.ReadStartMap();
                    while (reader.PeekState() != CborReaderState.EndMap) nested[reader.ReadTextString()] = reader.ReadTextString();
                    reader.ReadEndMap();
                    result[key] = nested;
                }
                else
                {
                    result[key] = reader.ReadTextString();
                }
            }

            reader.ReadEndMap();
            if (reader.BytesRemaining != 0) throw new InvalidDataException("trailing bytes after the request");
            _ = count;
            return result;
        }

        /// <summary>UTF-8 of a string (for malformed payloads).</summary>
        public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
    }
}
