namespace NanoFleet.Cloud
{
    /// <summary>The three device provisioning MQTT APIs.</summary>
    public enum ProvisioningApi
    {
        /// <summary>`$aws/certificates/create/&lt;fmt&gt;`: the service generates the key pair.</summary>
        CreateKeysAndCertificate,

        /// <summary>`$aws/certificates/create-from-csr/&lt;fmt&gt;`: the device sends a CSR.</summary>
        CreateCertificateFromCsr,

        /// <summary>`$aws/provisioning-templates/&lt;name&gt;/provision/&lt;fmt&gt;`.</summary>
        RegisterThing,
    }
}
