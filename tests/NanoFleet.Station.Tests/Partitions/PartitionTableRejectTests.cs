using System;
using NanoFleet.Station.Partitions;
using Xunit;

namespace NanoFleet.Station.Tests.Partitions
{
    /// <summary>One test per gen_esp32part.py rule (and per NanoFleet's stricter ones): the error names file, line and column.</summary>
    public class PartitionTableRejectTests
    {
        private const string Nvs = "nvs, data, nvs, 0x9000, 0x6000\n";

        private static PartitionTableException Reject(string csv, PartitionTableOptions? options = null) =>
            Assert.Throws<PartitionTableException>(() => PartitionTable.ParseCsv(csv, "partitions.csv", options));

        private static void AssertAt(PartitionTableException error, int line, int column, string fragment)
        {
            Assert.Equal((line, column), (error.Line, error.Column));
            Assert.StartsWith($"partitions.csv:{line}:{column}: ", error.Message);
            Assert.Contains(fragment, error.Message);
        }

        [Fact]
        public void MisalignedDataOffset_NamesLineAndColumn()
        {
            var e = Reject("# table\n" + Nvs + "\nother, data, fat, 0x9100, 0x1000\n".Replace("0x9100", "0xF100"));
            AssertAt(e, 4, 19, "offset 0xf100 is not 0x1000-aligned for a data partition");
        }

        [Fact]
        public void MisalignedAppOffset() =>
            AssertAt(Reject(Nvs + "factory, app, factory, 0x18000, 1M\n"), 2, 24, "not 0x10000-aligned for an app partition");

        [Fact]
        public void MisalignedCustomTypeOffset() =>
            AssertAt(Reject(Nvs + "cert, 0x3F, , 0xF800, 0x2000\n"), 2, 15, "not 0x1000-aligned for a type 0x3F partition");

        [Fact]
        public void AppSizeNotSectorAligned() =>
            AssertAt(Reject(Nvs + "factory, app, factory, 0x10000, 0x1800\n"), 2, 33, "size 0x1800 is not 0x1000-aligned");

        [Fact]
        public void AppSizeNot64KAligned_UnderSecureBootV1() =>
            AssertAt(Reject(Nvs + "factory, app, factory, 0x10000, 0x11000\n", new PartitionTableOptions { Secure = SecureBootScheme.V1 }), 2, 33, "not 0x10000-aligned");

        [Fact]
        public void NameLongerThan15Bytes() =>
            AssertAt(Reject(Nvs + "a_very_long_label, data, fat, 0xF000, 0x1000\n"), 2, 1, "is 17 bytes");

        [Fact]
        public void EmptyName() => AssertAt(Reject(Nvs + " , data, fat, 0xF000, 0x1000\n"), 2, 2, "name is empty");

        [Fact]
        public void EmptyType() => AssertAt(Reject("nvs, , nvs, 0x9000, 0x6000\n"), 1, 6, "type field can't be left empty");

        [Fact]
        public void UnknownTypeName() => AssertAt(Reject("nvs, dta, nvs, 0x9000, 0x6000\n"), 1, 6, "type 'dta' is not valid");

        [Fact]
        public void TypeOutOfRange() => AssertAt(Reject(Nvs + "x, 0x100, 0, 0xF000, 0x1000\n"), 2, 4, "out of range");

        [Fact]
        public void AppWithEmptySubtype() => AssertAt(Reject(Nvs + "factory, app, , 0x10000, 1M\n"), 2, 15, "cannot have an empty subtype");

        [Fact]
        public void UnknownSubtypeName() => AssertAt(Reject("nvs, data, nvss, 0x9000, 0x6000\n"), 1, 12, "subtype 'nvss' is not valid for a data partition; known subtypes: ota, phy, nvs");

        [Fact]
        public void SubtypeNameOnCustomType() => AssertAt(Reject(Nvs + "cert, 0x3F, nvs, 0xF000, 0x2000\n"), 2, 13, "has no named subtypes");

        [Fact]
        public void SubtypeOutOfRange() => AssertAt(Reject(Nvs + "x, data, 0x1FF, 0xF000, 0x1000\n"), 2, 10, "out of range");

        [Theory]
        [InlineData("0x9k0")]
        [InlineData("010")]
        [InlineData("1__0")]
        [InlineData("0x")]
        [InlineData("nine")]
        public void OffsetNotANumber(string offset) => AssertAt(Reject($"nvs, data, nvs, {offset}, 0x6000\n"), 1, 17, $"offset '{offset}' is not a number");

        [Fact]
        public void EmptySize() => AssertAt(Reject("nvs, data, nvs, 0x9000,\n"), 1, 24, "size field can't be empty");

        [Fact]
        public void UnknownFlag() => AssertAt(Reject("nvs, data, nvs, 0x9000, 0x6000, encrypted:secret\n"), 1, 33, "unknown flag 'secret'");

        [Fact]
        public void TrailingCommentIsAnUnknownFlag() => AssertAt(Reject("nvs, data, nvs, 0x9000, 0x6000, # settings\n"), 1, 33, "unknown flag '# settings'");

        [Theory]
        [InlineData("ota")]
        [InlineData("coredump")]
        public void ReadOnlyOnAlwaysReadWriteSubtypes(string subtype)
        {
            string size = subtype == "ota" ? "0x2000" : "0x10000";
            string row = $"x, data, {subtype}, 0xF000, {size}, readonly";
            AssertAt(Reject($"{Nvs}{row}\n"), 2, row.IndexOf("readonly") + 1, "cannot be readonly");
        }

        [Fact]
        public void ReadWriteNvsBelowMinimum() => AssertAt(Reject("nvs, data, nvs, 0x9000, 0x2000\n"), 1, 25, "a read/write NVS needs at least 0x3000");

        [Fact]
        public void ReadOnlyNvsBelowOnePage() => AssertAt(Reject("nvs, data, nvs, 0x9000, 0x800, readonly\n"), 1, 25, "at least one 0x1000-byte page");

        [Fact]
        public void FirstPartitionOverlapsTable() => AssertAt(Reject("nvs, data, nvs, 0x8000, 0x6000\n"), 1, 17, "overlaps the partition table at 0x8000");

        [Fact]
        public void FixedOffsetBelowPreviousEnd() =>
            AssertAt(Reject("nvs, data, nvs, , 0x6000\ncert, 0x3F, , 0xD000, 0x2000\n"), 2, 15, "below the end of the previous partition (0xf000)");

        [Fact]
        public void NegativeSizeEndingBeforeOffset() => AssertAt(Reject("nvs, data, nvs, 0x9000, -0x8000\n"), 1, 25, "not after the offset");

        [Fact]
        public void ZeroSize() => AssertAt(Reject(Nvs + "x, data, fat, 0xF000, 0\n"), 2, 23, "size is 0");

        [Fact]
        public void DuplicateNames() => AssertAt(Reject(Nvs + "nvs, data, fat, 0xF000, 0x1000\n"), 2, 1, "'nvs' is used twice (first used on line 1)");

        [Fact]
        public void TwoOtaDataPartitions() =>
            AssertAt(Reject(Nvs + "otadata, data, ota, 0xF000, 0x2000\nota2, data, ota, 0x11000, 0x2000\n"), 3, 7, "second otadata");

        [Fact]
        public void OtaDataWrongSize() => AssertAt(Reject(Nvs + "otadata, data, ota, 0xF000, 0x1000\n"), 2, 29, "must be exactly 0x2000");

        [Fact]
        public void DoesNotFitFlash() =>
            AssertAt(Reject(Nvs + "big, data, fat, 0x10000, 4M\n", new PartitionTableOptions { FlashSize = 4 * 1024 * 1024 }), 2, 26, "past the end of the 4MB flash");

        [Fact]
        public void UnknownVariable() => AssertAt(Reject("nvs, data, nvs, $NVS_AT, 0x6000\n", new PartitionTableOptions { Variables = _ => null }), 1, 17, "unknown variable 'NVS_AT'");

        [Fact]
        public void TooManyPartitions()
        {
            var csv = new System.Text.StringBuilder(Nvs);
            for (int i = 0; i < 94; i++) csv.Append($"p{i}, data, fat, , 0x1000\n");
            var e = Reject(csv.ToString());
            Assert.Equal("partitions.csv: 95 partitions make a 3072-byte table; it must stay under 3072 bytes (0xC00) including the MD5 row", e.Message);
            PartitionTable.ParseCsv(csv.ToString(), "p.csv", new PartitionTableOptions { Md5 = false }); // 95 fit without the MD5 row
        }

        [Fact]
        public void Binary_BadMd5_IsAChecksumMismatch()
        {
            byte[] bin = PartitionTable.Load(RepoFiles.PartitionsCsv).ToBinary();
            bin[8] ^= 0x01; // nvs size
            var e = Assert.Throws<PartitionTableException>(() => PartitionTable.FromBinary(bin, "table.bin"));
            Assert.True(e.IsChecksumMismatch);
            Assert.StartsWith("table.bin: entry 8: MD5 checksums don't match", e.Message);
        }

        [Fact]
        public void Binary_BadMagic()
        {
            byte[] bin = PartitionTable.Load(RepoFiles.PartitionsCsv).ToBinary();
            bin[32] = 0x55;
            var e = Assert.Throws<PartitionTableException>(() => PartitionTable.FromBinary(bin, "table.bin"));
            Assert.Equal("table.bin: entry 2: bad magic 55 50 (expected AA 50): not a partition entry", e.Message);
            Assert.False(e.IsChecksumMismatch);
        }

        [Fact]
        public void Binary_NoEndMarker()
        {
            byte[] bin = PartitionTable.Load(RepoFiles.PartitionsCsv).ToBinary()[..(8 * 32)];
            Assert.Contains("no end marker", Assert.Throws<PartitionTableException>(() => PartitionTable.FromBinary(bin)).Message);
        }

        [Fact]
        public void Binary_LengthNotMultipleOf32()
        {
            byte[] bin = PartitionTable.Load(RepoFiles.PartitionsCsv).ToBinary()[..100];
            Assert.Contains("not a multiple of 32", Assert.Throws<PartitionTableException>(() => PartitionTable.FromBinary(bin)).Message);
        }

        [Fact]
        public void Binary_OverlappingRows()
        {
            var good = PartitionTable.ParseCsv(Nvs + "fat, data, fat, 0xF000, 0x1000\n", "o.csv", new PartitionTableOptions { Md5 = false }).ToBinary();
            BitConverter.GetBytes(0xE000u).CopyTo(good, 32 + 4); // move 'fat' into nvs's range
            var e = Assert.Throws<PartitionTableException>(() => PartitionTable.FromBinary(good, "t.bin"));
            Assert.Equal("t.bin: entry 2: 'fat' at 0xe000 overlaps 'nvs' at 0x9000-0xefff", e.Message);
        }

        [Fact]
        public void Binary_RowBelowTable()
        {
            var good = PartitionTable.ParseCsv(Nvs, "o.csv", new PartitionTableOptions { Md5 = false }).ToBinary();
            BitConverter.GetBytes(0x4000u).CopyTo(good, 4);
            Assert.Contains("below 0x9000", Assert.Throws<PartitionTableException>(() => PartitionTable.FromBinary(good)).Message);
        }
    }
}
