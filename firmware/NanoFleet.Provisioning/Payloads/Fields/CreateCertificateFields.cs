using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// The fields of a CreateKeysAndCertificate or CreateCertificateFromCsr accepted response. The
    /// values are only located while the payload is read and decoded once it has proved valid
    /// (<see cref="PendingText"/>): the scratch array is then sized once for the longest of them.
    /// </summary>
    internal sealed class CreateCertificateFields : IFieldSink
    {
        private readonly bool _requirePrivateKey;
        private PendingText _id;
        private PendingText _pem;
        private PendingText _key;
        private PendingText _token;

        /// <param name="requirePrivateKey">True for CreateKeysAndCertificate; the CSR flow's response has no key, and one sent anyway is skipped.</param>
        public CreateCertificateFields(bool requirePrivateKey)
        {
            _requirePrivateKey = requirePrivateKey;
        }

        public bool ReadField(IPayloadSource source, FpReadError error)
        {
            if (source.KeyEquals(FpPayloadKeys.CertificateId))
            {
                return FieldReading.LocateTextOnce(source, FpPayloadKeys.CertificateId, ref _id, error);
            }

            if (source.KeyEquals(FpPayloadKeys.CertificatePem))
            {
                return FieldReading.LocateTextOnce(source, FpPayloadKeys.CertificatePem, ref _pem, error);
            }

            if (source.KeyEquals(FpPayloadKeys.CertificateOwnershipToken))
            {
                return FieldReading.LocateTextOnce(source, FpPayloadKeys.CertificateOwnershipToken, ref _token, error);
            }

            if (_requirePrivateKey && source.KeyEquals(FpPayloadKeys.PrivateKey))
            {
                return FieldReading.LocateTextOnce(source, FpPayloadKeys.PrivateKey, ref _key, error);
            }

            return source.SkipValue();
        }

        /// <summary>True when every required field came; otherwise names the first missing one.</summary>
        public bool IsComplete(FpReadError error) =>
            FieldReading.Require(_id, FpPayloadKeys.CertificateId, error)
            && FieldReading.Require(_pem, FpPayloadKeys.CertificatePem, error)
            && (!_requirePrivateKey || FieldReading.Require(_key, FpPayloadKeys.PrivateKey, error))
            && FieldReading.Require(_token, FpPayloadKeys.CertificateOwnershipToken, error);

        /// <summary>Decodes the values from <paramref name="source"/> into the result (after <see cref="IsComplete"/>).</summary>
        public void CopyTo(IPayloadSource source, CreateCertificateAccepted result)
        {
            int longest = _id.Chars;
            if (_pem.Chars > longest) longest = _pem.Chars;
            if (_key.Chars > longest) longest = _key.Chars;
            if (_token.Chars > longest) longest = _token.Chars;
            lock (ScratchChars.Gate)
            {
                char[] chars = ScratchChars.Reserve(longest);
                result.CertificateId = FieldReading.Decode(source, _id, chars)!;
                result.CertificatePem = FieldReading.Decode(source, _pem, chars)!;
                result.PrivateKey = FieldReading.Decode(source, _key, chars);
                result.CertificateOwnershipToken = FieldReading.Decode(source, _token, chars)!;
            }
        }
    }
}
