using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.ControlPlane.Operations
{
    /// <summary>
    /// The AWS IoT operations on certificates (AWS IoT API reference): CreateKeysAndCertificate, DescribeCertificate,
    /// UpdateCertificate, ListCertificates, and the trusted user's CreateProvisioningClaim. A certificate's ARN is
    /// `arn:aws:iot:REGION:ACCOUNT:cert/ID`.
    /// </summary>
    internal static class CertificateOperations
    {
        /// <summary>AWS's ListCertificates pages: 25 by default, at most 250.</summary>
        private const int DefaultPageSize = 25, MaxPageSize = 250;

        public static void Map(OperationTable table, FleetEmulator emulator)
        {
            var arns = new AwsArns(emulator.Options.Region, emulator.Options.AccountId);
            table.Add(new ControlPlaneOperation("CreateKeysAndCertificate", "POST", "/keys-and-certificate", "iot:CreateKeysAndCertificate",
                _ => "*", r => CreateKeysAndCertificateAsync(emulator, arns, r)));
            table.Add(new ControlPlaneOperation("DescribeCertificate", "GET", "/certificates/{certificateId}", "iot:DescribeCertificate",
                r => arns.Certificate(r.Route("certificateId")), r => DescribeCertificateAsync(emulator, arns, r)));
            table.Add(new ControlPlaneOperation("UpdateCertificate", "PUT", "/certificates/{certificateId}", "iot:UpdateCertificate",
                r => arns.Certificate(r.Route("certificateId")), r => UpdateCertificateAsync(emulator, r)));
            table.Add(new ControlPlaneOperation("ListCertificates", "GET", "/certificates", "iot:ListCertificates",
                _ => "*", r => ListCertificatesAsync(emulator, arns, r)));
            table.Add(new ControlPlaneOperation("CreateProvisioningClaim", "POST", "/provisioning-templates/{templateName}/provisioning-claim",
                "iot:CreateProvisioningClaim", r => arns.ProvisioningTemplate(r.Route("templateName")), r => CreateProvisioningClaimAsync(emulator, r)));
        }

        private static async Task<JsonObject?> CreateKeysAndCertificateAsync(FleetEmulator emulator, AwsArns arns, ControlPlaneRequest request)
        {
            var issued = await emulator.Certificates.CreateKeysAndCertificateAsync(AwsJson.QueryBool(request, "setAsActive") ?? false).ConfigureAwait(false);
            return new JsonObject
            {
                ["certificateArn"] = arns.Certificate(issued.Certificate.Id),
                ["certificateId"] = issued.Certificate.Id,
                ["certificatePem"] = issued.Certificate.CertificatePem,
                ["keyPair"] = AwsJson.KeyPair(issued.Certificate.CertificatePem, issued.PrivateKeyPem),
            };
        }

        private static async Task<JsonObject?> DescribeCertificateAsync(FleetEmulator emulator, AwsArns arns, ControlPlaneRequest request)
        {
            var certificate = await FindAsync(emulator, request.Route("certificateId")).ConfigureAwait(false);
            using var x509 = X509Certificate2.CreateFromPem(certificate.CertificatePem);
            return new JsonObject
            {
                ["certificateDescription"] = new JsonObject
                {
                    ["certificateArn"] = arns.Certificate(certificate.Id),
                    ["certificateId"] = certificate.Id,
                    ["status"] = certificate.Status.ToAwsName(),
                    ["certificatePem"] = certificate.CertificatePem,
                    ["ownedBy"] = emulator.Options.AccountId,
                    ["creationDate"] = AwsJson.Timestamp(certificate.CreatedAt),
                    ["customerVersion"] = 1,
                    ["validity"] = new JsonObject
                    {
                        ["notBefore"] = AwsJson.Timestamp(new DateTimeOffset(x509.NotBefore.ToUniversalTime())),
                        ["notAfter"] = AwsJson.Timestamp(new DateTimeOffset(x509.NotAfter.ToUniversalTime())),
                    },
                    ["certificateMode"] = "DEFAULT",
                },
            };
        }

        private static async Task<JsonObject?> UpdateCertificateAsync(FleetEmulator emulator, ControlPlaneRequest request)
        {
            string id = request.Route("certificateId");
            string text = request.QueryValue("newStatus") ?? throw AwsServiceException.InvalidRequest("newStatus is required");
            var status = ParseNewStatus(text);
            await FindAsync(emulator, id).ConfigureAwait(false);
            try
            {
                await emulator.Certificates.SetStatusAsync(id, status).ConfigureAwait(false);
            }
            catch (CertificateStateException ex)
            {
                throw new AwsServiceException(406, "CertificateStateException", ex.Message);
            }

            return null;
        }

        /// <summary>AWS: "Setting the status to PENDING_TRANSFER or PENDING_ACTIVATION will result in an exception being thrown",
        /// and REGISTER_INACTIVE "is deprecated and should not be used". The emulator refuses all three as a bad request.</summary>
        private static CertificateStatus ParseNewStatus(string text)
        {
            if (text is "ACTIVE" or "INACTIVE" or "REVOKED")
            {
                return CertificateStatusNames.Parse(text);
            }

            throw AwsServiceException.InvalidRequest(text is "PENDING_TRANSFER" or "PENDING_ACTIVATION" or "REGISTER_INACTIVE"
                ? $"newStatus {text} cannot be set through UpdateCertificate: use ACTIVE, INACTIVE or REVOKED"
                : $"newStatus '{text}' is not a certificate status: use ACTIVE, INACTIVE or REVOKED");
        }

        /// <summary>Oldest first when isAscendingOrder is true, newest first otherwise (AWS orders by creation date).
        /// Temporary claims are left out: AWS says they do not appear in the account's certificate list.</summary>
        private static async Task<JsonObject?> ListCertificatesAsync(FleetEmulator emulator, AwsArns arns, ControlPlaneRequest request)
        {
            var temporary = new HashSet<string>(StringComparer.Ordinal);
            foreach (var claim in await emulator.Claims.ListAsync().ConfigureAwait(false))
            {
                if (claim.ExpiresAt is not null)
                {
                    temporary.Add(claim.CertificateId);
                }
            }

            var listed = new List<CertificateInfo>(await emulator.Certificates.ListAsync().ConfigureAwait(false));
            listed.RemoveAll(c => temporary.Contains(c.Id));
            if (AwsJson.QueryBool(request, "isAscendingOrder") != true)
            {
                listed.Reverse();
            }

            var page = Pagination.Page(request, listed, "pageSize", "marker", DefaultPageSize, MaxPageSize, out string? next);
            var certificates = new JsonArray();
            foreach (var certificate in page)
            {
                certificates.Add(new JsonObject
                {
                    ["certificateArn"] = arns.Certificate(certificate.Id),
                    ["certificateId"] = certificate.Id,
                    ["status"] = certificate.Status.ToAwsName(),
                    ["certificateMode"] = "DEFAULT",
                    ["creationDate"] = AwsJson.Timestamp(certificate.CreatedAt),
                });
            }

            return Pagination.WithNext(new JsonObject { ["certificates"] = certificates }, "nextMarker", next);
        }

        private static async Task<JsonObject?> CreateProvisioningClaimAsync(FleetEmulator emulator, ControlPlaneRequest request)
        {
            ClaimCredentials claim;
            try
            {
                claim = await emulator.Claims.CreateTemporaryAsync(request.Route("templateName")).ConfigureAwait(false);
            }
            catch (InvalidTemplateException ex)
            {
                throw AwsServiceException.InvalidRequest(ex.Message);
            }
            catch (ResourceNotFoundException ex)
            {
                throw AwsServiceException.ResourceNotFound(ex.Message);
            }

            return new JsonObject
            {
                ["certificateId"] = claim.CertificateId,
                ["certificatePem"] = claim.CertificatePem,
                ["keyPair"] = AwsJson.KeyPair(claim.CertificatePem, claim.PrivateKeyPem),
                ["expiration"] = AwsJson.Timestamp(claim.Expiration!.Value),
            };
        }

        /// <summary>The certificate, or AWS's ResourceNotFoundException.</summary>
        internal static async Task<CertificateInfo> FindAsync(FleetEmulator emulator, string certificateId) =>
            await emulator.Certificates.GetAsync(certificateId).ConfigureAwait(false)
            ?? throw AwsServiceException.ResourceNotFound($"No certificate has id {certificateId}");
    }
}
