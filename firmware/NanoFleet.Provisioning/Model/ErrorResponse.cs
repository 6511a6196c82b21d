namespace NanoFleet.Provisioning
{
    /// <summary>The body of every /rejected response.</summary>
    public sealed class ErrorResponse
    {
        /// <summary>HTTP-like status (400, 401, 403, 500, 503…).</summary>
        public int StatusCode { get; set; }

        /// <summary>e.g. "InvalidCertificateOwnershipToken", "ACCESS_DENIED", "ThrottlingException".</summary>
        public string ErrorCode { get; set; } = "";

        /// <summary>Free text from the service.</summary>
        public string ErrorMessage { get; set; } = "";

        /// <summary>
        /// Status and code only: the service's free text may quote what the device sent (a token,
        /// a key), so it is logged only after the machine has redacted it.
        /// </summary>
        public override string ToString() => StatusCode + " " + ErrorCode;
    }
}
