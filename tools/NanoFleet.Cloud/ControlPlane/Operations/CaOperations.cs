namespace NanoFleet.Cloud.ControlPlane.Operations
{
    /// <summary>The AWS IoT operations on CA certificates and GetRegistrationCode.</summary>
    internal static class CaOperations
    {
        public static void Map(OperationTable table, FleetEmulator emulator)
        {
        }
    }
}
