// The label entry points the nanoCLR glue calls with raw managed arguments.
#include <gtest/gtest.h>

#include <vector>

#include "fake_nor_partition.h"
#include "nanofleet_flash.h"

namespace
{
class FlashLabelTest : public ::testing::Test
{
protected:
    void SetUp() override { flash.Add("nf_creds", 0x2000); }

    FakeNorFlash flash;
};
}  // namespace

TEST_F(FlashLabelTest, WriteThenReadThroughCallerBufferOffsets)
{
    std::vector<uint8_t> source = {0xA5, 0xA5, 1, 2, 3, 4, 0xA5};
    ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_write_label(flash.Ops(), "nf_creds", 40, source.data(), 7, 2, 4));

    std::vector<uint8_t> target(8, 0xA5);  // guard bytes around the 4 read
    ASSERT_EQ(NF_FLASH_SUCCESS, nf_flash_read_label(flash.Ops(), "nf_creds", 40, target.data(), 8, 3, 4));
    EXPECT_EQ((std::vector<uint8_t>{0xA5, 0xA5, 0xA5, 1, 2, 3, 4, 0xA5}), target);
}

TEST_F(FlashLabelTest, BadParams)
{
    uint8_t buffer[8] = {0};
    EXPECT_EQ(NF_FLASH_BAD_PARAMETER, nf_flash_read_label(flash.Ops(), "nf_creds", -1, buffer, 8, 0, 4));
    EXPECT_EQ(NF_FLASH_BAD_PARAMETER, nf_flash_read_label(flash.Ops(), "nf_creds", 0, buffer, 8, -1, 4));
    EXPECT_EQ(NF_FLASH_BAD_PARAMETER, nf_flash_read_label(flash.Ops(), "nf_creds", 0, buffer, 8, 0, -4));
    EXPECT_EQ(NF_FLASH_BAD_PARAMETER, nf_flash_read_label(flash.Ops(), "nf_creds", 0, nullptr, 8, 0, 4));
    EXPECT_EQ(NF_FLASH_BAD_PARAMETER, nf_flash_write_label(flash.Ops(), nullptr, 0, buffer, 8, 0, 4));
    EXPECT_EQ(NF_FLASH_BAD_PARAMETER, nf_flash_erase_label(flash.Ops(), "nf_creds", -4096, 4096));
    EXPECT_EQ(0, flash.writes);
    EXPECT_EQ(0, flash.erases);
}

TEST_F(FlashLabelTest, CallerBufferTooSmall)
{
    uint8_t buffer[8] = {0};
    EXPECT_EQ(NF_FLASH_OUT_OF_BOUNDS, nf_flash_read_label(flash.Ops(), "nf_creds", 0, buffer, 8, 6, 4));
    EXPECT_EQ(NF_FLASH_OUT_OF_BOUNDS, nf_flash_write_label(flash.Ops(), "nf_creds", 0, buffer, 8, 0, 9));
    EXPECT_EQ(0, flash.writes);
}

TEST_F(FlashLabelTest, MissingPartition)
{
    uint8_t buffer[8] = {0};
    EXPECT_EQ(NF_FLASH_NOT_FOUND, nf_flash_read_label(flash.Ops(), "nvs", 0, buffer, 8, 0, 8));
    EXPECT_EQ(NF_FLASH_NOT_FOUND, nf_flash_write_label(flash.Ops(), "nvs", 0, buffer, 8, 0, 8));
    EXPECT_EQ(NF_FLASH_NOT_FOUND, nf_flash_erase_label(flash.Ops(), "nvs", 0, 4096));
}

TEST_F(FlashLabelTest, EraseChecksStillApply)
{
    EXPECT_EQ(NF_FLASH_MISALIGNED, nf_flash_erase_label(flash.Ops(), "nf_creds", 100, 4096));
    EXPECT_EQ(NF_FLASH_OUT_OF_BOUNDS, nf_flash_erase_label(flash.Ops(), "nf_creds", 4096, 8192));
    EXPECT_EQ(NF_FLASH_SUCCESS, nf_flash_erase_label(flash.Ops(), "nf_creds", 4096, 4096));
}
