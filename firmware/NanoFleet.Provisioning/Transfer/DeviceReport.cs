namespace NanoFleet.Provisioning.Transfer
{
    /// <summary>
    /// The messages a device sends the installer, written into a caller's buffer: HELLO while it
    /// waits, RECEIVED or NACK for a CLAIM, then PROVISIONING, THING or FAILED.
    /// </summary>
    public static class DeviceReport
    {
        /// <summary>HELLO: the device's MAC and how long it will still wait.</summary>
        /// <returns>Success, or the writer's failure (BufferTooSmall, BadParameter).</returns>
        public static TransferStatus WriteHello(byte[] buffer, int capacity, byte sequence, string macAddress, uint waitSeconds, out int written)
        {
            var w = new TransferFrameWriter(buffer, 0, capacity);
            w.Begin(TransferMessages.Hello, sequence);
            w.AddText(TransferFields.MacAddress, macAddress);
            w.AddUInt32(TransferFields.WaitSeconds, waitSeconds);
            return w.Finish(out written);
        }

        /// <summary>RECEIVED: the CLAIM with <paramref name="claimSequence"/> is accepted.</summary>
        public static TransferStatus WriteReceived(byte[] buffer, int capacity, byte claimSequence, out int written)
        {
            var w = new TransferFrameWriter(buffer, 0, capacity);
            w.Begin(TransferMessages.Received, claimSequence);
            return w.Finish(out written);
        }

        /// <summary>NACK or FAILED: a reason byte and a line of text (never a secret).</summary>
        /// <param name="type"><see cref="TransferMessages.Nack"/> (echoing the refused frame's sequence) or <see cref="TransferMessages.Failed"/>.</param>
        public static TransferStatus WriteReason(byte[] buffer, int capacity, byte type, byte sequence, byte reason, string detail, out int written)
        {
            var w = new TransferFrameWriter(buffer, 0, capacity);
            w.Begin(type, sequence);
            w.AddByte(TransferFields.Reason, reason);
            w.AddText(TransferFields.Detail, detail);
            return w.Finish(out written);
        }

        /// <summary>PROVISIONING: the step the device entered.</summary>
        public static TransferStatus WriteProvisioning(byte[] buffer, int capacity, byte sequence, string stepName, out int written)
        {
            var w = new TransferFrameWriter(buffer, 0, capacity);
            w.Begin(TransferMessages.Provisioning, sequence);
            w.AddText(TransferFields.Detail, stepName);
            return w.Finish(out written);
        }

        /// <summary>THING: the device is provisioned as <paramref name="thingName"/>.</summary>
        public static TransferStatus WriteThing(byte[] buffer, int capacity, byte sequence, string thingName, out int written)
        {
            var w = new TransferFrameWriter(buffer, 0, capacity);
            w.Begin(TransferMessages.Thing, sequence);
            w.AddText(TransferFields.ThingName, thingName);
            return w.Finish(out written);
        }
    }
}
