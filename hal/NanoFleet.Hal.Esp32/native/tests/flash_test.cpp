// The partition logic against a fake NOR flash: every status nf_flash_* can return, and proof that a
// rejected call leaves the flash untouched.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "fake_nor_partition.h"
#include "nanofleet_flash.h"

namespace
{
constexpr uint32_t kSector = 4096;

class FlashTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        flash.Add("nf_creds", 2 * kSector);
        flash.Add("esp_secure_cert", 2 * kSector, kSector, /*encrypted*/ true);
        ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_open(flash.Ops(), "nf_creds", &plain));
        ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_open(flash.Ops(), "esp_secure_cert", &encrypted));
    }

    static std::vector<uint8_t> Pattern(size_t count, uint8_t seed)
    {
        std::vector<uint8_t> data(count);
        for (size_t i = 0; i < count; i++)
        {
            data[i] = static_cast<uint8_t>(seed + i * 7);
        }

        return data;
    }

    FakeNorFlash flash;
    nf_partition plain{};
    nf_partition encrypted{};
};
}  // namespace

TEST(FlashRange, RangeValid_BadParams)
{
    EXPECT_FALSE(nf_flash_range_valid(-1, 0, 0));
    EXPECT_FALSE(nf_flash_range_valid(10, -1, 1));
    EXPECT_FALSE(nf_flash_range_valid(10, 0, -1));
}

TEST(FlashRange, RangeValid_EdgesAndOverflow)
{
    EXPECT_TRUE(nf_flash_range_valid(10, 0, 10));
    EXPECT_TRUE(nf_flash_range_valid(10, 10, 0));
    EXPECT_FALSE(nf_flash_range_valid(10, 1, 10));
    EXPECT_FALSE(nf_flash_range_valid(10, INT32_MAX, INT32_MAX));  // would wrap in 32 bits
}

TEST_F(FlashTest, Open_FindsPartitionAndReportsGeometry)
{
    EXPECT_EQ(2 * kSector, plain.size);
    EXPECT_EQ(kSector, plain.erase_size);
    EXPECT_FALSE(plain.encrypted);
    EXPECT_TRUE(encrypted.encrypted);
}

TEST_F(FlashTest, Open_MissingPartition)
{
    nf_partition p;
    EXPECT_EQ(NF_FLASH_NOT_FOUND, nf_flash_open(flash.Ops(), "nvs", &p));
}

TEST_F(FlashTest, Open_BadParams)
{
    nf_partition p;
    EXPECT_EQ(NF_FLASH_BAD_PARAMETER, nf_flash_open(flash.Ops(), nullptr, &p));
    EXPECT_EQ(NF_FLASH_BAD_PARAMETER, nf_flash_open(flash.Ops(), "", &p));
    EXPECT_EQ(NF_FLASH_BAD_PARAMETER, nf_flash_open(flash.Ops(), "sixteen_chars_xx", &p));  // table names hold 15
    EXPECT_EQ(NF_FLASH_BAD_PARAMETER, nf_flash_open(nullptr, "nf_creds", &p));
    EXPECT_EQ(NF_FLASH_BAD_PARAMETER, nf_flash_open(flash.Ops(), "nf_creds", nullptr));
}

TEST_F(FlashTest, Open_FifteenCharacterLabelIsValid)
{
    flash.Add("fifteen_chars_x", kSector);
    nf_partition p;
    EXPECT_EQ(NF_FLASH_SUCCESS, nf_flash_open(flash.Ops(), "fifteen_chars_x", &p));
}

TEST_F(FlashTest, Read_Bounds)
{
    uint8_t buffer[16];
    EXPECT_EQ(NF_FLASH_SUCCESS, nf_flash_read(flash.Ops(), &plain, plain.size - 16, buffer, 16));
    EXPECT_EQ(NF_FLASH_OUT_OF_BOUNDS, nf_flash_read(flash.Ops(), &plain, plain.size - 15, buffer, 16));
    EXPECT_EQ(NF_FLASH_OUT_OF_BOUNDS, nf_flash_read(flash.Ops(), &plain, plain.size, buffer, 1));
    EXPECT_EQ(NF_FLASH_OUT_OF_BOUNDS, nf_flash_read(flash.Ops(), &plain, UINT32_MAX, buffer, 2));  // wraps in 32 bits
    EXPECT_EQ(NF_FLASH_SUCCESS, nf_flash_read(flash.Ops(), &plain, plain.size, buffer, 0));
}

TEST_F(FlashTest, Read_BadParamsAndDriverError)
{
    uint8_t buffer[4];
    EXPECT_EQ(NF_FLASH_BAD_PARAMETER, nf_flash_read(flash.Ops(), &plain, 0, nullptr, 4));
    flash.fail_read = 0x105;  // ESP_ERR_NOT_FOUND-like driver code
    EXPECT_EQ(NF_FLASH_ERROR, nf_flash_read(flash.Ops(), &plain, 0, buffer, 4));
}

TEST_F(FlashTest, Erase_MisalignedOffsetOrLength)
{
    EXPECT_EQ(NF_FLASH_MISALIGNED, nf_flash_erase(flash.Ops(), &plain, 512, kSector));
    EXPECT_EQ(NF_FLASH_MISALIGNED, nf_flash_erase(flash.Ops(), &plain, 0, kSector - 1));
    EXPECT_EQ(NF_FLASH_MISALIGNED, nf_flash_erase(flash.Ops(), &plain, kSector, 100));
    EXPECT_EQ(0, flash.erases);
}

TEST_F(FlashTest, Erase_OutOfBounds)
{
    EXPECT_EQ(NF_FLASH_OUT_OF_BOUNDS, nf_flash_erase(flash.Ops(), &plain, kSector, 2 * kSector));
    EXPECT_EQ(NF_FLASH_OUT_OF_BOUNDS, nf_flash_erase(flash.Ops(), &plain, 2 * kSector, kSector));
    EXPECT_EQ(0, flash.erases);
}

TEST_F(FlashTest, Erase_SectorHappyPath)
{
    auto data = Pattern(32, 0x10);
    ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_write(flash.Ops(), &plain, kSector + 8, data.data(), 32));
    ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_write(flash.Ops(), &plain, 8, data.data(), 32));

    ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_erase(flash.Ops(), &plain, kSector, kSector));

    for (uint32_t i = 0; i < 32; i++)
    {
        EXPECT_EQ(0xFF, flash.Plain("nf_creds", kSector + 8 + i));
        EXPECT_EQ(data[i], flash.Plain("nf_creds", 8 + i)) << "the other sector must survive";
    }
}

TEST_F(FlashTest, Erase_VerifyFailsOnStuckBit)
{
    flash.stuck_byte = kSector + 1000;
    EXPECT_EQ(NF_FLASH_VERIFY_FAILED, nf_flash_erase(flash.Ops(), &plain, kSector, kSector));
}

TEST_F(FlashTest, Erase_DriverError)
{
    flash.fail_erase = 0x103;
    EXPECT_EQ(NF_FLASH_ERROR, nf_flash_erase(flash.Ops(), &plain, 0, kSector));
}

TEST_F(FlashTest, Write_ErasedHappyPath)
{
    auto data = Pattern(200, 0x33);  // spans several verification chunks
    ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_write(flash.Ops(), &plain, 100, data.data(), 200));

    std::vector<uint8_t> back(200);
    ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_read(flash.Ops(), &plain, 100, back.data(), 200));
    EXPECT_EQ(data, back);
    EXPECT_EQ(0xFF, flash.Plain("nf_creds", 99));
    EXPECT_EQ(0xFF, flash.Plain("nf_creds", 300));
}

TEST_F(FlashTest, Write_OverUnerasedBytesIsRejectedAndNothingIsWritten)
{
    const uint8_t first[4] = {0x0F, 0x0F, 0x0F, 0x0F};
    ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_write(flash.Ops(), &plain, 64, first, 4));
    int writes = flash.writes;

    const uint8_t second[4] = {0x0F, 0x0F, 0xF0, 0x0F};  // byte 2 needs bits 0->1
    EXPECT_EQ(NF_FLASH_NOT_ERASED, nf_flash_write(flash.Ops(), &plain, 64, second, 4));

    EXPECT_EQ(writes, flash.writes);
    EXPECT_EQ(0x0F, flash.Plain("nf_creds", 66));
}

TEST_F(FlashTest, Write_ClearingMoreBitsIsAllowed)
{
    // NOR allows programming a byte again when it only clears bits: commit markers rely on it.
    const uint8_t first[1] = {0xF0};
    const uint8_t second[1] = {0x30};
    ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_write(flash.Ops(), &plain, 7, first, 1));
    ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_write(flash.Ops(), &plain, 7, second, 1));
    EXPECT_EQ(0x30, flash.Plain("nf_creds", 7));
}

TEST_F(FlashTest, Write_ReadBackMismatch)
{
    auto data = Pattern(150, 0x41);
    flash.corrupt_next_write = true;
    EXPECT_EQ(NF_FLASH_VERIFY_FAILED, nf_flash_write(flash.Ops(), &plain, 0, data.data(), 150));
}

TEST_F(FlashTest, Write_Bounds)
{
    uint8_t data[8] = {0};
    EXPECT_EQ(NF_FLASH_OUT_OF_BOUNDS, nf_flash_write(flash.Ops(), &plain, plain.size - 4, data, 8));
    EXPECT_EQ(NF_FLASH_OUT_OF_BOUNDS, nf_flash_write(flash.Ops(), &plain, UINT32_MAX - 2, data, 8));
    EXPECT_EQ(0, flash.writes);
}

TEST_F(FlashTest, Write_BadParamsAndDriverErrors)
{
    uint8_t data[4] = {1, 2, 3, 4};
    EXPECT_EQ(NF_FLASH_BAD_PARAMETER, nf_flash_write(flash.Ops(), &plain, 0, nullptr, 4));
    EXPECT_EQ(NF_FLASH_SUCCESS, nf_flash_write(flash.Ops(), &plain, 0, nullptr, 0));

    flash.fail_write = 0x10B;
    EXPECT_EQ(NF_FLASH_ERROR, nf_flash_write(flash.Ops(), &plain, 0, data, 4));
    flash.fail_read_raw = 0x10B;
    EXPECT_EQ(NF_FLASH_ERROR, nf_flash_write(flash.Ops(), &plain, 0, data, 4));
    flash.fail_read = 0x10B;
    EXPECT_EQ(NF_FLASH_ERROR, nf_flash_write(flash.Ops(), &plain, 0, data, 4));  // the verification read fails
}

TEST_F(FlashTest, Write_EncryptedNeedsSixteenByteAlignment)
{
    auto data = Pattern(32, 1);
    EXPECT_EQ(NF_FLASH_MISALIGNED, nf_flash_write(flash.Ops(), &encrypted, 8, data.data(), 16));
    EXPECT_EQ(NF_FLASH_MISALIGNED, nf_flash_write(flash.Ops(), &encrypted, 16, data.data(), 20));
    EXPECT_EQ(0, flash.writes);
}

TEST_F(FlashTest, Write_EncryptedHappyPathStoresCiphertext)
{
    auto data = Pattern(64, 0x70);
    ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_write(flash.Ops(), &encrypted, 32, data.data(), 64));

    std::vector<uint8_t> back(64);
    ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_read(flash.Ops(), &encrypted, 32, back.data(), 64));
    EXPECT_EQ(data, back);
    int differing = 0;
    for (uint32_t i = 0; i < 64; i++)
    {
        differing += flash.Get("esp_secure_cert").raw[32 + i] != data[i];
    }

    EXPECT_GT(differing, 32) << "raw flash must hold ciphertext, not the plaintext";
}

TEST_F(FlashTest, Write_EncryptedOverProgrammedBlockIsRejectedEvenIfBitsOnlyClear)
{
    std::vector<uint8_t> ones(16, 0xFF);
    ones[0] = 0xFE;
    ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_write(flash.Ops(), &encrypted, 0, ones.data(), 16));
    int writes = flash.writes;

    std::vector<uint8_t> zeros(16, 0x00);  // would only clear bits in plaintext terms
    EXPECT_EQ(NF_FLASH_NOT_ERASED, nf_flash_write(flash.Ops(), &encrypted, 0, zeros.data(), 16));
    EXPECT_EQ(writes, flash.writes);
}
