namespace NanoFleet.Cloud.ControlPlane.Operations
{
    /// <summary>The AWS IoT operations on certificates, CreateKeysAndCertificate and CreateProvisioningClaim.</summary>
    internal static class CertificateOperations
    {
        public static void Map(OperationTable table, FleetEmulator emulator)
        {
        }
    }
}
