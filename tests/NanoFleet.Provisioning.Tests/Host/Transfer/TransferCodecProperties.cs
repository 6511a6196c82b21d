using System;
using CsCheck;
using NanoFleet.Hal;
using NanoFleet.Provisioning.Transfer;
using Xunit;

namespace NanoFleet.Provisioning.Tests.Transfer
{
    /// <summary>
    /// The claim-transfer codec on arbitrary input: every claim round-trips, and corrupted,
    /// truncated or random bytes always come back as a clean status (never an exception, never a
    /// consumed count outside the input, never a frame where none was sent).
    /// </summary>
    public class TransferCodecProperties
    {
        private const int Iterations = 500;

        private static readonly Gen<TemporaryClaim> Claims =
            Gen.Select(Gen.Byte.Array[1, 3000], Gen.Byte.Array[1, 2000], Gen.String[Gen.Char['a', 'z'], 1, 36], Gen.Long, Gen.OneOf(Gen.Const(""), Gen.Const("127.0.0.1:8883"), Gen.Const("iot.example:443")))
                .Select((cert, key, template, expires, endpoint) => new TemporaryClaim
                {
                    CertificatePem = cert, PrivateKeyPem = key, TemplateName = template, ExpiresUnixSeconds = expires, Endpoint = endpoint,
                });

        [Fact]
        public void Claim_RoundTrips()
        {
            Claims.Sample(sent =>
            {
                var frame = ReadOne(Write(sent), out TransferStatus status);
                Assert.Equal(TransferStatus.Success, status);
                var got = new TemporaryClaim();
                Assert.Equal(TransferStatus.Success, ClaimMessage.Read(frame, got, out string error));
                Assert.Equal("", error);
                Assert.Equal(sent.CertificatePem, got.CertificatePem);
                Assert.Equal(sent.PrivateKeyPem, got.PrivateKeyPem);
                Assert.Equal(sent.TemplateName, got.TemplateName);
                Assert.Equal(sent.ExpiresUnixSeconds, got.ExpiresUnixSeconds);
                Assert.Equal(sent.Endpoint, got.Endpoint);
            }, iter: Iterations);
        }

        [Fact]
        public void Claim_AnyChangedByte_IsRefused()
        {
            Gen.Select(Claims, Gen.Int, Gen.Byte[1, 255]).Sample((claim, at, flip) =>
            {
                byte[] wire = Write(claim);
                wire[(int)((uint)at % wire.Length)] ^= flip;
                ReadOne(wire, out TransferStatus status);
                Assert.NotEqual(TransferStatus.Success, status);
            }, iter: Iterations);
        }

        [Fact]
        public void Claim_AnyTruncation_NeedsMoreData()
        {
            Gen.Select(Claims, Gen.Int).Sample((claim, cut) =>
            {
                byte[] wire = Write(claim);
                int length = (int)((uint)cut % wire.Length);
                Assert.Equal(TransferStatus.NeedMoreData, TransferFrameReader.Read(wire, 0, length, new TransferFrame(), out int consumed));
                Assert.Equal(0, consumed);
            }, iter: Iterations);
        }

        [Fact]
        public void RandomBytes_AlwaysEndInACleanStatus()
        {
            Gen.Byte.Array[0, 400].Sample(noise =>
            {
                int offset = 0;
                var frame = new TransferFrame();
                while (true)
                {
                    TransferStatus status = TransferFrameReader.Read(noise, offset, noise.Length - offset, frame, out int consumed);
                    Assert.InRange(consumed, 0, noise.Length - offset);
                    Assert.Contains(status, new[] { TransferStatus.Success, TransferStatus.NeedMoreData, TransferStatus.BadCrc, TransferStatus.BadLength, TransferStatus.BadPayload });
                    offset += consumed;
                    if (status == TransferStatus.NeedMoreData)
                    {
                        break;
                    }

                    Assert.True(consumed > 0, "a refused frame must be stepped over");
                }
            }, iter: Iterations);
        }

        [Fact]
        public void Receiver_FindsTheFrameAfterNoiseWhateverTheChunking()
        {
            Gen.Select(Claims, Gen.Byte.Array[0, 300], Gen.Int[1, 700]).Sample((claim, noise, chunk) =>
            {
                byte[] wire = Write(claim);
                var stream = new byte[noise.Length + wire.Length];
                noise.CopyTo(stream, 0);
                wire.CopyTo(stream, noise.Length);
                var line = new ChunkedLine(stream, chunk);
                var receiver = new TransferReceiver(new byte[TransferFrame.MaxFrameLength]);
                var frame = new TransferFrame();
                bool found = false;
                while (!found && receiver.Receive(line, 0) > 0)
                {
                    TransferStatus status;
                    while ((status = receiver.Next(frame)) != TransferStatus.NeedMoreData)
                    {
                        found |= status == TransferStatus.Success && frame.Type == TransferMessages.Claim && frame.PayloadLength == wire.Length - 10;
                    }
                }

                Assert.True(found);
            }, iter: Iterations);
        }

        private static byte[] Write(TemporaryClaim claim)
        {
            var buffer = new byte[TransferFrame.MaxFrameLength];
            Assert.Equal(TransferStatus.Success, ClaimMessage.Write(buffer, 0, buffer.Length, 1, claim, out int written));
            return buffer.AsSpan(0, written).ToArray();
        }

        private static TransferFrame ReadOne(byte[] wire, out TransferStatus status)
        {
            var frame = new TransferFrame();
            status = TransferFrameReader.Read(wire, 0, wire.Length, frame, out int consumed);
            Assert.InRange(consumed, 0, wire.Length);
            return frame;
        }

        private sealed class ChunkedLine(byte[] data, int chunk) : ISerialLine
        {
            private int _at;

            public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
            {
                int n = Math.Min(Math.Min(chunk, count), data.Length - _at);
                Array.Copy(data, _at, buffer, offset, n);
                _at += n;
                return n;
            }

            public HalStatus Write(byte[] buffer, int offset, int count) => HalStatus.Success;
        }
    }
}
