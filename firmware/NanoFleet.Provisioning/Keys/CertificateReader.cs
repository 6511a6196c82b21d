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
            if (status == DerStatus.Success) status = SkipToSubject(tbs!);
            if (status == DerStatus.Success) status = Skip(tbs!, DerTag.Sequence); // subject
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

        /// <summary>
        /// The first commonName (OID 2.5.4.3) of a DER certificate's subject, as UTF-8 bytes [offset, offset+count) of
        /// <paramref name="der"/> (UTF8String or PrintableString: both are UTF-8 compatible).
        /// </summary>
        /// <returns>Success; NoMatch when the subject has no commonName; BadParameter when the DER is malformed.</returns>
        public static FpStatus ReadSubjectCommonName(byte[] der, int count, out int offset, out int length)
        {
            offset = 0;
            length = 0;
            DerReader? certificate;
            DerReader? tbs = null;
            DerReader? subject = null;
            DerStatus status = new DerReader(der, 0, count).Enter(DerTag.Sequence, out certificate);
            if (status == DerStatus.Success) status = certificate!.Enter(DerTag.Sequence, out tbs);
            if (status == DerStatus.Success) status = SkipToSubject(tbs!);
            if (status == DerStatus.Success) status = tbs!.Enter(DerTag.Sequence, out subject);
            while (status == DerStatus.Success && !subject!.AtEnd)
            {
                DerReader? set;
                DerReader? attribute = null;
                status = subject.Enter(DerTag.Set, out set);
                if (status == DerStatus.Success) status = set!.Enter(DerTag.Sequence, out attribute);
                if (status != DerStatus.Success) break;
                status = attribute!.Read(DerTag.ObjectIdentifier, out int oid, out int oidLength);
                if (status == DerStatus.Success && oidLength == 3 && der[oid] == 0x55 && der[oid + 1] == 0x04 && der[oid + 2] == 0x03)
                {
                    status = attribute.ReadAny(out byte tag, out offset, out length);
                    return status == DerStatus.Success && (tag == DerTag.Utf8String || tag == DerTag.PrintableString) ? FpStatus.Success : FpStatus.BadParameter;
                }
            }

            return status == DerStatus.Success ? FpStatus.NoMatch : FpStatus.BadParameter;
        }

        /// <summary>From after the tbsCertificate's SEQUENCE header: [0] version (optional), serialNumber, signature, issuer, validity.</summary>
        private static DerStatus SkipToSubject(DerReader tbs)
        {
            DerStatus status = DerStatus.Success;
            if (tbs.NextIs(DerTag.ContextConstructed0)) status = Skip(tbs, DerTag.ContextConstructed0);
            if (status == DerStatus.Success) status = Skip(tbs, DerTag.Integer);
            for (int i = 0; i < 3 && status == DerStatus.Success; i++)
            {
                status = Skip(tbs, DerTag.Sequence); // signature, issuer, validity
            }

            return status;
        }

        private static DerStatus Skip(DerReader reader, byte tag) => reader.Read(tag, out _, out _);
    }
}
