namespace NanoFleet.Provisioning.Tests
{
    /// <summary>
    /// Response payloads shaped like AWS's, built at test time. The PEM blocks are synthetic
    /// (PEM armour around filler base64), not real keys or certificates.
    /// </summary>
    public static class PayloadFixtures
    {
        public const string CertificateId = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        public const string Token = "eyJ2ZXJzaW9uIjoiMjAxOTEwMjMiLCJjb3B5IjoiVEVTVC1UT0tFTiJ9";

        /// <summary>A PEM-armoured block of <paramref name="lines"/> 64-character lines.</summary>
        public static string Pem(string label, int lines)
        {
            string body = "";
            string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            for (int i = 0; i < lines; i++)
            {
                body += alphabet.Substring(i % 8) + alphabet.Substring(0, i % 8) + "\n";
            }

            return "-----BEGIN " + label + "-----\n" + body + "-----END " + label + "-----\n";
        }

        public static string CertificatePem => Pem("CERTIFICATE", 20);

        public static string PrivateKeyPem => Pem("RSA PRIVATE KEY", 25);

        /// <summary>JSON-escapes a PEM (only '\n' needs it).</summary>
        public static string JsonEscapePem(string pem)
        {
            string escaped = "";
            int from = 0;
            for (int i = 0; i < pem.Length; i++)
            {
                if (pem[i] == '\n')
                {
                    escaped += pem.Substring(from, i - from) + "\\n";
                    from = i + 1;
                }
            }

            return escaped + pem.Substring(from);
        }

        /// <summary>A CreateKeysAndCertificate accepted response in JSON, with an unknown member thrown in.</summary>
        public static byte[] CreateKeysAcceptedJson() => TestBytes.Utf8Of(
            "{\"certificateId\":\"" + CertificateId + "\",\r\n \"certificatePem\":\"" + JsonEscapePem(CertificatePem)
            + "\", \"unknown\": {\"nested\": [1, 2.5e3, true, null, {\"x\": \"y\"}]}, \"privateKey\":\"" + JsonEscapePem(PrivateKeyPem)
            + "\",\"certificateOwnershipToken\":\"" + Token + "\"}");

        /// <summary>The same response in CBOR, with an unknown member thrown in.</summary>
        public static byte[] CreateKeysAcceptedCbor() => TestBytes.Concat(
            TestBytes.CborMap(5),
            TestBytes.CborText("certificateId"), TestBytes.CborText(CertificateId),
            TestBytes.CborText("certificatePem"), TestBytes.CborText(CertificatePem),
            TestBytes.CborText("unknown"), TestBytes.Hex("a1 61 78 83 01 f5 c1 1a 5f 00 00 00"),
            TestBytes.CborText("privateKey"), TestBytes.CborText(PrivateKeyPem),
            TestBytes.CborText("certificateOwnershipToken"), TestBytes.CborText(Token));

        public static byte[] RegisterAcceptedJson() => TestBytes.Utf8Of(
            "{\"deviceConfiguration\":{\"FallbackUrl\":\"https://www.example.com/test-site\",\"LocationUrl\":\"https://example.aws\"},\"thingName\":\"ThingPrefix_1\"}");

        public static byte[] RegisterAcceptedCbor() => TestBytes.Concat(
            TestBytes.CborMap(2),
            TestBytes.CborText("deviceConfiguration"), TestBytes.CborMap(2),
            TestBytes.CborText("FallbackUrl"), TestBytes.CborText("https://www.example.com/test-site"),
            TestBytes.CborText("LocationUrl"), TestBytes.CborText("https://example.aws"),
            TestBytes.CborText("thingName"), TestBytes.CborText("ThingPrefix_1"));

        public static byte[] ErrorJson() => TestBytes.Utf8Of(
            "{\"statusCode\":400,\"errorCode\":\"InvalidCertificateOwnershipToken\",\"errorMessage\":\"Certificate ownership token cannot be empty.\"}");

        public static byte[] ErrorCbor() => TestBytes.Concat(
            TestBytes.CborMap(3),
            TestBytes.CborText("statusCode"), TestBytes.CborInt(400),
            TestBytes.CborText("errorCode"), TestBytes.CborText("InvalidCertificateOwnershipToken"),
            TestBytes.CborText("errorMessage"), TestBytes.CborText("Certificate ownership token cannot be empty."));
    }
}
