namespace NanoFleet.Cloud.ControlPlane.Operations
{
    /// <summary>The AWS IoT operations on IoT policies and their attachment to certificates.</summary>
    internal static class PolicyOperations
    {
        public static void Map(OperationTable table, FleetEmulator emulator)
        {
        }
    }
}
