using System;
using System.CommandLine;
using System.Globalization;
using NanoFleet.Station.Partitions;

namespace NanoFleet.Cli.Commands
{
    /// <summary>The gen_esp32part.py settings shared by the `partitions` subcommands.</summary>
    internal sealed class PartitionOptions
    {
        public Option<string> FlashSize { get; } = new("--flash-size")
        {
            Description = "Flash size the table must fit (gen_esp32part.py --flash-size); 'none' skips the check.",
            DefaultValueFactory = _ => "4MB",
        };

        public Option<string> Offset { get; } = new("--offset")
        {
            Description = "Partition-table offset (CONFIG_PARTITION_TABLE_OFFSET).",
            DefaultValueFactory = _ => "0x8000",
        };

        public Option<string?> Secure { get; } = new("--secure")
        {
            Description = "Secure boot scheme: v1 aligns app sizes to 64K, v2 to 4K.",
        };

        public Option<bool> DisableMd5 { get; } = new("--disable-md5sum")
        {
            Description = "Leave out the MD5 row (gen_esp32part.py --disable-md5sum).",
        };

        public PartitionOptions()
        {
            FlashSize.AcceptOnlyFromAmong("1MB", "2MB", "4MB", "8MB", "16MB", "32MB", "64MB", "128MB", "none");
            Secure.AcceptOnlyFromAmong("v1", "v2");
        }

        public void AddTo(Command command)
        {
            command.Add(FlashSize);
            command.Add(Offset);
            command.Add(Secure);
            command.Add(DisableMd5);
        }

        public PartitionTableOptions Read(ParseResult result)
        {
            string flash = result.GetValue(FlashSize) ?? "none";
            string offsetText = result.GetValue(Offset) ?? "0x8000";
            bool hex = offsetText.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
            if (!uint.TryParse(hex ? offsetText[2..] : offsetText, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out uint offset) || offset % 0x1000 != 0)
            {
                throw new FormatException($"--offset {offsetText} is not a 0x1000-aligned address");
            }

            return new PartitionTableOptions
            {
                TableOffset = offset,
                FlashSize = flash == "none" ? null : uint.Parse(flash[..^2], CultureInfo.InvariantCulture) * 1024u * 1024u,
                Secure = result.GetValue(Secure) switch { "v1" => SecureBootScheme.V1, "v2" => SecureBootScheme.V2, _ => SecureBootScheme.None },
                Md5 = !result.GetValue(DisableMd5),
            };
        }
    }
}
