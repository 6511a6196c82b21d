using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Keys
{
    /// <summary>
    /// The thing name of a just-in-time provisioned device. NanoFleet's JITP template names the thing
    /// `{"Ref": "AWS::IoT::Certificate::CommonName"}`, so the device reads the commonName of its own certificate
    /// (the first certificate of the PEM chain) and uses it as its MQTT client id and thing name.
    /// </summary>
    public static class JitpThingName
    {
        /// <summary>Reads the thing name from <paramref name="certificatePem"/>.</summary>
        /// <param name="certificatePem">The device certificate chain (PEM, UTF-8); the first certificate is the device's.</param>
        /// <param name="thingName">The commonName, or "" on failure.</param>
        /// <param name="error">Why it failed; "" on Success.</param>
        /// <returns>Success; NoMatch when the subject has no commonName; BadParameter when the PEM or DER is malformed.</returns>
        /// <example><code>if (JitpThingName.Read(claim.CertificatePem, out string thing, out string why) == FpStatus.Success) clientId = thing;</code></example>
        public static FpStatus Read(byte[] certificatePem, out string thingName, out string error)
        {
            thingName = "";
            error = "";
            if (certificatePem == null || !Pem.Find(certificatePem, "CERTIFICATE", out int body, out int bodyCount))
            {
                error = "the device certificate is not PEM";
                return FpStatus.BadParameter;
            }

            byte[]? der = Pem.Decode(certificatePem, body, bodyCount, out int count);
            if (der == null)
            {
                error = "the device certificate's PEM body is not base64";
                return FpStatus.BadParameter;
            }

            FpStatus status = CertificateReader.ReadSubjectCommonName(der, count, out int at, out int length);
            if (status == FpStatus.NoMatch)
            {
                error = "the device certificate's subject has no commonName to name the thing";
                return status;
            }

            if (status != FpStatus.Success || !Utf8.TryDecode(der, at, length, out thingName, out _) || thingName.Length == 0)
            {
                thingName = "";
                error = "the device certificate's commonName is malformed";
                return FpStatus.BadParameter;
            }

            return FpStatus.Success;
        }
    }
}
