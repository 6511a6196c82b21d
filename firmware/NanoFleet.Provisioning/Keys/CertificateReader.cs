namespace NanoFleet.Provisioning.Keys
{
    /// <summary>Finds the subjectPublicKeyInfo of a DER certificate (RFC 5280) or certificate request (RFC 2986).</summary>
    internal static class CertificateReader
    {
        /// <summary>
        /// Certificate → tbsCertificate → [0] version (optional), serialNumber, signature, issuer,
        /// validity, subject → subjectPublicKeyInfo.
        /// </summary>
        /// <returns>Success or Malformed (see <see cref="SubjectPublicKeyInfoReader.Read"/> for the outs).</returns>
        public static KeyMatchStatus ReadCertificateKey(byte[] der, int count, PublicKey key, out int spkiOffset, out int spkiCount, out string reason)
        {
            spkiOffset = 0;
            spkiCount = 0;
            DerReader? certificate;
            DerReader? tbs = null;
            DerStatus status = new DerReader(der, 0, count).Enter(DerTag.Sequence, out certificate);
            if (status == DerStatus.Success) status = certificate!.Enter(DerTag.Sequence, out tbs);
            if (status == DerStatus.Success && tbs!.NextIs(DerTag.ContextConstructed0)) status = Skip(tbs, DerTag.ContextConstructed0);
            if (status == DerStatus.Success) status = Skip(tbs!, DerTag.Integer);
            for (int i = 0; i < 4 && status == DerStatus.Success; i++)
            {
                status = Skip(tbs!, DerTag.Sequence); // signature, issuer, validity, subject
            }

            if (status != DerStatus.Success)
            {
                return KeyReading.Malformed("the certificate", status, out reason);
            }

            return SubjectPublicKeyInfoReader.Read(tbs!, "the certificate", key, out spkiOffset, out spkiCount, out reason);
        }

        /// <summary>CertificationRequest → certificationRequestInfo → version, subject → subjectPKInfo.</summary>
        /// <returns>Success or Malformed (see <see cref="SubjectPublicKeyInfoReader.Read"/> for the outs).</returns>
        public static KeyMatchStatus ReadRequestKey(byte[] der, int count, PublicKey key, out int spkiOffset, out int spkiCount, out string reason)
        {
            spkiOffset = 0;
            spkiCount = 0;
            DerReader? request;
            DerReader? info = null;
            DerStatus status = new DerReader(der, 0, count).Enter(DerTag.Sequence, out request);
            if (status == DerStatus.Success) status = request!.Enter(DerTag.Sequence, out info);
            if (status == DerStatus.Success) status = Skip(info!, DerTag.Integer);
            if (status == DerStatus.Success) status = Skip(info!, DerTag.Sequence);
            if (status != DerStatus.Success)
            {
                return KeyReading.Malformed("the CSR", status, out reason);
            }

            return SubjectPublicKeyInfoReader.Read(info!, "the CSR", key, out spkiOffset, out spkiCount, out reason);
        }

        private static DerStatus Skip(DerReader reader, byte tag) => reader.Read(tag, out _, out _);
    }
}
