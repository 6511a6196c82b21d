using NanoFleet.Cloud.ControlPlane;

namespace NanoFleet.Cloud.Jitp
{
    /// <summary>The AWS error types of the CA operations that the shared contract does not name (AWS IoT API reference,
    /// RegisterCACertificate "Errors").</summary>
    internal static class CaErrors
    {
        public static AwsServiceException CertificateValidation(string message) => new(400, "CertificateValidationException", message);

        public static AwsServiceException RegistrationCodeValidation(string message) => new(400, "RegistrationCodeValidationException", message);
    }
}
