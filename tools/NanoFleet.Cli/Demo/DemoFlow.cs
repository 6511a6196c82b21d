namespace NanoFleet.Cli.Demo
{
    /// <summary>The provisioning path `nanofleet demo --flow` shows.</summary>
    public enum DemoFlow
    {
        /// <summary>Fleet provisioning by claim: one shared claim certificate in every image.</summary>
        Claim,

        /// <summary>Just-in-time provisioning: a factory CA registered with a JITP template signs a certificate per device.</summary>
        Jitp,
    }
}
