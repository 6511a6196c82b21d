using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Provisioning.Tests.Nano.Storage
{
    [TestClass]
    public class EspCrc32Tests
    {
        [TestMethod]
        public void Compute_CheckValue_IsTheRomVariant()
        {
            // zlib.crc32(b"123456789", 0xFFFFFFFF) == esp_rom_crc32_le(UINT32_MAX, …) == 0xD202D277
            Assert.AreEqual(0xD202D277u, EspCrc32.Compute(TestBytes.Ascii("123456789"), 0, 9));
        }

        [TestMethod]
        public void Compute_Empty_IsAllOnes()
        {
            Assert.AreEqual(0xFFFFFFFFu, EspCrc32.Compute(new byte[0], 0, 0));
        }

        [TestMethod]
        public void Update_Chains()
        {
            byte[] data = TestBytes.Ascii("123456789");
            Assert.AreEqual(EspCrc32.Compute(data, 0, 9), EspCrc32.Update(EspCrc32.Update(EspCrc32.Seed, data, 0, 4), data, 4, 5));
        }

        [TestMethod]
        public void Compute_HonoursOffsetAndCount()
        {
            byte[] framed = TestBytes.Ascii("xx123456789yy");
            Assert.AreEqual(0xD202D277u, EspCrc32.Compute(framed, 2, 9));
        }
    }
}
