using System;

namespace NanoFleet.Cloud.ControlPlane
{
    /// <summary>
    /// An error as AWS IoT's REST API returns it: an HTTP status, the error type in the `x-amzn-ErrorType`
    /// header and `{"message": …}` as the body. The AWS CLI and SDKs turn the type into their exception name.
    /// </summary>
    public sealed class AwsServiceException : Exception
    {
        public AwsServiceException(int statusCode, string errorType, string message)
            : base(message)
        {
            StatusCode = statusCode;
            ErrorType = errorType;
        }

        /// <summary>The HTTP status (AWS IoT API reference, "Errors" of each operation).</summary>
        public int StatusCode { get; }

        /// <summary>The AWS error type, e.g. `ResourceNotFoundException`.</summary>
        public string ErrorType { get; }

        public static AwsServiceException InvalidRequest(string message) => new(400, "InvalidRequestException", message);

        public static AwsServiceException ResourceNotFound(string message) => new(404, "ResourceNotFoundException", message);

        public static AwsServiceException ResourceAlreadyExists(string message) => new(409, "ResourceAlreadyExistsException", message);

        public static AwsServiceException Conflict(string message) => new(409, "ConflictingResourceUpdateException", message);

        public static AwsServiceException DeleteConflict(string message) => new(409, "DeleteConflictException", message);

        public static AwsServiceException VersionsLimitExceeded(string message) => new(409, "VersionsLimitExceededException", message);

        public static AwsServiceException AccessDenied(string message) => new(403, "AccessDeniedException", message);
    }
}
