namespace NanoFleet.Cloud
{
    /// <summary>Certificate states as AWS IoT names them. Only ACTIVE certificates may connect.</summary>
    public enum CertificateStatus
    {
        /// <summary>Created by a create API, waiting for RegisterThing.</summary>
        PendingActivation,

        /// <summary>May connect.</summary>
        Active,

        /// <summary>Deactivated; connections are refused.</summary>
        Inactive,

        /// <summary>Revoked; connections are refused and it cannot be reactivated.</summary>
        Revoked,
    }

    /// <summary>Wire names of <see cref="CertificateStatus"/> (`PENDING_ACTIVATION`, …).</summary>
    public static class CertificateStatusNames
    {
        /// <summary>The AWS name of a status.</summary>
        public static string ToAwsName(this CertificateStatus status) => status switch
        {
            CertificateStatus.PendingActivation => "PENDING_ACTIVATION",
            CertificateStatus.Active => "ACTIVE",
            CertificateStatus.Inactive => "INACTIVE",
            _ => "REVOKED",
        };

        /// <summary>Parses an AWS name, case-insensitively (AWS's own examples write "Active").</summary>
        /// <exception cref="System.FormatException">The text names no status.</exception>
        public static CertificateStatus Parse(string text) => text.ToUpperInvariant() switch
        {
            "PENDING_ACTIVATION" => CertificateStatus.PendingActivation,
            "ACTIVE" => CertificateStatus.Active,
            "INACTIVE" => CertificateStatus.Inactive,
            "REVOKED" => CertificateStatus.Revoked,
            _ => throw new System.FormatException($"'{text}' is not a certificate status (ACTIVE, INACTIVE, REVOKED, PENDING_ACTIVATION)."),
        };
    }
}
