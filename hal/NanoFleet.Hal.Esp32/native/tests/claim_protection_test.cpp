// The claim-key policy: which combination of flash encryption state, partition flag, build flavour
// and the explicit opt-out lets the firmware run.
#include <gtest/gtest.h>

#include "fake_nor_partition.h"
#include "nanofleet_claim_protection.h"

TEST(FlashEncryption, EnabledAndReleaseFromMode)
{
    EXPECT_FALSE(nf_flash_encryption_enabled(NF_FLASH_ENCRYPTION_DISABLED));
    EXPECT_TRUE(nf_flash_encryption_enabled(NF_FLASH_ENCRYPTION_DEVELOPMENT));
    EXPECT_TRUE(nf_flash_encryption_enabled(NF_FLASH_ENCRYPTION_RELEASE));
    EXPECT_FALSE(nf_flash_encryption_release(NF_FLASH_ENCRYPTION_DISABLED));
    EXPECT_FALSE(nf_flash_encryption_release(NF_FLASH_ENCRYPTION_DEVELOPMENT));
    EXPECT_TRUE(nf_flash_encryption_release(NF_FLASH_ENCRYPTION_RELEASE));
}

TEST(ClaimProtection, ReleaseEncryptionAndEncryptedPartitionIsProtected)
{
    for (bool release_build : {false, true})
    {
        for (bool allow : {false, true})
        {
            EXPECT_EQ(NF_CLAIM_PROTECTED, nf_claim_protection_decide(NF_FLASH_ENCRYPTION_RELEASE, true, release_build, allow));
        }
    }
}

TEST(ClaimProtection, DevelopmentEncryptionRunsWithWarning)
{
    EXPECT_EQ(NF_CLAIM_DEVELOPMENT_ENCRYPTED, nf_claim_protection_decide(NF_FLASH_ENCRYPTION_DEVELOPMENT, true, true, false));
    EXPECT_EQ(NF_CLAIM_DEVELOPMENT_ENCRYPTED, nf_claim_protection_decide(NF_FLASH_ENCRYPTION_DEVELOPMENT, true, false, false));
}

TEST(ClaimProtection, ReleaseBuildRefusesPlaintextClaimKey)
{
    // Encryption off entirely (a bare dev board) ...
    EXPECT_EQ(NF_CLAIM_REFUSED, nf_claim_protection_decide(NF_FLASH_ENCRYPTION_DISABLED, false, true, false));
    // ... or on, but the claim row lacks the `encrypted` flag ...
    EXPECT_EQ(NF_CLAIM_REFUSED, nf_claim_protection_decide(NF_FLASH_ENCRYPTION_RELEASE, false, true, false));
    EXPECT_EQ(NF_CLAIM_REFUSED, nf_claim_protection_decide(NF_FLASH_ENCRYPTION_DEVELOPMENT, false, true, false));
    // ... or a table that claims encryption while the chip has none.
    EXPECT_EQ(NF_CLAIM_REFUSED, nf_claim_protection_decide(NF_FLASH_ENCRYPTION_DISABLED, true, true, false));
}

TEST(ClaimProtection, ExplicitOptionAllowsPlaintextInReleaseBuild)
{
    EXPECT_EQ(NF_CLAIM_UNPROTECTED_ALLOWED, nf_claim_protection_decide(NF_FLASH_ENCRYPTION_DISABLED, false, true, true));
}

TEST(ClaimProtection, DebugBuildOnBareDevBoardRunsWithWarning)
{
    EXPECT_EQ(NF_CLAIM_UNPROTECTED_ALLOWED, nf_claim_protection_decide(NF_FLASH_ENCRYPTION_DISABLED, false, false, false));
}

TEST(ClaimProtection, AssessReadsThePartitionFlag)
{
    FakeNorFlash flash;
    flash.Add("esp_secure_cert", 0x2000, 0x1000, /*encrypted*/ true);
    flash.Add("plain_claim", 0x2000, 0x1000, /*encrypted*/ false);

    EXPECT_EQ(NF_CLAIM_PROTECTED, nf_claim_protection_assess(flash.Ops(), "esp_secure_cert", NF_FLASH_ENCRYPTION_RELEASE, true, false));
    EXPECT_EQ(NF_CLAIM_REFUSED, nf_claim_protection_assess(flash.Ops(), "plain_claim", NF_FLASH_ENCRYPTION_RELEASE, true, false));
}

TEST(ClaimProtection, AssessMissingPartition)
{
    FakeNorFlash flash;
    EXPECT_EQ(NF_CLAIM_PARTITION_MISSING, nf_claim_protection_assess(flash.Ops(), "esp_secure_cert", NF_FLASH_ENCRYPTION_RELEASE, true, false));
    EXPECT_EQ(NF_CLAIM_PARTITION_MISSING, nf_claim_protection_assess(flash.Ops(), nullptr, NF_FLASH_ENCRYPTION_RELEASE, true, false));
}
