using System.Runtime.CompilerServices;

namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// The interop surface of the custom nanoCLR (hal/NanoFleet.Hal.Esp32/native): partition access by
    /// label over esp_partition_*, and the flash-encryption state. The native side checks bounds,
    /// alignment and the NOR rules and verifies every write by reading back; results are
    /// nf_flash_status numbers, which equal <see cref="HalStatus"/> values.
    /// </summary>
    internal static class NativeFlash
    {
        /// <summary>Slots of the geometry array <see cref="NativeOpen"/> fills.</summary>
        internal const int GeometrySize = 0;
        internal const int GeometryEraseSize = 1;
        internal const int GeometryEncrypted = 2;
        internal const int GeometryLength = 3;

        /// <summary>Finds the partition; on success fills size, erase size and encrypted (0/1).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int NativeOpen(string label, int[] geometry);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int NativeRead(string label, int offset, byte[] buffer, int bufferOffset, int count);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int NativeErase(string label, int offset, int count);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int NativeWrite(string label, int offset, byte[] data, int dataOffset, int count);

        /// <summary>0 disabled, 1 development, 2 release (esp_get_flash_encryption_mode).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int NativeFlashEncryptionMode();

        /// <summary>The claim-key policy verdict (<see cref="ClaimProtection"/> numbers).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int NativeAssessClaimProtection(string label, bool releaseBuild, bool allowUnencryptedClaim);

        /// <summary>Maps an nf_flash_status number; anything unknown is an error, never a success.</summary>
        internal static HalStatus ToHalStatus(int status)
        {
            switch (status)
            {
                case 1: return HalStatus.Success;
                case 2: return HalStatus.BadParameter;
                case 3: return HalStatus.OutOfBounds;
                case 4: return HalStatus.Misaligned;
                case 5: return HalStatus.NotErased;
                case 6: return HalStatus.VerifyFailed;
                case 7: return HalStatus.NotFound;
                default: return HalStatus.Error;
            }
        }
    }
}
