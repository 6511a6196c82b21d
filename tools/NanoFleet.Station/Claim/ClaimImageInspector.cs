using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Station.Claim
{
    /// <summary>
    /// Describes an esp_secure_cert image for <c>nanofleet image show</c>: each record with its CRC
    /// status; certificates by SHA-256 fingerprint, subject and expiry; the key only by its kind and
    /// size; the NanoFleet config entries; and whether an integrity record matches.
    /// </summary>
    public static class ClaimImageInspector
    {
        /// <summary>Inspects <paramref name="image"/>.</summary>
        public static ClaimImageReport Inspect(byte[] image)
        {
            var records = new List<ClaimRecordInfo>();
            var reader = new SecureCertTlvReader(image, 0, image.Length);
            var record = new SecureCertTlvRecord();
            bool valid = true;
            string end;
            while (true)
            {
                var status = reader.Next(record, out string error);
                if (status == TlvStatus.Success || status == TlvStatus.BadCrc)
                {
                    valid &= record.CrcValid;
                    var details = Describe(image, record, ref valid);
                    if (!record.CrcValid) details.Insert(0, $"CRC BAD: stored 0x{record.StoredCrc:X8}, computed 0x{record.ComputedCrc:X8}");
                    records.Add(new ClaimRecordInfo(record.Offset, record.Type, record.Subtype, record.Flags, record.Length, record.CrcValid, details));
                    continue;
                }

                if (status == TlvStatus.Truncated)
                {
                    valid = false;
                    end = "TRUNCATED: " + error;
                }
                else
                {
                    end = reader.EndWord switch
                    {
                        0x0000FFFF => $"end marker at offset 0x{reader.Position:X}",
                        0xFFFFFFFF => $"erased flash at offset 0x{reader.Position:X}",
                        _ => $"no magic at offset 0x{reader.Position:X} (found 0x{reader.EndWord:X8})",
                    };
                }

                break;
            }

            var claimStatus = ClaimPartition.Parse(image, 0, image.Length, new ProvisioningClaim(), out string claimError);
            return new ClaimImageReport(records, end, valid && records.Count > 0, claimStatus == FpStatus.Success ? "ok" : claimError);
        }

        private static List<string> Describe(byte[] image, SecureCertTlvRecord r, ref bool valid)
        {
            var data = image.AsSpan(r.DataOffset, r.Length);
            var lines = new List<string>();
            switch (r.Type)
            {
                case SecureCertTlv.TypeCaCert:
                case SecureCertTlv.TypeDeviceCert:
                    lines.AddRange(DescribeCertificates(data));
                    break;
                case SecureCertTlv.TypePrivateKey:
                    lines.Add($"{KeyKind(data)}, {r.Length} bytes (not shown)");
                    if (r.Flags != 0) lines.Add($"flags 0x{r.Flags:X2}: not a plaintext key (HMAC/eFuse scheme)");
                    break;
                case SecureCertTlv.TypeIntegrity:
                    byte[] expected = SHA256.HashData(image.AsSpan(0, r.Offset));
                    bool ok = data.SequenceEqual(expected);
                    valid &= ok;
                    lines.Add(ok ? "SHA-256 of the preceding bytes: matches" : $"SHA-256 MISMATCH: computed {Convert.ToHexStringLower(expected)}");
                    break;
                case ClaimPartition.ConfigType:
                    try
                    {
                        foreach (string line in new UTF8Encoding(false, true).GetString(data).Split('\n', StringSplitOptions.RemoveEmptyEntries)) lines.Add(line);
                    }
                    catch (DecoderFallbackException)
                    {
                        lines.Add($"{r.Length} bytes, not UTF-8 text");
                    }

                    break;
                default:
                    lines.Add($"{r.Length} bytes");
                    break;
            }

            return lines;
        }

        /// <summary>The PEM label of a key ("RSA PRIVATE KEY"), read only from a well-formed first line so a damaged record cannot leak key text.</summary>
        private static string KeyKind(ReadOnlySpan<byte> data)
        {
            int newline = data.IndexOf((byte)'\n');
            string first = Encoding.ASCII.GetString(newline < 0 ? data[..Math.Min(data.Length, 64)] : data[..Math.Min(newline, 64)]).TrimEnd('\r');
            var match = System.Text.RegularExpressions.Regex.Match(first, "^-----BEGIN ([A-Z ]{1,40})-----$");
            return match.Success ? match.Groups[1].Value : "key of unrecognized format";
        }

        private static IEnumerable<string> DescribeCertificates(ReadOnlySpan<byte> data)
        {
            var lines = new List<string>();
            string text = Encoding.ASCII.GetString(data).TrimEnd('\0');
            var collection = new X509Certificate2Collection();
            try
            {
                if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)) collection.ImportFromPem(text);
                else collection.Add(X509CertificateLoader.LoadCertificate(data));
            }
            catch (CryptographicException ex)
            {
                lines.Add("certificate does not parse: " + ex.Message);
                return lines;
            }

            foreach (var c in collection)
            {
                lines.Add($"sha256 {Convert.ToHexStringLower(SHA256.HashData(c.RawData))}  {c.Subject}  (valid {c.NotBefore.ToUniversalTime():yyyy-MM-dd} to {c.NotAfter.ToUniversalTime():yyyy-MM-dd})");
            }

            return lines;
        }
    }
}
