using NanoFleet.Provisioning.Text;
using NanoFleet.Hal;

namespace NanoFleet.Provisioning.Storage
{
    /// <summary>
    /// Reads the factory claim from the esp_secure_cert partition: CA (type 0), claim certificate
    /// (type 1), claim private key (type 2, plaintext: ESP32 has no DS or HMAC peripheral), and the
    /// NanoFleet config (USER_DATA_1, type 51, see <see cref="ClaimConfigCodec"/>). Subtype 0 of each,
    /// first match wins, as esp_secure_cert_mgr looks records up. PEM records end in a NUL, which is
    /// dropped. Only reads: the partition is never written by the device.
    /// </summary>
    public static class ClaimPartition
    {
        /// <summary>The USER_DATA record that carries the NanoFleet config.</summary>
        public const byte ConfigType = SecureCertTlv.TypeUserData1;

        private const string PemHeader = "-----BEGIN ";

        /// <summary>Reads and checks the claim.</summary>
        /// <param name="region">The esp_secure_cert partition.</param>
        /// <param name="claim">Filled on Success.</param>
        /// <param name="error">Why it failed, naming the record and offset (never key bytes); empty on Success.</param>
        /// <returns>
        /// Success (also with neither claim certificate nor key: <see cref="ProvisioningClaim.HasClaimCertificate"/> is then false);
        /// NoMatch when the partition holds no records at all (never written: the device
        /// was not through the factory station); BadParameter when records are missing, corrupt or
        /// unusable; Error when the flash cannot be read.
        /// </returns>
        /// <example><code>FpStatus s = ClaimPartition.Read(flash.Open("esp_secure_cert"), claim, out string why);</code></example>
        public static FpStatus Read(IFlashRegion region, ProvisioningClaim claim, out string error)
        {
            error = "";
            if (region == null || claim == null)
            {
                error = "no esp_secure_cert partition (or no claim object) was given";
                return FpStatus.BadParameter;
            }

            var image = new byte[region.Size];
            var read = region.Read(0, image, 0, image.Length);
            if (read != HalStatus.Success)
            {
                error = "reading partition '" + region.Label + "' failed (HAL status " + (int)read + ")";
                return FpStatus.Error;
            }

            return Parse(image, 0, image.Length, claim, out error);
        }

        /// <summary>Parses a claim image already in memory (same rules and results as <see cref="Read"/>).</summary>
        public static FpStatus Parse(byte[] image, int offset, int count, ProvisioningClaim claim, out string error)
        {
            var reader = new SecureCertTlvReader(image, offset, count);
            var record = new SecureCertTlvRecord();
            int ca = -1, cert = -1, key = -1, config = -1;
            int caLen = 0, certLen = 0, keyLen = 0, configLen = 0;
            int records = 0;
            TlvStatus status;
            while ((status = reader.Next(record, out error)) == TlvStatus.Success)
            {
                records++;
                if (record.Subtype != 0) continue;
                if (record.Type == SecureCertTlv.TypeCaCert && ca < 0) { ca = record.DataOffset; caLen = record.Length; }
                else if (record.Type == SecureCertTlv.TypeDeviceCert && cert < 0) { cert = record.DataOffset; certLen = record.Length; }
                else if (record.Type == SecureCertTlv.TypePrivateKey && key < 0)
                {
                    if (record.Flags != 0)
                    {
                        error = "the claim key record at offset " + record.Offset + " has flags 0x" + record.Flags.ToString("X2") +
                            " (HMAC-encrypted, HMAC-derived or eFuse key); the ESP32 supports only a plaintext key (flags 0)";
                        return FpStatus.BadParameter;
                    }

                    key = record.DataOffset;
                    keyLen = record.Length;
                }
                else if (record.Type == ConfigType && config < 0) { config = record.DataOffset; configLen = record.Length; }
            }

            if (status != TlvStatus.End) return FpStatus.BadParameter; // Truncated or BadCrc: error already says which record
            if (records == 0)
            {
                error = reader.EndWord == 0xFFFFFFFF
                    ? "the esp_secure_cert partition is erased: no claim was written"
                    : "the esp_secure_cert partition does not start with a TLV record: found " + LittleEndian.Hex(reader.EndWord) + ", expected magic 0xBA5EBA11";
                return reader.EndWord == 0xFFFFFFFF ? FpStatus.NoMatch : FpStatus.BadParameter;
            }

            // Neither certificate nor key: a trusted-user device, whose installer hands it a temporary claim.
            bool awaitsClaim = cert < 0 && key < 0;
            if (!Require(ca, "CA certificate (type 0)", out error) || !Require(config, "NanoFleet config (USER_DATA_1, type 51)", out error) ||
                (!awaitsClaim && (!Require(cert, "claim certificate (type 1)", out error) || !Require(key, "claim private key (type 2)", out error))))
            {
                return FpStatus.BadParameter;
            }

            byte[]? caPem, certPem = new byte[0], keyPem = new byte[0];
            if (!TryPem(image, ca, caLen, "CA certificate", out caPem, out error) ||
                (!awaitsClaim && (!TryPem(image, cert, certLen, "claim certificate", out certPem, out error) ||
                !TryPem(image, key, keyLen, "claim private key", out keyPem, out error))))
            {
                return FpStatus.BadParameter;
            }

            var status2 = ClaimConfigCodec.Decode(image, config, configLen, claim, out error);
            if (status2 != FpStatus.Success) return status2;
            claim.CaPem = caPem!;
            claim.CertificatePem = certPem!;
            claim.PrivateKeyPem = keyPem!;
            return FpStatus.Success;
        }

        private static bool Require(int dataOffset, string what, out string error)
        {
            error = dataOffset < 0 ? "the claim partition has no " + what + " record" : "";
            return dataOffset >= 0;
        }

        private static bool TryPem(byte[] image, int at, int length, string what, out byte[]? pem, out string error)
        {
            error = "";
            pem = null;
            int n = length;
            while (n > 0 && image[at + n - 1] == 0) n--; // PEM records carry a trailing NUL for mbedTLS
            if (Utf8.CountChars(image, at, n, out _) < 0 || !HasPemHeader(image, at, n))
            {
                error = "the " + what + " record is not PEM text";
                return false;
            }

            pem = new byte[n];
            System.Array.Copy(image, at, pem, 0, n);
            return true;
        }

        /// <summary>True when "-----BEGIN " occurs in the text (tools may put attributes before it).</summary>
        private static bool HasPemHeader(byte[] data, int at, int count)
        {
            for (int last = at + count - PemHeader.Length; at <= last; at++)
            {
                if (data[at] == '-' && Utf8.EqualsText(data, at, PemHeader.Length, PemHeader))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
