using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.ControlPlane.Operations
{
    /// <summary>
    /// The AWS IoT operations on CA certificates and GetRegistrationCode (AWS IoT API reference): GetRegistrationCode,
    /// RegisterCACertificate, ListCACertificates, DescribeCACertificate and UpdateCACertificate, over
    /// <see cref="FleetEmulator.CaCertificates"/>.
    /// </summary>
    internal static class CaOperations
    {
        public static void Map(OperationTable table, FleetEmulator emulator)
        {
            var arns = new AwsArns(emulator.Options.Region, emulator.Options.AccountId);
            Func<ControlPlaneRequest, string> any = _ => "*";
            Func<ControlPlaneRequest, string> named = r => arns.CaCertificate(r.Route("caCertificateId"));
            table.Add(new ControlPlaneOperation("GetRegistrationCode", "GET", "/registrationcode", "iot:GetRegistrationCode", any,
                async _ => new JsonObject { ["registrationCode"] = await emulator.CaCertificates.GetRegistrationCodeAsync().ConfigureAwait(false) }));
            table.Add(new ControlPlaneOperation("RegisterCACertificate", "POST", "/cacertificate", "iot:RegisterCACertificate", any,
                r => RegisterAsync(emulator, arns, r)));
            table.Add(new ControlPlaneOperation("ListCACertificates", "GET", "/cacertificates", "iot:ListCACertificates", any,
                async _ =>
                {
                    var list = new JsonArray();
                    foreach (var ca in await emulator.CaCertificates.ListAsync().ConfigureAwait(false))
                    {
                        list.Add(new JsonObject
                        {
                            ["certificateArn"] = arns.CaCertificate(ca.Id),
                            ["certificateId"] = ca.Id,
                            ["status"] = ca.Status.ToAwsName(),
                            ["creationDate"] = AwsJson.Timestamp(ca.CreatedAt),
                        });
                    }

                    return new JsonObject { ["certificates"] = list };
                }));
            table.Add(new ControlPlaneOperation("DescribeCACertificate", "GET", "/cacertificate/{caCertificateId}", "iot:DescribeCACertificate", named,
                r => DescribeAsync(emulator, arns, r)));
            table.Add(new ControlPlaneOperation("UpdateCACertificate", "PUT", "/cacertificate/{caCertificateId}", "iot:UpdateCACertificate", named,
                r => UpdateAsync(emulator, r)));
        }

        private static async Task<JsonObject?> RegisterAsync(FleetEmulator emulator, AwsArns arns, ControlPlaneRequest request)
        {
            string mode = request.OptionalString("certificateMode") ?? "DEFAULT";
            if (mode != "DEFAULT")
            {
                throw AwsServiceException.InvalidRequest($"certificateMode {mode} is not supported by the emulator; use DEFAULT (with a verificationCertificate)");
            }

            var ca = await emulator.CaCertificates.RegisterAsync(request.RequiredString("caCertificate"), request.OptionalString("verificationCertificate"),
                QueryFlag(request, "setAsActive"), QueryFlag(request, "allowAutoRegistration"), ReadRegistrationConfig(request)).ConfigureAwait(false);
            return new JsonObject { ["certificateArn"] = arns.CaCertificate(ca.Id), ["certificateId"] = ca.Id };
        }

        private static async Task<JsonObject?> DescribeAsync(FleetEmulator emulator, AwsArns arns, ControlPlaneRequest request)
        {
            string id = request.Route("caCertificateId");
            var ca = await emulator.CaCertificates.GetAsync(id).ConfigureAwait(false)
                ?? throw AwsServiceException.ResourceNotFound($"No CA certificate has the id {id}.");
            using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(ca.CertificatePem);
            var result = new JsonObject
            {
                ["certificateDescription"] = new JsonObject
                {
                    ["certificateArn"] = arns.CaCertificate(ca.Id),
                    ["certificateId"] = ca.Id,
                    ["status"] = ca.Status.ToAwsName(),
                    ["certificatePem"] = ca.CertificatePem,
                    ["ownedBy"] = emulator.Options.AccountId,
                    ["creationDate"] = AwsJson.Timestamp(ca.CreatedAt),
                    ["lastModifiedDate"] = AwsJson.Timestamp(ca.LastModifiedAt),
                    ["autoRegistrationStatus"] = CaCertificateNames.AutoRegistrationName(ca.AutoRegistration),
                    ["certificateMode"] = "DEFAULT",
                    ["validity"] = new JsonObject
                    {
                        ["notBefore"] = new DateTimeOffset(certificate.NotBefore.ToUniversalTime()).ToUnixTimeSeconds(),
                        ["notAfter"] = new DateTimeOffset(certificate.NotAfter.ToUniversalTime()).ToUnixTimeSeconds(),
                    },
                },
            };
            if (ca.Registration is { } registration)
            {
                var config = new JsonObject();
                Put(config, "templateBody", registration.TemplateBody);
                Put(config, "templateName", registration.TemplateName);
                Put(config, "roleArn", registration.RoleArn);
                result["registrationConfig"] = config;
            }

            return result;
        }

        private static async Task<JsonObject?> UpdateAsync(FleetEmulator emulator, ControlPlaneRequest request)
        {
            CaCertificateStatus? status = null;
            bool? autoRegistration = null;
            try
            {
                status = request.QueryValue("newStatus") is { } s ? CaCertificateNames.ParseStatus(s) : null;
                autoRegistration = request.QueryValue("newAutoRegistrationStatus") is { } a ? CaCertificateNames.ParseAutoRegistration(a) : null;
            }
            catch (FormatException ex)
            {
                throw AwsServiceException.InvalidRequest(ex.Message);
            }

            await emulator.CaCertificates.UpdateAsync(request.Route("caCertificateId"), status, autoRegistration, ReadRegistrationConfig(request),
                request.OptionalBool("removeAutoRegistration") ?? false).ConfigureAwait(false);
            return null;
        }

        private static RegistrationConfig? ReadRegistrationConfig(ControlPlaneRequest request)
        {
            if (request.Body?["registrationConfig"] is not { } node)
            {
                return null;
            }

            if (node is not JsonObject config)
            {
                throw AwsServiceException.InvalidRequest("registrationConfig must be an object");
            }

            var inner = request with { Body = config };
            return new RegistrationConfig(inner.OptionalString("templateBody"), inner.OptionalString("templateName"), inner.OptionalString("roleArn"));
        }

        private static bool QueryFlag(ControlPlaneRequest request, string name) => request.QueryValue(name) switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw AwsServiceException.InvalidRequest($"{name} must be true or false, not '{other}'"),
        };

        private static void Put(JsonObject target, string name, string? value)
        {
            if (value is not null)
            {
                target[name] = value;
            }
        }
    }
}
