using System.Collections.Generic;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>The answer to one request: accepted fields, or AWS's error shape.</summary>
    internal sealed record ProvisioningResponse(
        bool Accepted, IReadOnlyList<KeyValuePair<string, object>> Fields, int StatusCode, string? ErrorCode, string? ErrorMessage,
        string? CertificateId, string? ThingName)
    {
        public static ProvisioningResponse Ok(IReadOnlyList<KeyValuePair<string, object>> fields, string? certificateId, string? thingName) =>
            new(true, fields, 200, null, null, certificateId, thingName);

        public static ProvisioningResponse Error(int statusCode, string errorCode, string errorMessage, string? certificateId = null) =>
            new(false,
                new[]
                {
                    new KeyValuePair<string, object>("statusCode", statusCode),
                    new KeyValuePair<string, object>("errorCode", errorCode),
                    new KeyValuePair<string, object>("errorMessage", errorMessage),
                },
                statusCode, errorCode, errorMessage, certificateId, null);
    }
}
