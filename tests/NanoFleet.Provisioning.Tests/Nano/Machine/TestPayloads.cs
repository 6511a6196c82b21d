namespace NanoFleet.Provisioning.Tests
{
    /// <summary>
    /// Response payloads as the service sends them (JSON), built by hand so the tests do not depend on
    /// the writers they might share a bug with. ASCII only, so bytes are chars (no Encoding on nano).
    /// </summary>
    public static class TestPayloads
    {
        /// <summary>A 64-hex certificate id that varies with <paramref name="n"/>.</summary>
        public static string CertificateId(int n)
        {
            string digits = "0123456789abcdef";
            char[] id = new char[64];
            for (int i = 0; i < 64; i++)
            {
                id[i] = digits[(i + n) % 16];
            }

            return new string(id);
        }

        /// <summary>A recognisable fake PEM (the machine never parses PEM).</summary>
        public static string Pem(string label, int n) => "-----BEGIN " + label + "-----\nMIIB" + n + "QUJD\n-----END " + label + "-----\n";

        /// <summary>A recognisable ownership token.</summary>
        public static string Token(int n) => "eyJ0b2tlbi" + n + "SECRET-TOKEN";

        /// <summary>The seed of the key in <see cref="Csr"/> (see <see cref="TestKeys"/>: a structure, not a key).</summary>
        public const int CsrKeySeed = 77;

        /// <summary>The CSR every CSR-path test sends, for an EC P-256 "key".</summary>
        public static string Csr => TestDer.Pem("CERTIFICATE REQUEST", TestKeys.Csr(TestKeys.EcSpki(CsrKeySeed, TestKeys.P256)));

        /// <summary>Certificate <paramref name="n"/>: for the key of <see cref="RsaPrivateKey"/>(n), or for the CSR's key.</summary>
        public static string Certificate(int n, bool forCsr) => TestDer.Pem("CERTIFICATE",
            TestKeys.Certificate(forCsr ? TestKeys.EcSpki(CsrKeySeed, TestKeys.P256) : TestKeys.RsaSpki(n), n));

        /// <summary>The "RSA PRIVATE KEY" that comes with certificate <paramref name="n"/>.</summary>
        public static string RsaPrivateKey(int n) => TestDer.Pem("RSA PRIVATE KEY", TestKeys.RsaPrivateKey(n));

        /// <summary>CreateKeysAndCertificate accepted (with privateKey) or CreateCertificateFromCsr accepted (without), key and certificate matching.</summary>
        public static byte[] CreateAccepted(int n, bool withPrivateKey) =>
            CreateAccepted(n, Certificate(n, !withPrivateKey), withPrivateKey ? RsaPrivateKey(n) : null);

        /// <summary>A create accepted response with the given certificate and key (null: none, the CSR flow).</summary>
        public static byte[] CreateAccepted(int n, string certificatePem, string? privateKeyPem)
        {
            string json = "{\"certificateId\":\"" + CertificateId(n) + "\",\"certificatePem\":\"" + Escape(certificatePem) + "\"";
            if (privateKeyPem != null)
            {
                json += ",\"privateKey\":\"" + Escape(privateKeyPem) + "\"";
            }

            return Ascii(json + ",\"certificateOwnershipToken\":\"" + Token(n) + "\"}");
        }

        /// <summary>RegisterThing accepted with one configuration entry.</summary>
        public static byte[] RegisterAccepted(string thingName) =>
            Ascii("{\"deviceConfiguration\":{\"Fleet\":\"blue\"},\"thingName\":\"" + thingName + "\"}");

        /// <summary>A /rejected body.</summary>
        public static byte[] Rejected(int statusCode, string errorCode, string message) =>
            Ascii("{\"statusCode\":" + statusCode + ",\"errorCode\":\"" + errorCode + "\",\"errorMessage\":\"" + message + "\"}");

        /// <summary>Bytes of an ASCII string.</summary>
        public static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        /// <summary>The ASCII bytes as a string.</summary>
        public static string Text(byte[] bytes, int count)
        {
            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                chars[i] = (char)bytes[i];
            }

            return new string(chars);
        }

        /// <summary>The PEM as a JSON string's content (only '\n' needs escaping).</summary>
        public static string Escape(string pem)
        {
            string escaped = "";
            for (int i = 0; i < pem.Length; i++)
            {
                escaped += pem[i] == '\n' ? "\\n" : pem[i].ToString();
            }

            return escaped;
        }
    }
}
