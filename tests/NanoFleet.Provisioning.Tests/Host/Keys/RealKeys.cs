using System;
using System.Collections.Generic;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace NanoFleet.Provisioning.Tests.Keys
{
    /// <summary>
    /// Real key pairs, generated once per test run with System.Security.Cryptography and never
    /// written anywhere: RSA-2048 (what CreateKeysAndCertificate returns), EC P-256/384/521 (what
    /// AWS signs from a CSR, and what the emulator and the host CSR source make). Each has a
    /// certificate issued by a throwaway CA, as the service issues them, and a CSR.
    /// </summary>
    public sealed class RealKeys
    {
        private static readonly Lazy<RealKeys> Shared = new(() => new RealKeys());

        /// <summary>The keys of this run.</summary>
        public static RealKeys Instance => Shared.Value;

        private RealKeys()
        {
            using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var caRequest = new CertificateRequest("CN=NanoFleet test CA", caKey, HashAlgorithmName.SHA256);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using X509Certificate2 caCertificate = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            var ca = new Issuer(caCertificate.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey));

            for (int i = 0; i < 3; i++) Pairs.Add(Rsa(ca, i));
            foreach (ECCurve curve in new[] { ECCurve.NamedCurves.nistP256, ECCurve.NamedCurves.nistP256, ECCurve.NamedCurves.nistP384, ECCurve.NamedCurves.nistP384, ECCurve.NamedCurves.nistP521 })
            {
                Pairs.Add(Ec(ca, curve, Pairs.Count));
            }
        }

        /// <summary>One key pair in every form the device may receive it.</summary>
        public sealed class Pair
        {
            public required string Name { get; init; }
            public required byte[] CertificatePem { get; init; }
            public required byte[] CsrPem { get; init; }

            /// <summary>The private key in each PEM format of its algorithm ("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY").</summary>
            public required byte[][] PrivateKeyPems { get; init; }

            /// <summary>EC only: an ECPrivateKey without its optional public key, which the device cannot check.</summary>
            public byte[]? EcKeyWithoutPoint { get; init; }

            public override string ToString() => Name;
        }

        /// <summary>Every pair; no two share a key.</summary>
        public List<Pair> Pairs { get; } = new();

        private static Pair Rsa(Issuer ca, int n)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=AWS IoT Certificate", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return new Pair
            {
                Name = "RSA-2048 #" + n,
                CertificatePem = Issue(request, ca, n),
                CsrPem = Utf8(request.CreateSigningRequestPem()),
                PrivateKeyPems = new[] { Utf8(key.ExportRSAPrivateKeyPem()), Utf8(key.ExportPkcs8PrivateKeyPem()) },
            };
        }

        private static Pair Ec(Issuer ca, ECCurve curve, int n)
        {
            using var key = ECDsa.Create(curve);
            var request = new CertificateRequest("CN=nanofleet-a4cf12003456", key, HashAlgorithmName.SHA256);
            return new Pair
            {
                Name = curve.Oid.FriendlyName + " #" + n,
                CertificatePem = Issue(request, ca, n),
                CsrPem = Utf8(request.CreateSigningRequestPem()),
                PrivateKeyPems = new[] { Utf8(key.ExportECPrivateKeyPem()), Utf8(key.ExportPkcs8PrivateKeyPem()) },
                EcKeyWithoutPoint = Utf8(PemEncoding.WriteString("EC PRIVATE KEY", WithoutPoint(key))),
            };
        }

        /// <summary>The CA's name and signer (an EC CA signs RSA and EC keys alike, as the emulator's does).</summary>
        private sealed record Issuer(X500DistinguishedName Name, X509SignatureGenerator Signer);

        private static byte[] Issue(CertificateRequest request, Issuer ca, int serial)
        {
            using X509Certificate2 certificate = request.Create(ca.Name, ca.Signer, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), new byte[] { 0x10, (byte)serial });
            return Utf8(certificate.ExportCertificatePem() + "\n");
        }

        /// <summary>ECPrivateKey (RFC 5915) with version, privateKey and the curve, and no [1] publicKey.</summary>
        private static byte[] WithoutPoint(ECDsa key)
        {
            ECParameters parameters = key.ExportParameters(true);
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                writer.WriteOctetString(parameters.D);
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
                {
                    writer.WriteObjectIdentifier(parameters.Curve.Oid.Value!);
                }
            }

            return writer.Encode();
        }

        private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
    }
}
