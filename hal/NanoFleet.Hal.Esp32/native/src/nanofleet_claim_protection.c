#include "nanofleet_claim_protection.h"

bool nf_flash_encryption_enabled(nf_flash_encryption_mode mode)
{
    return mode == NF_FLASH_ENCRYPTION_DEVELOPMENT || mode == NF_FLASH_ENCRYPTION_RELEASE;
}

bool nf_flash_encryption_release(nf_flash_encryption_mode mode)
{
    return mode == NF_FLASH_ENCRYPTION_RELEASE;
}

nf_claim_verdict nf_claim_protection_decide(
    nf_flash_encryption_mode mode,
    bool partition_encrypted,
    bool release_build,
    bool allow_unencrypted_claim)
{
    /* The partition flag alone is not enough: with encryption off ESP-IDF never encrypts, whatever a fake or a stale table says. */
    if (partition_encrypted && nf_flash_encryption_enabled(mode))
    {
        return nf_flash_encryption_release(mode) ? NF_CLAIM_PROTECTED : NF_CLAIM_DEVELOPMENT_ENCRYPTED;
    }

    /* The claim key sits in plaintext: readable by anyone with a UART cable and esptool read-flash. */
    if (release_build && !allow_unencrypted_claim)
    {
        return NF_CLAIM_REFUSED;
    }

    return NF_CLAIM_UNPROTECTED_ALLOWED;
}

nf_claim_verdict nf_claim_protection_assess(
    const nf_flash_ops *ops,
    const char *label,
    nf_flash_encryption_mode mode,
    bool release_build,
    bool allow_unencrypted_claim)
{
    nf_partition partition;
    if (nf_flash_open(ops, label, &partition) != NF_FLASH_SUCCESS)
    {
        return NF_CLAIM_PARTITION_MISSING;
    }

    return nf_claim_protection_decide(mode, partition.encrypted, release_build, allow_unencrypted_claim);
}
