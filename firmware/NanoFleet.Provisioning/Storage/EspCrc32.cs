namespace NanoFleet.Provisioning.Storage
{
    /// <summary>
    /// The ESP ROM's CRC-32 as esp_secure_cert and NVS use it: <c>esp_rom_crc32_le(UINT32_MAX, …)</c>,
    /// which equals Python's <c>zlib.crc32(data, 0xFFFFFFFF)</c>. Reflected polynomial 0xEDB88320,
    /// register starting at 0, output inverted. Check value CRC("123456789") = 0xD202D277 (not the
    /// 0xCBF43926 of plain CRC-32, whose register starts at 0xFFFFFFFF).
    /// </summary>
    public static class EspCrc32
    {
        /// <summary>The seed that <see cref="Compute"/> uses, as the ROM call passes it.</summary>
        public const uint Seed = 0xFFFFFFFF;

        private static readonly uint[] Table = BuildTable();

        /// <summary>CRC of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        /// <example><code>uint crc = EspCrc32.Compute(record, 0, 12 + length + padding);</code></example>
        public static uint Compute(byte[] data, int offset, int count) => Update(Seed, data, offset, count);

        /// <summary>
        /// <c>esp_rom_crc32_le(crc, data, count)</c>: continues a CRC, so
        /// <c>Update(Update(Seed, a), b)</c> equals <c>Compute(a + b)</c>.
        /// </summary>
        public static uint Update(uint crc, byte[] data, int offset, int count)
        {
            uint register = ~crc;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                register = Table[(register ^ data[i]) & 0xFF] ^ (register >> 8);
            }

            return ~register;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int bit = 0; bit < 8; bit++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
