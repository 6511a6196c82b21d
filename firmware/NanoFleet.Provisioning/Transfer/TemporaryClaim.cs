using System;
namespace NanoFleet.Provisioning.Transfer
{
    /// <summary>
    /// A claim an installer handed over the serial line. It lives in RAM only: nothing writes it to
    /// flash, and <see cref="Wipe"/> zeroes its buffers once provisioning is over with it.
    /// <see cref="ToString"/> never shows the key.
    /// </summary>
    public sealed class TemporaryClaim
    {
        /// <summary>The temporary claim certificate (PEM text, UTF-8).</summary>
        public byte[] CertificatePem { get; set; } = new byte[0];

        /// <summary>Its private key (PEM text, UTF-8). Secret.</summary>
        public byte[] PrivateKeyPem { get; set; } = new byte[0];

        /// <summary>The provisioning template the claim is bound to.</summary>
        public string TemplateName { get; set; } = "";

        /// <summary>When the claim certificate expires (Unix seconds).</summary>
        public long ExpiresUnixSeconds { get; set; }

        /// <summary>HOST:PORT to connect to instead of the claim partition's endpoint, or "".</summary>
        public string Endpoint { get; set; } = "";

        /// <summary>Zeroes the certificate and key bytes in place (every copy made from them is the caller's to wipe).</summary>
        public void Wipe()
        {
            Zero(CertificatePem);
            Zero(PrivateKeyPem);
        }

        /// <summary>
        /// Puts the claim into <paramref name="claim"/> (read from a partition that holds no claim of its own):
        /// its certificate and key (the same arrays, so <see cref="Wipe"/> zeroes them there too), its
        /// template, and its endpoint when it names one.
        /// </summary>
        /// <returns>Success, or BadParameter when the endpoint is not HOST:PORT.</returns>
        public TransferStatus ApplyTo(ProvisioningClaim claim)
        {
            if (Endpoint.Length > 0)
            {
                int colon = Endpoint.LastIndexOf(':');
                int port;
                if (colon <= 0 || !int.TryParse(Endpoint.Substring(colon + 1), out port) || port < 1 || port > 65535)
                {
                    return TransferStatus.BadParameter;
                }

                claim.EndpointHost = Endpoint.Substring(0, colon);
                claim.EndpointPort = port;
            }

            claim.CertificatePem = CertificatePem;
            claim.PrivateKeyPem = PrivateKeyPem;
            claim.TemplateName = TemplateName;
            return TransferStatus.Success;
        }

        /// <summary>Zeroes a buffer in place.</summary>
        public static void Zero(byte[] buffer)
        {
            if (buffer != null)
            {
                Array.Clear(buffer, 0, buffer.Length);
            }
        }

        /// <inheritdoc />
        public override string ToString() => "temporary claim for template " + TemplateName + ", expires at " + ExpiresUnixSeconds;
    }
}
