namespace NanoFleet.Hal
{
    /// <summary>Restarts the device so it boots onto freshly persisted credentials.</summary>
    public interface IRebooter
    {
        /// <summary>Reboots. On a device this does not return; a host HAL may return and restart the runner.</summary>
        void Reboot();
    }
}
