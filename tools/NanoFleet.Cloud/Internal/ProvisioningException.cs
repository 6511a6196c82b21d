using System;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>A request that ends on the /rejected topic with AWS's error shape.</summary>
    internal sealed class ProvisioningException : Exception
    {
        public ProvisioningException(int statusCode, string errorCode, string message) : base(message)
        {
            StatusCode = statusCode;
            ErrorCode = errorCode;
        }

        public int StatusCode { get; }

        public string ErrorCode { get; }

        public static ProvisioningException InvalidRequest(string message) => new(400, "InvalidRequestException", message);

        public static ProvisioningException InvalidToken(string message) => new(400, "InvalidCertificateOwnershipToken", message);

        public static ProvisioningException AccessDenied(string message) => new(403, "ACCESS_DENIED", message);

        public static ProvisioningException RegistrationFailure(string message) => new(400, "ResourceRegistrationFailureException", message);
    }
}
