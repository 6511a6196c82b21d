using System;

namespace NanoFleet.Station.Records
{
    /// <summary>
    /// One device handled by the station: who, when, which chip, what was written, and how it ended.
    /// Never holds key material: the claim certificate is named by its SHA-256 fingerprint.
    /// </summary>
    public sealed record DeviceRecord
    {
        /// <summary>Row id.</summary>
        public long Id { get; init; }

        /// <summary>Station name (host name unless given).</summary>
        public string Station { get; init; } = "";

        /// <summary>Operator name.</summary>
        public string Operator { get; init; } = "";

        /// <summary>Serial port the device was on.</summary>
        public string Port { get; init; } = "";

        /// <summary>When handling started (UTC).</summary>
        public DateTimeOffset StartedUtc { get; init; }

        /// <summary>When it ended (UTC); null while in progress.</summary>
        public DateTimeOffset? FinishedUtc { get; init; }

        /// <summary>MAC, aa:bb:cc:dd:ee:ff; empty when the chip never answered.</summary>
        public string Mac { get; init; } = "";

        /// <summary>Chip name.</summary>
        public string Chip { get; init; } = "";

        /// <summary>Chip revision, major×100 + minor; -1 when unknown.</summary>
        public int ChipRevision { get; init; } = -1;

        /// <summary>Serial number allocated to the device; empty when none was.</summary>
        public string Serial { get; init; } = "";

        /// <summary>SHA-256 of the claim certificate in the claim image.</summary>
        public string ClaimCertSha256 { get; init; } = "";

        /// <summary>Images written, "name=sha256;…".</summary>
        public string ImageSha256s { get; init; } = "";

        /// <summary>How it ended.</summary>
        public DeviceResult Result { get; init; }

        /// <summary>Why it failed.</summary>
        public FailureCause Cause { get; init; }

        /// <summary>The one-line error, when it failed.</summary>
        public string Error { get; init; } = "";

        /// <summary>The station run that handled it (its lease decides when an unfinished row is interrupted); 0 for rows older than leases.</summary>
        public long RunId { get; init; }
    }

    /// <summary>How handling a device ended.</summary>
    public enum DeviceResult
    {
        /// <summary>Started and not finished: the station was killed if this is seen after a restart.</summary>
        InProgress = 0,

        /// <summary>Flashed and verified.</summary>
        Ok = 1,

        /// <summary>Failed; see <see cref="FailureCause"/>.</summary>
        Failed = 2,

        /// <summary>Refused before anything was written (already provisioned, wrong chip).</summary>
        Refused = 3,
    }

    /// <summary>Why a device failed, for `station report`.</summary>
    public enum FailureCause
    {
        /// <summary>No failure.</summary>
        None = 0,

        /// <summary>No answer from the ROM loader.</summary>
        Connect,

        /// <summary>Not an ESP32, or a revision the firmware does not support.</summary>
        WrongChip,

        /// <summary>Already provisioned by any station sharing the record store (and no --reflash).</summary>
        AlreadyProvisioned,

        /// <summary>An image failed its checks.</summary>
        BadImage,

        /// <summary>A write failed after retries (link faults, ROM errors, unplugged).</summary>
        Write,

        /// <summary>The chip's MD5 did not match the image.</summary>
        Verify,

        /// <summary>The station stopped (killed) while handling the device.</summary>
        Interrupted,

        /// <summary>The record store failed (connection lost) while handling the device: it was not flashed to the end, or its outcome could not be recorded.</summary>
        RecordStore,
    }
}
