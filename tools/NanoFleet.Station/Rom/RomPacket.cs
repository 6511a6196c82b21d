using System;
using System.Buffers.Binary;

namespace NanoFleet.Station.Rom
{
    /// <summary>
    /// Encodes requests and decodes responses of the ROM loader protocol (before SLIP framing).
    /// Request: 00 | op | size u16 | checksum u32 | data. Response: 01 | op | size u16 | value u32 | data.
    /// </summary>
    public static class RomPacket
    {
        /// <summary>The data checksum: seed 0xEF XOR every byte. Only the *_DATA commands use it.</summary>
        public static uint Checksum(byte[] data, int offset, int count)
        {
            byte state = RomCommands.ChecksumSeed;
            for (int i = offset; i < offset + count; i++)
            {
                state ^= data[i];
            }

            return state;
        }

        /// <summary>Builds an unframed request packet.</summary>
        /// <exception cref="ArgumentException">The data does not fit the 16-bit size field.</exception>
        public static byte[] EncodeRequest(byte op, byte[] data, uint checksum)
        {
            ArgumentNullException.ThrowIfNull(data);
            if (data.Length > ushort.MaxValue)
            {
                throw new ArgumentException($"A ROM request carries at most 65535 data bytes, not {data.Length}.", nameof(data));
            }

            var packet = new byte[RomCommands.HeaderSize + data.Length];
            packet[0] = RomCommands.DirectionRequest;
            packet[1] = op;
            BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(2), (ushort)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(4), checksum);
            Array.Copy(data, 0, packet, RomCommands.HeaderSize, data.Length);
            return packet;
        }

        /// <summary>Builds an unframed response packet (the simulator's side).</summary>
        public static byte[] EncodeResponse(byte op, uint value, byte[] data)
        {
            ArgumentNullException.ThrowIfNull(data);
            var packet = new byte[RomCommands.HeaderSize + data.Length];
            packet[0] = RomCommands.DirectionResponse;
            packet[1] = op;
            BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(2), (ushort)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(4), value);
            Array.Copy(data, 0, packet, RomCommands.HeaderSize, data.Length);
            return packet;
        }

        /// <summary>Decodes a response; packets that are not well-formed responses are refused.</summary>
        /// <returns>True and the response, or false for a request, a short packet or a size mismatch.</returns>
        public static bool TryDecodeResponse(byte[] packet, out RomResponse response)
        {
            response = default;
            if (packet is null || packet.Length < RomCommands.HeaderSize || packet[0] != RomCommands.DirectionResponse)
            {
                return false;
            }

            int size = BinaryPrimitives.ReadUInt16LittleEndian(packet.AsSpan(2));
            if (size != packet.Length - RomCommands.HeaderSize)
            {
                return false;
            }

            response = new RomResponse(packet[1], BinaryPrimitives.ReadUInt32LittleEndian(packet.AsSpan(4)),
                packet.AsSpan(RomCommands.HeaderSize).ToArray());
            return true;
        }

        /// <summary>Decodes a request (the simulator's side).</summary>
        /// <returns>True and the request, or false for a response, a short packet or a size mismatch.</returns>
        public static bool TryDecodeRequest(byte[] packet, out RomRequest request)
        {
            request = default;
            if (packet is null || packet.Length < RomCommands.HeaderSize || packet[0] != RomCommands.DirectionRequest)
            {
                return false;
            }

            int size = BinaryPrimitives.ReadUInt16LittleEndian(packet.AsSpan(2));
            if (size != packet.Length - RomCommands.HeaderSize)
            {
                return false;
            }

            request = new RomRequest(packet[1], BinaryPrimitives.ReadUInt32LittleEndian(packet.AsSpan(4)),
                packet.AsSpan(RomCommands.HeaderSize).ToArray());
            return true;
        }

        /// <summary>Packs 32-bit words little-endian, as struct.pack("&lt;I…") does.</summary>
        public static byte[] Words(params uint[] words)
        {
            var data = new byte[words.Length * 4];
            for (int i = 0; i < words.Length; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(i * 4), words[i]);
            }

            return data;
        }
    }

    /// <summary>One decoded response: opcode, the value field (READ_REG's result) and data including status bytes.</summary>
    public readonly record struct RomResponse(byte Op, uint Value, byte[] Data);

    /// <summary>One decoded request: opcode, checksum field and data.</summary>
    public readonly record struct RomRequest(byte Op, uint Checksum, byte[] Data);
}
