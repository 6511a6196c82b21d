namespace NanoFleet.Provisioning
{
    /// <summary>The three device-side provisioning APIs.</summary>
    public enum FpApi
    {
        /// <summary>$aws/certificates/create/&lt;fmt&gt;</summary>
        CreateKeysAndCertificate = 0,
        /// <summary>$aws/certificates/create-from-csr/&lt;fmt&gt;</summary>
        CreateCertificateFromCsr = 1,
        /// <summary>$aws/provisioning-templates/&lt;name&gt;/provision/&lt;fmt&gt;</summary>
        RegisterThing = 2,
    }

    /// <summary>Which of an API's three topics.</summary>
    public enum FpApiTopic
    {
        /// <summary>The request topic.</summary>
        Publish = 0,
        /// <summary>The accepted response topic.</summary>
        Accepted = 1,
        /// <summary>The rejected response topic.</summary>
        Rejected = 2,
    }
}
