using System;

namespace NanoFleet.Cloud
{
    /// <summary>AWS IoT's CA certificate states (RegisterCACertificate, UpdateCACertificate).</summary>
    public enum CaCertificateStatus
    {
        /// <summary>Certificates it signed may be auto-registered (JITP) when auto-registration is on.</summary>
        Active,

        /// <summary>Turned off: no certificate it signed is registered any more. Certificates already registered are not
        /// affected (AWS's Device Defender advice is to revoke those one by one).</summary>
        Inactive,
    }

    /// <summary>What runs when a certificate from a CA is auto-registered: AWS's `registrationConfig`.</summary>
    /// <param name="TemplateBody">A JITP template body, or null.</param>
    /// <param name="TemplateName">The name of a stored JITP template, or null.</param>
    /// <param name="RoleArn">The provisioning role AWS assumes (recorded, not enforced).</param>
    public sealed record RegistrationConfig(string? TemplateBody, string? TemplateName, string? RoleArn);

    /// <summary>A registered CA certificate. Carries no key: AWS never sees the CA's key either.</summary>
    /// <param name="Id">64 hex digits: the SHA-256 of the DER certificate, as AWS computes certificate ids.</param>
    /// <param name="Status">ACTIVE or INACTIVE.</param>
    /// <param name="AutoRegistration">AWS's autoRegistrationStatus ENABLE (true) or DISABLE.</param>
    /// <param name="CertificatePem">The CA certificate.</param>
    /// <param name="CreatedAt">When it was registered, on the emulator's clock.</param>
    /// <param name="LastModifiedAt">When its status or configuration last changed.</param>
    /// <param name="Registration">The JITP configuration, or null (auto-registration then only registers, as JITR).</param>
    public sealed record CaCertificateInfo(
        string Id, CaCertificateStatus Status, bool AutoRegistration, string CertificatePem, DateTimeOffset CreatedAt, DateTimeOffset LastModifiedAt,
        RegistrationConfig? Registration);

    /// <summary>Wire names of <see cref="CaCertificateStatus"/> and of the auto-registration flag.</summary>
    public static class CaCertificateNames
    {
        /// <summary>`ACTIVE` or `INACTIVE`.</summary>
        public static string ToAwsName(this CaCertificateStatus status) => status == CaCertificateStatus.Active ? "ACTIVE" : "INACTIVE";

        /// <summary>`ENABLE` or `DISABLE`, AWS's autoRegistrationStatus.</summary>
        public static string AutoRegistrationName(bool enabled) => enabled ? "ENABLE" : "DISABLE";

        /// <summary>Parses `ACTIVE` or `INACTIVE` (case-insensitively).</summary>
        /// <exception cref="FormatException">Anything else.</exception>
        public static CaCertificateStatus ParseStatus(string text) => text.ToUpperInvariant() switch
        {
            "ACTIVE" => CaCertificateStatus.Active,
            "INACTIVE" => CaCertificateStatus.Inactive,
            _ => throw new FormatException($"'{text}' is not a CA certificate status (ACTIVE, INACTIVE)."),
        };

        /// <summary>Parses `ENABLE` or `DISABLE` (case-insensitively).</summary>
        /// <exception cref="FormatException">Anything else.</exception>
        public static bool ParseAutoRegistration(string text) => text.ToUpperInvariant() switch
        {
            "ENABLE" => true,
            "DISABLE" => false,
            _ => throw new FormatException($"'{text}' is not an auto-registration status (ENABLE, DISABLE)."),
        };
    }
}
