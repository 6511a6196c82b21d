using NanoFleet.Hal;

namespace NanoFleet.Provisioning.Storage
{
    /// <summary>
    /// The power-safe device-credential store over the <c>nf_creds</c> partition: two A/B slots, each
    /// holding at most one record (header and bad-marker blocks, see <c>CredentialSlot</c>, plus a body,
    /// see <c>CredentialRecordCodec</c>). Every write is whole 32-byte blocks at block-aligned offsets
    /// onto erased flash, as an encrypted partition requires. Boot takes the valid record with the
    /// highest sequence number; a save always goes to the other slot, erasing it and writing its header
    /// block last, so a power cut at any instant leaves either the old record or the new one. A corrupt
    /// slot is logged (event <see cref="EventSlotCorrupt"/>, naming the slot and the reason) and ignored. The store only
    /// ever touches the region it was given, never the claim partition.
    /// </summary>
    /// <example>
    /// <code>
    /// var store = new DeviceCredentialStore(flash.Open("nf_creds"), log);
    /// var creds = new DeviceCredentials();
    /// if (store.Load(creds) == StoreStatus.NotFound) { /* provision with the claim */ }
    /// </code>
    /// </example>
    public sealed class DeviceCredentialStore : ICredentialStore
    {
        /// <summary>Log event: a slot holds something that is not a valid record (detail: "slot B: reason").</summary>
        public const string EventSlotCorrupt = "CredentialSlotCorrupt";

        /// <summary>Log event: a record was loaded.</summary>
        public const string EventLoaded = "CredentialRecordLoaded";

        /// <summary>Log event: no usable record (both slots empty or bad, or the newest marked bad).</summary>
        public const string EventNotFound = "CredentialRecordNotFound";

        /// <summary>Log event: a record was saved.</summary>
        public const string EventSaved = "CredentialRecordSaved";

        /// <summary>Log event: the current record was marked bad.</summary>
        public const string EventMarkedBad = "CredentialRecordMarkedBad";

        /// <summary>Log event: the flash refused an operation.</summary>
        public const string EventFlashError = "CredentialFlashError";

        private readonly IFlashRegion _region;
        private readonly ILogSink? _log;
        private readonly CredentialSlot[] _slots;

        /// <summary>Creates the store over <paramref name="region"/>, which is split into two slots of whole sectors.</summary>
        /// <param name="region">The device-credential partition (at least two sectors).</param>
        /// <param name="log">Where slot problems are reported; may be null.</param>
        /// <exception cref="System.ArgumentException">The region is null or smaller than two sectors.</exception>
        public DeviceCredentialStore(IFlashRegion region, ILogSink log)
        {
            if (region == null || region.SectorSize <= 0 || region.Size < 2 * region.SectorSize)
            {
                throw new System.ArgumentException("the credential partition must hold at least two sectors");
            }

            _region = region;
            _log = log;
            int slotSize = region.Size / 2 / region.SectorSize * region.SectorSize;
            _slots = new[] { new CredentialSlot(0, 0, slotSize), new CredentialSlot(1, slotSize, slotSize) };
        }

        /// <summary>Bytes per slot.</summary>
        public int SlotSize => _slots[0].Size;

        /// <summary>Largest encoded record body a slot takes.</summary>
        public int Capacity => _slots[0].Capacity;

        /// <inheritdoc />
        /// <returns>Success; NotFound when no slot holds a valid record or the newest is marked bad; Error when the flash cannot be read.</returns>
        public StoreStatus Load(DeviceCredentials credentials)
        {
            if (credentials == null) return StoreStatus.Error;
            var a = Scan(_slots[0]);
            var b = Scan(_slots[1]);
            if (a.State == SlotState.ReadError || b.State == SlotState.ReadError) return StoreStatus.Error;
            ReportCorrupt(a);
            ReportCorrupt(b);
            var newest = Newest(a, b);
            if (newest == null)
            {
                Log(LogLevel.Info, EventNotFound, "no valid record in slot A or B: not provisioned");
                return StoreStatus.NotFound;
            }

            if (newest.Revoked)
            {
                Log(LogLevel.Info, EventNotFound, "the newest record (slot " + newest.Slot.Name + ", sequence " + newest.Sequence + ") is marked bad");
                return StoreStatus.NotFound;
            }

            Copy(newest.Record, credentials);
            Log(LogLevel.Info, EventLoaded, "slot " + newest.Slot.Name + ", sequence " + newest.Sequence + ", " + credentials);
            return StoreStatus.Success;
        }

        /// <inheritdoc />
        /// <returns>Success, Incomplete (not written), TooLarge (not written) or Error (flash refused; the previous record is intact).</returns>
        public StoreStatus Save(DeviceCredentials credentials)
        {
            if (credentials == null || !credentials.IsComplete) return StoreStatus.Incomplete;
            string error;
            byte[]? body = CredentialRecordCodec.Encode(credentials, out error);
            if (body == null)
            {
                Log(LogLevel.Error, EventFlashError, "record not saved: " + error);
                return StoreStatus.Incomplete;
            }

            byte[] padded = CredentialSlot.Pad(body);
            if (padded.Length > Capacity) return StoreStatus.TooLarge;
            var a = Scan(_slots[0]);
            var b = Scan(_slots[1]);
            if (a.State == SlotState.ReadError || b.State == SlotState.ReadError) return StoreStatus.Error;
            var newest = Newest(a, b);
            var target = newest == null ? _slots[0] : _slots[1 - newest.Slot.Index];
            var previous = target.Index == 0 ? a : b;
            uint sequence = newest == null ? 1 : newest.Sequence + 1;

            if (!EraseSlot(target, previous) ||
                !Check(_region.Write(target.Offset + CredentialSlot.BodyOffset, padded, 0, padded.Length), "writing slot " + target.Name + "'s body"))
            {
                return StoreStatus.Error;
            }

            byte[] header = CredentialSlot.BuildHeader(sequence, body, body.Length); // the commit: until this lands the slot is ignored
            if (!Check(_region.Write(target.Offset + CredentialSlot.HeaderOffset, header, 0, header.Length), "writing slot " + target.Name + "'s header"))
            {
                return StoreStatus.Error;
            }

            Log(LogLevel.Info, EventSaved, "slot " + target.Name + ", sequence " + sequence + ", " + body.Length + " bytes, " + credentials);
            return StoreStatus.Success;
        }

        /// <inheritdoc />
        /// <returns>Success; NotFound when there is no current record (or it is already marked bad); Error when the flash refused.</returns>
        public StoreStatus MarkBad()
        {
            var a = Scan(_slots[0]);
            var b = Scan(_slots[1]);
            if (a.State == SlotState.ReadError || b.State == SlotState.ReadError) return StoreStatus.Error;
            var newest = Newest(a, b);
            if (newest == null || newest.Revoked) return StoreStatus.NotFound;
            // Each marker block is written once, whole, onto erased flash. A cut in the middle of marker A
            // leaves it neither erased nor a valid marker (the record still loads as good); on an encrypted
            // partition it cannot be rewritten, so a retry takes marker B.
            byte[] marker = CredentialSlot.BuildMarker(newest.Sequence);
            HalStatus status = HalStatus.Error;
            for (int m = 0; m < CredentialSlot.MarkerCount; m++)
            {
                status = _region.Write(newest.Slot.Offset + CredentialSlot.MarkerOffset + m * CredentialSlot.BlockSize, marker, 0, marker.Length);
                if (status != HalStatus.NotErased && status != HalStatus.VerifyFailed) break;
            }

            if (!Check(status, "marking slot " + newest.Slot.Name + " bad"))
            {
                return StoreStatus.Error;
            }

            Log(LogLevel.Warning, EventMarkedBad, "slot " + newest.Slot.Name + ", sequence " + newest.Sequence + ", " + newest.Record);
            return StoreStatus.Success;
        }

        /// <summary>
        /// Erases <paramref name="slot"/> sector by sector, the first (header) sector first so the old
        /// record stops being valid before anything else changes. A later sector is left alone when it
        /// is provably blank: <paramref name="previous"/>, the slot's content before this save, is a valid
        /// (committed) record that ends before that sector, so the save that wrote it had erased the
        /// sector to completion and nothing has programmed it since (marking bad writes only the first
        /// sector), and the sector still reads all 0xFF. An empty or corrupt slot says nothing about
        /// how its last erase ended (a cut erase can leave a sector that reads blank but is not
        /// reliably erased), so it is erased in full. On an encrypted partition an erased sector
        /// does not read as 0xFF, so there the slot is always erased in full.
        /// </summary>
        private bool EraseSlot(CredentialSlot slot, SlotReading previous)
        {
            int sector = _region.SectorSize;
            for (int at = 0; at < slot.Size; at += sector)
            {
                if (at > 0 && previous.State == SlotState.Valid && previous.Extent <= at && IsBlank(slot.Offset + at, sector)) continue;
                if (!Check(_region.Erase(slot.Offset + at, sector), "erasing slot " + slot.Name + " at +" + at)) return false;
            }

            return true;
        }

        private bool IsBlank(int offset, int count)
        {
            var chunk = new byte[256];
            for (int done = 0; done < count; done += chunk.Length)
            {
                int step = count - done < chunk.Length ? count - done : chunk.Length;
                if (_region.Read(offset + done, chunk, 0, step) != HalStatus.Success) return false;
                for (int i = 0; i < step; i++)
                {
                    if (chunk[i] != 0xFF) return false;
                }
            }

            return true;
        }

        private SlotReading Scan(CredentialSlot slot)
        {
            var r = new SlotReading(slot);
            var header = new byte[CredentialSlot.BodyOffset]; // the header block and the marker blocks
            if (_region.Read(slot.Offset, header, 0, header.Length) != HalStatus.Success) return r.Fail(SlotState.ReadError, "read failed");
            bool erased = true;
            for (int i = 0; i < CredentialSlot.BlockSize && erased; i++) erased = header[i] == 0xFF;
            if (erased) return r.Fail(SlotState.Empty, "empty");

            uint magic = LittleEndian.ReadUInt32(header, 0);
            if (magic != CredentialSlot.Magic) return r.Fail(SlotState.Corrupt, "bad magic " + LittleEndian.Hex(magic));
            uint storedHeaderCrc = LittleEndian.ReadUInt32(header, 28);
            uint headerCrc = EspCrc32.Compute(header, 0, 28);
            if (storedHeaderCrc != headerCrc)
            {
                return r.Fail(SlotState.Corrupt, "header CRC mismatch (stored " + LittleEndian.Hex(storedHeaderCrc) + ", computed " +
                    LittleEndian.Hex(headerCrc) + "): an interrupted save, damaged flash or an older format");
            }

            int version = LittleEndian.ReadUInt16(header, 4);
            if (version != CredentialSlot.Version || LittleEndian.ReadUInt16(header, 6) != CredentialSlot.BlockSize)
            {
                return r.Fail(SlotState.Corrupt, "format version " + version + "; this firmware reads version " + CredentialSlot.Version);
            }

            uint length = LittleEndian.ReadUInt32(header, 12);
            if (length > (uint)slot.Capacity) return r.Fail(SlotState.Corrupt, "body length " + length + " exceeds the slot's " + slot.Capacity + " bytes");
            var body = new byte[(int)length];
            if (_region.Read(slot.Offset + CredentialSlot.BodyOffset, body, 0, body.Length) != HalStatus.Success) return r.Fail(SlotState.ReadError, "read failed");
            uint storedBodyCrc = LittleEndian.ReadUInt32(header, 16);
            uint bodyCrc = EspCrc32.Compute(body, 0, body.Length);
            if (storedBodyCrc != bodyCrc)
            {
                return r.Fail(SlotState.Corrupt, "body CRC mismatch (stored " + LittleEndian.Hex(storedBodyCrc) + ", computed " + LittleEndian.Hex(bodyCrc) + ")");
            }

            string error;
            if (!CredentialRecordCodec.Decode(body, 0, body.Length, r.Record, out error)) return r.Fail(SlotState.Corrupt, "unreadable body: " + error);
            r.State = SlotState.Valid;
            r.Sequence = LittleEndian.ReadUInt32(header, 8);
            r.Extent = CredentialSlot.BodyOffset + CredentialSlot.Padded(body.Length);
            r.Revoked = false;
            for (int m = 0; m < CredentialSlot.MarkerCount; m++)
            {
                if (CredentialSlot.IsMarker(header, CredentialSlot.MarkerOffset + m * CredentialSlot.BlockSize, r.Sequence)) r.Revoked = true;
            }

            return r;
        }

        private static SlotReading? Newest(SlotReading a, SlotReading b)
        {
            bool aValid = a.State == SlotState.Valid;
            bool bValid = b.State == SlotState.Valid;
            if (aValid && bValid) return b.Sequence > a.Sequence ? b : a;
            return aValid ? a : bValid ? b : null;
        }

        private void ReportCorrupt(SlotReading r)
        {
            if (r.State == SlotState.Corrupt) Log(LogLevel.Warning, EventSlotCorrupt, "slot " + r.Slot.Name + ": " + r.Reason);
        }

        private bool Check(HalStatus status, string what)
        {
            if (status == HalStatus.Success) return true;
            Log(LogLevel.Error, EventFlashError, what + " failed (HAL status " + (int)status + ")");
            return false;
        }

        private void Log(LogLevel level, string eventName, string detail)
        {
            if (_log != null) _log.Log(level, eventName, detail);
        }

        private static void Copy(DeviceCredentials from, DeviceCredentials to)
        {
            to.CertificateId = from.CertificateId;
            to.CertificatePem = from.CertificatePem;
            to.PrivateKeyPem = from.PrivateKeyPem;
            to.ThingName = from.ThingName;
            to.TemplateName = from.TemplateName;
            to.ProvisionedAtUnixSeconds = from.ProvisionedAtUnixSeconds;
            to.DeviceConfiguration.Clear();
            for (int i = 0; i < from.DeviceConfiguration.Count; i++) to.DeviceConfiguration.Set(from.DeviceConfiguration.KeyAt(i), from.DeviceConfiguration.ValueAt(i));
        }

        private enum SlotState
        {
            ReadError = 0,
            Empty,
            Corrupt,
            Valid,
        }

        private sealed class SlotReading
        {
            public SlotReading(CredentialSlot slot) => Slot = slot;

            public CredentialSlot Slot { get; }
            public SlotState State;
            public string Reason = "";
            public uint Sequence;
            public bool Revoked;
            public int Extent; // bytes from the slot start that the record's blocks cover
            public DeviceCredentials Record = new DeviceCredentials();

            public SlotReading Fail(SlotState state, string reason)
            {
                State = state;
                Reason = reason;
                return this;
            }
        }
    }
}
