namespace NanoFleet.Provisioning.Tests
{
    /// <summary>A certificate-shaped DER (see <see cref="TestKeys"/>: nothing is signed) whose subject holds the given
    /// attributes, as PEM bytes, for reading a device's thing name from its commonName.</summary>
    public static class TestSubjectCertificate
    {
        private static readonly byte[] CommonName = TestBytes.Hex("55 04 03");
        private static readonly byte[] Country = TestBytes.Hex("55 04 06");

        /// <summary>A PEM certificate with subject C=DE and, when <paramref name="commonName"/> is not null, CN (UTF8String).</summary>
        public static byte[] Pem(string? commonName)
        {
            byte[] country = TestDer.Tlv(0x31, TestKeys.Sequence(TestKeys.Oid(Country), TestDer.Tlv(0x13, TestBytes.Utf8Of("DE"))));
            byte[] subject = commonName == null
                ? TestKeys.Sequence(country)
                : TestKeys.Sequence(country, TestDer.Tlv(0x31, TestKeys.Sequence(TestKeys.Oid(CommonName), TestDer.Tlv(0x0C, TestBytes.Utf8Of(commonName)))));
            byte[] algorithm = TestKeys.Sequence(TestKeys.Oid(TestBytes.Hex("2A 86 48 CE 3D 04 03 02")));
            byte[] der = TestKeys.Sequence(
                TestKeys.Sequence(
                    TestDer.Tlv(0xA0, TestKeys.Integer(new byte[] { 2 })),
                    TestKeys.Integer(new byte[] { 0x01, 0x42 }),
                    algorithm,
                    TestKeys.Sequence(), // issuer
                    TestKeys.Sequence(), // validity
                    subject,
                    TestKeys.EcSpki(5, TestKeys.P256)),
                algorithm,
                TestKeys.BitString(TestDer.Filler(3, 16)));
            return TestBytes.Utf8Of(TestDer.Pem("CERTIFICATE", der));
        }
    }
}
