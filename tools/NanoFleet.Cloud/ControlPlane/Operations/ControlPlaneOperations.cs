namespace NanoFleet.Cloud.ControlPlane.Operations
{
    /// <summary>Every operation the control plane serves, over one emulator's registries.</summary>
    public static class ControlPlaneOperations
    {
        /// <summary>The route table for <paramref name="emulator"/>.</summary>
        public static OperationTable Build(FleetEmulator emulator)
        {
            var table = new OperationTable();
            TemplateOperations.Map(table, emulator);
            CertificateOperations.Map(table, emulator);
            PolicyOperations.Map(table, emulator);
            ThingOperations.Map(table, emulator);
            CaOperations.Map(table, emulator);
            return table;
        }
    }
}
