using System.Collections.Generic;

namespace NanoFleet.Station.Claim
{
    /// <summary>A built esp_secure_cert partition image and what the builder noticed on the way.</summary>
    public sealed class ClaimImage
    {
        internal ClaimImage(byte[] bytes, int usedBytes, string certificateSha256, IReadOnlyList<string> warnings)
        {
            Bytes = bytes;
            UsedBytes = usedBytes;
            CertificateSha256 = certificateSha256;
            Warnings = warnings;
        }

        /// <summary>The whole partition (0x2000 bytes by default), 0xFF after the records.</summary>
        public byte[] Bytes { get; }

        /// <summary>Bytes taken by the records, the integrity record and the end marker.</summary>
        public int UsedBytes { get; }

        /// <summary>SHA-256 of the claim certificate's DER, lower-case hex (what AWS IoT calls its certificate id).</summary>
        public string CertificateSha256 { get; }

        /// <summary>Non-fatal findings, e.g. a certificate that expires within 90 days.</summary>
        public IReadOnlyList<string> Warnings { get; }
    }
}
