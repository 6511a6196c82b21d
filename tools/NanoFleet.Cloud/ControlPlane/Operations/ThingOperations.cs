namespace NanoFleet.Cloud.ControlPlane.Operations
{
    /// <summary>The AWS IoT operations on things and their principals.</summary>
    internal static class ThingOperations
    {
        public static void Map(OperationTable table, FleetEmulator emulator)
        {
        }
    }
}
