namespace NanoFleet.Provisioning
{
    /// <summary>The wire names of the provisioning payload fields (the same in JSON and CBOR).</summary>
    public static class FpPayloadKeys
    {
        /// <summary>CreateCertificateFromCsr request: the PEM CSR.</summary>
        public const string CertificateSigningRequest = "certificateSigningRequest";

        /// <summary>Create responses and RegisterThing request: the one-hour token.</summary>
        public const string CertificateOwnershipToken = "certificateOwnershipToken";

        /// <summary>Create responses: 64 hex characters.</summary>
        public const string CertificateId = "certificateId";

        /// <summary>Create responses: the PEM certificate.</summary>
        public const string CertificatePem = "certificatePem";

        /// <summary>CreateKeysAndCertificate response: the PEM private key.</summary>
        public const string PrivateKey = "privateKey";

        /// <summary>RegisterThing request: the template parameters (string map).</summary>
        public const string Parameters = "parameters";

        /// <summary>RegisterThing response: the template's DeviceConfiguration (flat string map).</summary>
        public const string DeviceConfiguration = "deviceConfiguration";

        /// <summary>RegisterThing response: the thing name.</summary>
        public const string ThingName = "thingName";

        /// <summary>Rejected responses: HTTP-like status code.</summary>
        public const string StatusCode = "statusCode";

        /// <summary>Rejected responses: the error code.</summary>
        public const string ErrorCode = "errorCode";

        /// <summary>Rejected responses: the message.</summary>
        public const string ErrorMessage = "errorMessage";
    }
}
