namespace NanoFleet.Cloud.ControlPlane.Operations
{
    /// <summary>The AWS IoT operations on provisioning templates and their versions.</summary>
    internal static class TemplateOperations
    {
        public static void Map(OperationTable table, FleetEmulator emulator)
        {
        }
    }
}
