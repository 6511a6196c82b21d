namespace NanoFleet.Provisioning.Storage
{
    /// <summary>
    /// Constants of Espressif's esp_secure_cert TLV format (esp_secure_cert_mgr:
    /// private_include/esp_secure_cert_tlv_private.h, include/esp_secure_cert_tlv_config.h). A record is
    /// a 12-byte header (magic 0xBA5EBA11 LE, flags, 3 reserved zero bytes, type, subtype, u16 LE
    /// length), the data, zero padding to a multiple of 16, and a u32 LE <see cref="EspCrc32"/> of
    /// header + data + padding. Records follow each other from offset 0; a word that is not the magic
    /// ends the list.
    /// </summary>
    public static class SecureCertTlv
    {
        /// <summary>The record magic, 0xBA5EBA11 (bytes 11 BA 5E BA).</summary>
        public const uint Magic = 0xBA5EBA11;

        /// <summary>Header size in bytes.</summary>
        public const int HeaderSize = 12;

        /// <summary>Footer (CRC) size in bytes.</summary>
        public const int FooterSize = 4;

        /// <summary>Data is padded to this alignment (the minimum write unit of an encrypted partition).</summary>
        public const int Alignment = 16;

        /// <summary>Largest data length the u16 length field allows.</summary>
        public const int MaxDataLength = 0xFFFF;

        /// <summary>The esp_secure_cert partition size (0x2000).</summary>
        public const int PartitionSize = 0x2000;

        /// <summary>Partition type of esp_secure_cert.</summary>
        public const byte PartitionType = 0x3F;

        /// <summary>Type: CA certificate (PEM with a trailing NUL, or DER).</summary>
        public const byte TypeCaCert = 0;

        /// <summary>Type: device (here: claim) certificate.</summary>
        public const byte TypeDeviceCert = 1;

        /// <summary>Type: private key.</summary>
        public const byte TypePrivateKey = 2;

        /// <summary>Type: DS peripheral data.</summary>
        public const byte TypeDsData = 3;

        /// <summary>Type: DS peripheral context.</summary>
        public const byte TypeDsContext = 4;

        /// <summary>Type: salt for an HMAC-derived ECDSA key.</summary>
        public const byte TypeHmacEcdsaKeySalt = 5;

        /// <summary>Type: security configuration.</summary>
        public const byte TypeSecurityConfig = 6;

        /// <summary>Type: TEE secure-storage key.</summary>
        public const byte TypeTeeSecureStorageKey = 7;

        /// <summary>Type: signature block.</summary>
        public const byte TypeSignatureBlock = 8;

        /// <summary>Type: integrity record, the SHA-256 of every byte before it.</summary>
        public const byte TypeIntegrity = 9;

        /// <summary>Type: first user-data record (51..55 are USER_DATA_1..5).</summary>
        public const byte TypeUserData1 = 51;

        /// <summary>Type: last user-data record.</summary>
        public const byte TypeUserData5 = 55;

        /// <summary>Flag bits 7:6 = 10: data encrypted with the HMAC-based AES-GCM scheme (not on ESP32).</summary>
        public const byte FlagHmacEncrypted = 0x80;

        /// <summary>Flag bits 7:6 = 01: the ECDSA key is derived from an eFuse HMAC key (not on ESP32).</summary>
        public const byte FlagHmacDerivedEcdsaKey = 0x40;

        /// <summary>Flag bits 5:3 = 001: the ECDSA key lives in the eFuse ECDSA peripheral (not on ESP32).</summary>
        public const byte FlagEcdsaPeripheralKey = 0x08;

        /// <summary>Bytes of zero padding after <paramref name="dataLength"/> bytes of data.</summary>
        public static int PaddingFor(int dataLength) => (Alignment - (dataLength % Alignment)) % Alignment;

        /// <summary>Total bytes a record with <paramref name="dataLength"/> bytes of data occupies.</summary>
        public static int RecordSize(int dataLength) => HeaderSize + dataLength + PaddingFor(dataLength) + FooterSize;

        /// <summary>A readable name for a record type, e.g. "CA_CERT" or "USER_DATA_1"; "TYPE_60" when unknown.</summary>
        public static string TypeName(byte type)
        {
            switch (type)
            {
                case TypeCaCert: return "CA_CERT";
                case TypeDeviceCert: return "DEV_CERT";
                case TypePrivateKey: return "PRIV_KEY";
                case TypeDsData: return "DS_DATA";
                case TypeDsContext: return "DS_CONTEXT";
                case TypeHmacEcdsaKeySalt: return "HMAC_ECDSA_KEY_SALT";
                case TypeSecurityConfig: return "SEC_CFG";
                case TypeTeeSecureStorageKey: return "TEE_SEC_STORAGE_KEY";
                case TypeSignatureBlock: return "SIGNATURE_BLOCK";
                case TypeIntegrity: return "INTEGRITY";
                case 201: return "MATTER_1";
                case 202: return "MATTER_2";
            }

            if (type >= TypeUserData1 && type <= TypeUserData5) return "USER_DATA_" + (type - TypeUserData1 + 1);
            return "TYPE_" + type;
        }
    }
}
