using System;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace NanoFleet.Cloud.ControlPlane.Operations
{
    /// <summary>Values as AWS IoT's REST JSON writes them.</summary>
    internal static class AwsJson
    {
        /// <summary>A timestamp: AWS's REST JSON protocol sends epoch seconds as a number (with milliseconds as the fraction).</summary>
        public static JsonNode Timestamp(DateTimeOffset when) => JsonValue.Create(when.ToUnixTimeMilliseconds() / 1000.0);

        /// <summary>The certificate's public key as a `PUBLIC KEY` PEM, the `keyPair.PublicKey` AWS returns with a new certificate.</summary>
        public static string PublicKeyPem(string certificatePem)
        {
            using var certificate = X509Certificate2.CreateFromPem(certificatePem);
            return new string(System.Security.Cryptography.PemEncoding.Write("PUBLIC KEY", certificate.PublicKey.ExportSubjectPublicKeyInfo())) + "\n";
        }

        /// <summary>`{"PublicKey": …, "PrivateKey": …}`, AWS's KeyPair shape.</summary>
        public static JsonObject KeyPair(string certificatePem, string privateKeyPem) => new()
        {
            ["PublicKey"] = PublicKeyPem(certificatePem),
            ["PrivateKey"] = privateKeyPem,
        };

        /// <summary>A boolean query parameter (`true`/`false`, as the AWS CLI and SDKs write it), or null when absent.</summary>
        /// <exception cref="AwsServiceException">InvalidRequestException: anything else.</exception>
        public static bool? QueryBool(ControlPlaneRequest request, string name) => request.QueryValue(name) switch
        {
            null => null,
            var text when bool.TryParse(text, out bool value) => value,
            var text => throw AwsServiceException.InvalidRequest($"{name} must be true or false, not '{text}'"),
        };
    }
}
