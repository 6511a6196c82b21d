namespace NanoFleet.Provisioning
{
    /// <summary>
    /// The fields of a CreateKeysAndCertificate or CreateCertificateFromCsr accepted response. The
    /// large values are only located while the payload is read and copied out once it has proved
    /// valid (<see cref="PendingText"/>); the certificate, key and token stay UTF-8 bytes.
    /// </summary>
    internal sealed class CreateCertificateFields : IFieldSink
    {
        private readonly bool _requirePrivateKey;
        private string? _id;
        private readonly PendingText _pem = new PendingText();
        private readonly PendingText _key = new PendingText();
        private readonly PendingText _token = new PendingText();

        /// <param name="requirePrivateKey">True for CreateKeysAndCertificate; the CSR flow's response has no key, and one sent anyway is skipped.</param>
        public CreateCertificateFields(bool requirePrivateKey)
        {
            _requirePrivateKey = requirePrivateKey;
        }

        public bool ReadField(IPayloadSource source, FpReadError error)
        {
            if (source.KeyEquals(FpPayloadKeys.CertificateId))
            {
                return FieldReading.ReadTextOnce(source, FpPayloadKeys.CertificateId, ref _id, error);
            }

            if (source.KeyEquals(FpPayloadKeys.CertificatePem))
            {
                return FieldReading.LocateTextOnce(source, FpPayloadKeys.CertificatePem, _pem, error);
            }

            if (source.KeyEquals(FpPayloadKeys.CertificateOwnershipToken))
            {
                return FieldReading.LocateTextOnce(source, FpPayloadKeys.CertificateOwnershipToken, _token, error);
            }

            if (_requirePrivateKey && source.KeyEquals(FpPayloadKeys.PrivateKey))
            {
                return FieldReading.LocateTextOnce(source, FpPayloadKeys.PrivateKey, _key, error);
            }

            return source.SkipValue();
        }

        /// <summary>True when every required field came; otherwise names the first missing one.</summary>
        public bool IsComplete(FpReadError error) =>
            FieldReading.Require(_id, FpPayloadKeys.CertificateId, error)
            && FieldReading.Require(_pem, FpPayloadKeys.CertificatePem, error)
            && (!_requirePrivateKey || FieldReading.Require(_key, FpPayloadKeys.PrivateKey, error))
            && FieldReading.Require(_token, FpPayloadKeys.CertificateOwnershipToken, error);

        /// <summary>Where the ownership token is in the payload (after <see cref="IsComplete"/>).</summary>
        public PendingText Token => _token;

        /// <summary>
        /// Copies the values other than the token from <paramref name="source"/> into the result
        /// (after <see cref="IsComplete"/>): the token goes wherever the caller needs it.
        /// </summary>
        public void CopyTo(IPayloadSource source, CreateCertificateAccepted result)
        {
            result.CertificateId = _id!;
            result.CertificatePem = FieldReading.CopyBytes(source, _pem)!;
            result.PrivateKey = FieldReading.CopyBytes(source, _key);
        }
    }
}
