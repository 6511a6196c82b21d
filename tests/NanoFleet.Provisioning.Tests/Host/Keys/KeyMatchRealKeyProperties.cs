using System.Collections.Generic;
using CsCheck;
using NanoFleet.Provisioning.Keys;
using Xunit;

namespace NanoFleet.Provisioning.Tests.Keys
{
    /// <summary>
    /// The device's key check over real keys and certificates (<see cref="RealKeys"/>): a certificate
    /// matches exactly its own key, in every private-key format and as a CSR, and no damaged input
    /// makes the check throw or pass.
    /// </summary>
    public class KeyMatchRealKeyProperties
    {
        private const int Iterations = 300;
        private static List<RealKeys.Pair> Pairs => RealKeys.Instance.Pairs;
        private static readonly Gen<int> AnyPair = Gen.Int[0, 7];

        [Fact]
        public void EveryKeyFormat_MatchesItsOwnCertificateOnly()
        {
            Assert.Equal(8, Pairs.Count);
            Gen.Select(AnyPair, AnyPair, Gen.Int[0, 1]).Sample((certificate, key, format) =>
            {
                KeyMatchStatus status = KeyMatch.CertificateMatchesPrivateKey(Pairs[certificate].CertificatePem, Pairs[key].PrivateKeyPems[format], out string reason);
                Assert.True((certificate == key ? KeyMatchStatus.Success : KeyMatchStatus.Mismatch) == status,
                    $"{Pairs[certificate]} against key {Pairs[key]} format {format}: {status} {reason}");
            }, iter: Iterations, threads: 1);
        }

        [Fact]
        public void EveryCsr_MatchesItsOwnCertificateOnly()
        {
            Gen.Select(AnyPair, AnyPair).Sample((certificate, csr) =>
            {
                KeyMatchStatus status = KeyMatch.CertificateMatchesCsr(Pairs[certificate].CertificatePem, Pairs[csr].CsrPem, out string reason);
                Assert.True((certificate == csr ? KeyMatchStatus.Success : KeyMatchStatus.Mismatch) == status,
                    $"{Pairs[certificate]} against CSR {Pairs[csr]}: {status} {reason}");
            }, iter: Iterations, threads: 1);
        }

        [Fact]
        public void EcKeyWithoutItsPublicPoint_IsUnsupported()
        {
            foreach (RealKeys.Pair pair in Pairs)
            {
                if (pair.EcKeyWithoutPoint == null) continue;
                Assert.Equal(KeyMatchStatus.Unsupported, KeyMatch.CertificateMatchesPrivateKey(pair.CertificatePem, pair.EcKeyWithoutPoint, out _));
            }
        }

        [Fact]
        public void DamagedCertificateDer_NeverThrowsAndNeverMatchesAnotherKey()
        {
            Gen.Select(AnyPair, AnyPair, Gen.Int[0, 1], Gen.Int[0, 4000], Gen.Byte[1, 255], Gen.Bool).Sample((certificate, key, format, at, flip, truncate) =>
            {
                byte[] der = Der(Pairs[certificate].CertificatePem, "CERTIFICATE");
                int position = at % der.Length;
                if (truncate)
                {
                    der = der[..position];
                }
                else
                {
                    der[position] ^= flip;
                }

                byte[] pem = System.Text.Encoding.ASCII.GetBytes(System.Security.Cryptography.PemEncoding.WriteString("CERTIFICATE", der));
                KeyMatchStatus status = KeyMatch.CertificateMatchesPrivateKey(pem, Pairs[key].PrivateKeyPems[format], out string reason);
                Assert.NotEqual(KeyMatchStatus.Error, status);
                Assert.NotEqual(KeyMatchStatus.BadParameter, status);
                if (certificate != key)
                {
                    Assert.NotEqual(KeyMatchStatus.Success, status);
                }
            }, iter: Iterations, threads: 1);
        }

        private static byte[] Der(byte[] pem, string label)
        {
            string text = System.Text.Encoding.ASCII.GetString(pem);
            System.Security.Cryptography.PemFields fields = System.Security.Cryptography.PemEncoding.Find(text);
            Assert.Equal(label, text[fields.Label]);
            return System.Convert.FromBase64String(text[fields.Base64Data]);
        }
    }
}
