using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using NanoFleet.Provisioning.Cbor;
using NanoFleet.Provisioning.Json;
using Xunit;
using Xunit.Abstractions;

namespace NanoFleet.Provisioning.Tests.Codecs
{
    /// <summary>
    /// Random and mutated payloads never make the readers throw, always end in Success or a filled
    /// error, and never allocate more than <see cref="AllocationBound"/>: 4 bytes per input byte
    /// (a decoded string costs 2 bytes per char, and the shared scratch array as much again when it
    /// has to grow) plus a fixed 16 KB that covers per-string headers for the at most
    /// <see cref="FpReaderOptions.MaxMapEntries"/> map entries, the map lists and the reader itself.
    /// </summary>
    public class CodecRobustnessProperties
    {
        private const int Iterations = 2000;
        private readonly ITestOutputHelper _output;

        public CodecRobustnessProperties(ITestOutputHelper output)
        {
            _output = output;
            // Warm up: JIT and static initialisers allocate once, and are not the reader's doing.
            foreach (FpFormat format in new[] { FpFormat.Json, FpFormat.Cbor })
            {
                Measure(format, new byte[] { 0x7B, 0x7D });
            }
        }

        /// <summary>The allocation ceiling for a payload of <paramref name="count"/> bytes.</summary>
        public static long AllocationBound(int count) => (4L * count) + (16 * 1024);

        [Theory]
        [InlineData(FpFormat.Json)]
        [InlineData(FpFormat.Cbor)]
        public void RandomBytes_NeverThrowAndStayBounded(FpFormat format)
        {
            double worst = 0;
            Gen.Byte.Array[0, 3000].Sample(payload => worst = Math.Max(worst, Measure(format, payload)), iter: Iterations, threads: 1);
            _output.WriteLine($"{format}: worst allocation {worst:F2} of the bound");
        }

        /// <summary>Random bytes drawn from the format's own alphabet reach far deeper into the grammar than uniform bytes.</summary>
        [Fact]
        public void RandomJsonishText_NeverThrowsAndStaysBounded()
        {
            var tokens = Gen.OneOf(Gen.Const("{"), Gen.Const("}"), Gen.Const("["), Gen.Const("]"), Gen.Const(","), Gen.Const(":"), Gen.Const("\""),
                Gen.Const("\\"), Gen.Const("\\u"), Gen.Const("d83d"), Gen.Const("\\ude00"), Gen.Const("1"), Gen.Const("-"), Gen.Const("e"), Gen.Const("."),
                Gen.Const("true"), Gen.Const("null"), Gen.Const(" "), Gen.Const("\"thingName\""), Gen.Const("\"deviceConfiguration\""), Gen.Const("\"a\""),
                Gen.Const("\"statusCode\""), Gen.Const("\"errorCode\""), Gen.Const("\u00e9"), Gen.Const("\n"));
            double worst = 0;
            tokens.Array[0, 400].Select(parts => TestBytes.Utf8Of(string.Concat(parts)))
                .Sample(payload => worst = Math.Max(worst, Measure(FpFormat.Json, payload)), iter: Iterations, threads: 1);
            _output.WriteLine($"worst allocation {worst:F2} of the bound");
        }

        [Theory]
        [InlineData(FpFormat.Json)]
        [InlineData(FpFormat.Cbor)]
        public void MutatedValidPayloads_NeverThrowAndStayBounded(FpFormat format)
        {
            var valid = Gen.Select(CodecGen.Text(1, 40), CodecGen.Map(8), Gen.Int, Gen.Bool).Select((text, map, number, variant) =>
            {
                var members = new List<KeyValuePair<string, object>>
                {
                    new(FpPayloadKeys.ThingName, text), new(FpPayloadKeys.DeviceConfiguration, map), new(FpPayloadKeys.StatusCode, number),
                    new(FpPayloadKeys.ErrorCode, text), new(FpPayloadKeys.CertificateId, text), new(FpPayloadKeys.CertificatePem, text),
                    new(FpPayloadKeys.PrivateKey, text), new(FpPayloadKeys.CertificateOwnershipToken, text),
                };
                return format == FpFormat.Json ? ReferenceEncoders.Json(members, variant) : ReferenceEncoders.Cbor(members, variant);
            });
            double worst = 0;
            CodecGen.Mutated(valid).Sample(payload => worst = Math.Max(worst, Measure(format, payload)), iter: Iterations, threads: 1);
            _output.WriteLine($"{format}: worst allocation {worst:F2} of the bound");
        }

        /// <summary>
        /// The worst case for allocation: a payload made only of tiny deviceConfiguration entries,
        /// each costing two strings. The entry cap keeps it under the bound.
        /// </summary>
        [Theory]
        [InlineData(FpFormat.Json)]
        [InlineData(FpFormat.Cbor)]
        public void TinyMapEntries_StayBounded(FpFormat format)
        {
            foreach (int entries in new[] { 10, 64, 65, 1500 })
            {
                var map = Enumerable.Range(0, entries).Select(i => new KeyValuePair<string, string>(i.ToString("x"), "v")).ToList();
                var members = new List<KeyValuePair<string, object>> { new(FpPayloadKeys.ThingName, "t"), new(FpPayloadKeys.DeviceConfiguration, map) };
                byte[] payload = format == FpFormat.Json ? ReferenceEncoders.Json(members, false) : ReferenceEncoders.Cbor(members, false);
                double share = Measure(format, payload);
                _output.WriteLine($"{format} {entries} entries, {payload.Length} bytes: {share:F2} of the bound");
            }
        }

        /// <summary>The low-level readers on their own: any bytes, walked to the end, never throw.</summary>
        [Fact]
        public void LowLevelReaders_NeverThrow()
        {
            Gen.Byte.Array[0, 500].Sample(payload =>
            {
                var json = new JsonReader(payload, 0, payload.Length, 16);
                while (json.Read())
                {
                    json.TryGetString(out _);
                    json.TryGetInt32(out _);
                }

                for (int mode = 0; mode < 3; mode++)
                {
                    var cbor = new CborReader(payload, 0, payload.Length, (CborConformanceMode)mode, 16);
                    if (cbor.SkipValue())
                    {
                        cbor.ReadEndOfInput();
                    }

                    Assert.True(cbor.ErrorKind != FpReadErrorKind.None || cbor.PeekState() == CborReaderState.Finished);
                }
            }, iter: Iterations, threads: 1);
        }

        /// <summary>Runs all three readers on the payload; returns the largest allocation as a share of the bound.</summary>
        private static double Measure(FpFormat format, byte[] payload)
        {
            var error = new FpReadError();
            var create = new CreateCertificateAccepted();
            var register = new RegisterThingAccepted();
            var rejected = new ErrorResponse();
            double worst = 0;
            for (int reader = 0; reader < 3; reader++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                FpStatus status = reader switch
                {
                    0 => FpPayloadReader.ReadCreateCertificateAccepted(format, payload, 0, payload.Length, FpReaderOptions.Default, true, create, error),
                    1 => FpPayloadReader.ReadRegisterThingAccepted(format, payload, 0, payload.Length, FpReaderOptions.Default, register, error),
                    _ => FpPayloadReader.ReadErrorResponse(format, payload, 0, payload.Length, FpReaderOptions.Default, rejected, error),
                };
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.True(status == FpStatus.Success || status == FpStatus.BadParameter, $"status {status}");
                Assert.Equal(status == FpStatus.Success, error.Kind == FpReadErrorKind.None);
                Assert.True(allocated <= AllocationBound(payload.Length), $"reader {reader} allocated {allocated} bytes for {payload.Length} input bytes");
                worst = Math.Max(worst, (double)allocated / AllocationBound(payload.Length));
            }

            return worst;
        }
    }
}
