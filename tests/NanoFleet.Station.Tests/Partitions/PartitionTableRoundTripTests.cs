using System.Collections.Generic;
using NanoFleet.Station.Partitions;
using Xunit;

namespace NanoFleet.Station.Tests.Partitions
{
    public class PartitionTableRoundTripTests
    {
        [Fact]
        public void RepositoryTable_BinaryToCsvAndBack_IsIdentical()
        {
            var table = PartitionTable.Load(RepoFiles.PartitionsCsv);
            byte[] bin = table.ToBinary();
            var read = PartitionTable.FromBinary(bin);
            Assert.True(read.HasMd5);
            Assert.Equal(bin, read.ToBinary());
            Assert.Equal(bin, PartitionTable.ParseCsv(read.ToCsv(), "printed.csv").ToBinary());
        }

        [Fact]
        public void ToCsv_PrintsWhatGenEsp32PartPrints()
        {
            string csv = PartitionTable.FromBinary(PartitionTable.Load(RepoFiles.PartitionsCsv).ToBinary()).ToCsv();
            Assert.Equal(
                "# ESP-IDF Partition Table\n" +
                "# Name, Type, SubType, Offset, Size, Flags\n" +
                "nvs,data,nvs,0x9000,16K,\n" +
                "esp_secure_cert,63,6,0xd000,8K,encrypted\n" +
                "phy_init,data,phy,0xf000,4K,\n" +
                "factory,app,factory,0x10000,1856K,\n" +
                "deploy,data,132,0x1e0000,1792K,\n" +
                "config,data,littlefs,0x3c0000,240K,\n" +
                "nf_creds,data,192,0x3fc000,16K,encrypted\n",
                csv);
        }

        [Fact]
        public void AutomaticOffsets_AreAlignedByType()
        {
            var table = PartitionTable.ParseCsv(
                "nvs, data, nvs, , 0x5000\n" +
                "otadata, data, ota, , 8K\n" +
                "phy_init, data, phy, , 0x1000\n" +
                "ota_0, app, ota_0, , 1M\n" +
                "ota_1, app, ota_1, , 1M\n" +
                "store, data, spiffs, , -0x400000\n", "auto.csv");
            var expected = new (string, uint, uint)[]
            {
                ("nvs", 0x9000, 0x5000), ("otadata", 0xE000, 0x2000), ("phy_init", 0x10000, 0x1000),
                ("ota_0", 0x20000, 0x100000), ("ota_1", 0x120000, 0x100000), ("store", 0x220000, 0x1E0000),
            };
            var actual = new List<(string, uint, uint)>();
            foreach (var row in table.Rows) actual.Add((row.Name, row.Offset, row.Size));
            Assert.Equal(expected, actual);
        }

        [Theory]
        [InlineData("0x1000", 0x1000u)]
        [InlineData("4096", 0x1000u)]
        [InlineData("4K", 0x1000u)]
        [InlineData("4k", 0x1000u)]
        [InlineData("0x4K", 0x1000u)]
        [InlineData("1M", 0x100000u)]
        [InlineData("0b1_0000_0000_0000", 0x1000u)]
        [InlineData("0o10000", 0x1000u)]
        [InlineData("0X_1000", 0x1000u)]
        [InlineData("4_096", 0x1000u)]
        public void Sizes_ParseLikePythonIntWithSuffixes(string size, uint expected)
        {
            var table = PartitionTable.ParseCsv($"nvs, data, nvs, 0x9000, 0x3000\nx, data, fat, 0xC000, {size}\n", "n.csv");
            Assert.Equal(expected, table.Get("x").Size);
        }

        [Fact]
        public void Keywords_AreCaseInsensitive_AndFlagsCombine()
        {
            var row = PartitionTable.ParseCsv("NVS, DATA, NVS, 0x9000, 0x1000, readonly:encrypted\n", "k.csv").Get("NVS");
            Assert.Equal((1, 2), (row.Type, row.SubType));
            Assert.True(row.IsReadOnly && row.IsEncrypted);
            Assert.Equal(3u, (uint)row.Flags);
        }

        [Fact]
        public void BootloaderAndTableRows_ArePlacedByTheSettings()
        {
            var table = PartitionTable.ParseCsv(
                "bootloader, bootloader, primary, N/A, N/A\n" +
                "pt, partition_table, primary, N/A, N/A\n" +
                "nvs, data, nvs, , 0x6000\n", "bl.csv");
            Assert.Equal((0x1000u, 0x7000u), (table.Get("bootloader").Offset, table.Get("bootloader").Size));
            Assert.Equal((0x8000u, 0x1000u), (table.Get("pt").Offset, table.Get("pt").Size));
            Assert.Equal(0x9000u, table.Get("nvs").Offset);
        }

        [Fact]
        public void EnvironmentVariables_AreExpanded()
        {
            var options = new PartitionTableOptions { Variables = name => name == "NVS_SIZE" ? "0x6000" : null };
            Assert.Equal(0x6000u, PartitionTable.ParseCsv("nvs, data, nvs, 0x9000, ${NVS_SIZE}\n", "v.csv", options).Get("nvs").Size);
        }

        [Fact]
        public void DisableMd5_WritesNoMd5Row_AndReadsBack()
        {
            var table = PartitionTable.ParseCsv("nvs, data, nvs, 0x9000, 0x6000\n", "m.csv", new PartitionTableOptions { Md5 = false });
            byte[] bin = table.ToBinary();
            Assert.Equal(0xFF, bin[32]);
            Assert.False(PartitionTable.FromBinary(bin).HasMd5);
        }

        [Fact]
        public void FromBinary_AcceptsTheWholeSector()
        {
            byte[] bin = PartitionTable.Load(RepoFiles.PartitionsCsv).ToBinary();
            byte[] sector = new byte[0x1000];
            System.Array.Fill(sector, (byte)0xFF);
            bin.CopyTo(sector, 0);
            Assert.Equal(7, PartitionTable.FromBinary(sector).Rows.Count);
        }
    }
}
