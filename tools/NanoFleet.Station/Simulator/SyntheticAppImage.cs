using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace NanoFleet.Station.Simulator
{
    /// <summary>
    /// Builds a well-formed ESP32 app image (header, esp_app_desc_t, segments, checksum, SHA-256) whose
    /// bytes compress like firmware does (zlib ≈ 60% of the original, as esptool reports for typical
    /// ESP-IDF apps), for the simulator, tests, benches and demos when no real nanoCLR build is at hand.
    /// </summary>
    public static class SyntheticAppImage
    {
        /// <summary>Builds an image of about <paramref name="size"/> bytes.</summary>
        /// <param name="size">Approximate total size, at least 1 KB.</param>
        /// <param name="seed">Content seed; the same seed gives the same bytes.</param>
        /// <param name="chipId">chip_id in the header (ESP32 = 0).</param>
        /// <param name="projectName">esp_app_desc_t project_name.</param>
        public static byte[] Build(int size, int seed = 1, ushort chipId = 0, string projectName = "nanoCLR")
        {
            if (size < 1024)
            {
                throw new ArgumentOutOfRangeException(nameof(size), "An app image needs at least 1 KB.");
            }

            var random = new Random(seed);
            int segmentData = (size - 24 - 16 - 32 - 16) / 2 / 4 * 4;
            byte[] first = Content(segmentData, random);
            Descriptor(projectName).CopyTo(first, 0);
            byte[] second = Content(segmentData, random);

            int body = 24 + 8 + first.Length + 8 + second.Length;
            int checksumAt = (body + 16) / 16 * 16 - 1;
            var image = new byte[checksumAt + 1 + 32];
            image[0] = 0xE9;
            image[1] = 2;
            image[2] = 2; // DIO
            image[3] = 0x20; // 4 MB, 40 MHz
            BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(4), 0x40081000);
            image[8] = 0xEE;
            BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(12), chipId);
            BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(17), 0xFFFF);
            image[23] = 1;

            int at = 24;
            byte checksum = 0xEF;
            foreach ((uint address, byte[] data) in new[] { (0x3F400020u, first), (0x400D0020u, second) })
            {
                BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(at), address);
                BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(at + 4), (uint)data.Length);
                data.CopyTo(image, at + 8);
                foreach (byte b in data)
                {
                    checksum ^= b;
                }

                at += 8 + data.Length;
            }

            image[checksumAt] = checksum;
            SHA256.HashData(image.AsSpan(0, checksumAt + 1)).CopyTo(image, checksumAt + 1);
            return image;
        }

        // Machine code is part repetitive (prologues, literal pools, string tables) and part dense;
        // alternating short random runs with runs drawn from a small dictionary lands near 60%.
        private static byte[] Content(int length, Random random)
        {
            var data = new byte[length];
            var dictionary = new byte[4096];
            random.NextBytes(dictionary);
            int i = 0;
            while (i < length)
            {
                int run = Math.Min(length - i, 8 + random.Next(24));
                if (random.Next(100) < 45)
                {
                    random.NextBytes(data.AsSpan(i, run));
                }
                else
                {
                    int from = random.Next(dictionary.Length - run);
                    dictionary.AsSpan(from, run).CopyTo(data.AsSpan(i));
                }

                i += run;
            }

            return data;
        }

        private static byte[] Descriptor(string projectName)
        {
            var desc = new byte[256];
            BinaryPrimitives.WriteUInt32LittleEndian(desc, 0xABCD5432);
            Encoding.ASCII.GetBytes("1.17.11").CopyTo(desc, 16);
            Encoding.ASCII.GetBytes(projectName.Length > 31 ? projectName[..31] : projectName).CopyTo(desc, 48);
            Encoding.ASCII.GetBytes("00:00:00").CopyTo(desc, 80);
            Encoding.ASCII.GetBytes("Jan  1 2026").CopyTo(desc, 96);
            Encoding.ASCII.GetBytes("v5.2").CopyTo(desc, 112);
            return desc;
        }
    }
}
