using System;
using System.Collections.Generic;
using NanoFleet.Station.Rom;
using Xunit;

namespace NanoFleet.Station.Tests.Rom
{
    public class SlipTests
    {
        [Fact]
        public void Encode_EscapesC0AndDb_HappyPath()
        {
            byte[] frame = Slip.Encode(new byte[] { 0x01, 0xC0, 0x02, 0xDB, 0x03 }, 0, 5);
            Assert.Equal(new byte[] { 0xC0, 0x01, 0xDB, 0xDC, 0x02, 0xDB, 0xDD, 0x03, 0xC0 }, frame);
        }

        [Fact]
        public void Encode_BadParams()
        {
            Assert.Throws<ArgumentNullException>(() => Slip.Encode(null!, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => Slip.Encode(new byte[2], 1, 2));
        }

        [Fact]
        public void Decode_SkipsNoise_UnescapesFrame()
        {
            var decoder = new SlipDecoder();
            var packets = FeedAll(decoder, 0x55, 0x13, 0xC0, 0x01, 0xDB, 0xDC, 0xDB, 0xDD, 0xC0);
            Assert.Single(packets);
            Assert.Equal(new byte[] { 0x01, 0xC0, 0xDB }, packets[0]);
            Assert.Equal(2, decoder.NoiseBytes);
        }

        [Fact]
        public void Decode_BadEscape_DropsFrameAndRecovers()
        {
            var decoder = new SlipDecoder();
            var packets = FeedAll(decoder, 0xC0, 0x01, 0xDB, 0x42, 0x02, 0xC0, 0xC0, 0x07, 0xC0);
            Assert.Single(packets);
            Assert.Equal(new byte[] { 0x07 }, packets[0]);
            Assert.Equal(1, decoder.DroppedFrames);
        }

        [Fact]
        public void Decode_BoundedInput_OverlongFrameDropped()
        {
            var decoder = new SlipDecoder(16);
            var bytes = new List<byte> { 0xC0 };
            bytes.AddRange(new byte[17]);
            bytes.Add(0xC0);
            Assert.Empty(FeedAll(decoder, bytes.ToArray()));
            Assert.Equal(1, decoder.DroppedFrames);
        }

        [Fact]
        public void RoundTrip_EveryByteValue()
        {
            var packet = new byte[256];
            for (int i = 0; i < 256; i++)
            {
                packet[i] = (byte)i;
            }

            var packets = FeedAll(new SlipDecoder(), Slip.Encode(packet, 0, packet.Length));
            Assert.Equal(packet, Assert.Single(packets));
        }

        private static List<byte[]> FeedAll(SlipDecoder decoder, params byte[] bytes)
        {
            var packets = new List<byte[]>();
            foreach (byte b in bytes)
            {
                byte[]? p = decoder.Feed(b);
                if (p is not null)
                {
                    packets.Add(p);
                }
            }

            return packets;
        }
    }
}
