using NanoFleet.Provisioning.Cbor;
using NanoFleet.Provisioning.Json;
using NanoFleet.Provisioning.Storage;
using Xunit;

namespace NanoFleet.Provisioning.Tests.Text
{
    /// <summary>
    /// Strings no nanoCLR string can be: a lone surrogate (the nanoCLR turns it into U+FFFD) and an
    /// embedded U+0000 (it ends a nanoCLR string). They cannot be built on the device, so these tests
    /// are host-only (moved out of Nano/, where they failed on the genuine nanoCLR); the core still
    /// refuses them here, where the station and the cloud run it, so nothing it writes is text a
    /// device could not read back whole.
    /// </summary>
    public class UnrepresentableTextTests
    {
        // Passed to the theories by index: xunit would turn a lone surrogate in a case argument into U+FFFD.
        private static readonly string[] Texts = { "\ud800", "a\udc00", "\udbff\ud800", "x\ud83d", "bad \udc00", "a\0b", "\0" };

        public static readonly TheoryData<int> Unrepresentable = new() { 0, 1, 2, 3, 4, 5, 6 };

        [Theory]
        [MemberData(nameof(Unrepresentable))]
        public void CborWriter_WriteTextString_IsInvalid(int index)
        {
            string text = Texts[index];
            var writer = new CborWriter(null, 0);
            writer.WriteTextString(text);
            Assert.False(writer.IsValid);
        }

        [Theory]
        [MemberData(nameof(Unrepresentable))]
        public void JsonWriter_WriteStringValue_IsInvalid(int index)
        {
            string text = Texts[index];
            var writer = new JsonWriter(null, 0);
            writer.WriteStringValue("ok");
            Assert.True(writer.IsValid);
            writer.WriteStringValue(text);
            Assert.False(writer.IsValid);
        }

        [Theory]
        [MemberData(nameof(Unrepresentable))]
        public void WriteRegisterThingRequest_ParameterKeyOrValue_BadParameter(int index)
        {
            string text = Texts[index];
            var buffer = new byte[256];
            var badKey = new StringMap();
            badKey.Set("k" + text, "v");
            var badValue = new StringMap();
            badValue.Set("k", text);
            foreach (FpFormat format in new[] { FpFormat.Json, FpFormat.Cbor })
            {
                Assert.Equal(FpStatus.BadParameter, FpPayloadWriter.WriteRegisterThingRequest(format, new byte[] { (byte)'t' }, badKey, buffer, 0, out int written));
                Assert.Equal(0, written);
                Assert.Equal(FpStatus.BadParameter, FpPayloadWriter.WriteRegisterThingRequest(format, new byte[] { (byte)'t' }, badValue, buffer, 0, out written));
            }
        }

        [Theory]
        [MemberData(nameof(Unrepresentable))]
        public void ClaimConfigCodec_Encode_ParameterValue_BadParameter(int index)
        {
            string text = Texts[index];
            var claim = new ProvisioningClaim { EndpointHost = "h", TemplateName = "t" };
            claim.Parameters.Set("x", text);
            Assert.Equal(FpStatus.BadParameter, ClaimConfigCodec.Encode(claim, out byte[]? data, out string error));
            Assert.Null(data);
            Assert.Contains("U+0000", error);
        }
    }
}
