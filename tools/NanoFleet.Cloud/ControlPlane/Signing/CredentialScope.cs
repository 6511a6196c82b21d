using System;
using System.Globalization;

namespace NanoFleet.Cloud.ControlPlane.Signing
{
    /// <summary>
    /// SigV4's credential scope, `DATE/REGION/SERVICE/aws4_request`: the day, region and service a signature
    /// is good for. The AWS CLI signs `aws iot` calls with the service name `iot` (botocore's iot
    /// service-2.json: `"signingName": "iot"`).
    /// </summary>
    /// <param name="Date">yyyyMMdd, the day of X-Amz-Date.</param>
    public sealed record CredentialScope(string Date, string Region, string Service)
    {
        /// <summary>The service name AWS IoT's control plane is signed for.</summary>
        public const string IotService = "iot";

        /// <summary>The terminator every SigV4 scope ends with.</summary>
        public const string Terminator = "aws4_request";

        /// <summary>The scope of a request signed at <paramref name="time"/>.</summary>
        public static CredentialScope For(DateTimeOffset time, string region, string service) =>
            new(time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture), region, service);

        /// <summary>Parses `DATE/REGION/SERVICE/aws4_request` (the Credential value after the access key id), or returns null.</summary>
        public static CredentialScope? TryParse(string text)
        {
            string[] parts = text.Split('/');
            return parts.Length == 4 && parts[3] == Terminator ? new CredentialScope(parts[0], parts[1], parts[2]) : null;
        }

        public override string ToString() => $"{Date}/{Region}/{Service}/{Terminator}";
    }
}
