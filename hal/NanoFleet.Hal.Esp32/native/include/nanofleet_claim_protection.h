/*
 * Decides whether the firmware may use a claim key from a given partition, from the chip's flash
 * encryption state and the firmware's build flavour. Pure logic: the nanoCLR glue feeds it
 * esp_get_flash_encryption_mode() and the partition's encrypted flag; the host tests feed it tables.
 */
#ifndef NANOFLEET_CLAIM_PROTECTION_H
#define NANOFLEET_CLAIM_PROTECTION_H

#include <stdbool.h>

#include "nanofleet_flash.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Flash encryption state, in the order of ESP-IDF's esp_flash_enc_mode_t. */
typedef enum
{
    NF_FLASH_ENCRYPTION_DISABLED = 0,     /**< FLASH_CRYPT_CNT has an even bit count: flash is plaintext. */
    NF_FLASH_ENCRYPTION_DEVELOPMENT = 1,  /**< Encrypted, but UART re-flashing (and re-encryption) still allowed. */
    NF_FLASH_ENCRYPTION_RELEASE = 2,      /**< Encrypted and CRYPT_CNT write-protected, download encryption disabled. */
} nf_flash_encryption_mode;

/** The verdict for one claim partition. Numbers are shared with the managed ClaimProtection enum. */
typedef enum
{
    NF_CLAIM_PROTECTED = 0,            /**< Encrypted partition, release-mode flash encryption: use it. */
    NF_CLAIM_DEVELOPMENT_ENCRYPTED = 1,/**< Encrypted partition, development-mode encryption: use it, warn. */
    NF_CLAIM_UNPROTECTED_ALLOWED = 2,  /**< Plaintext claim key, tolerated (debug build or explicit option): warn loudly. */
    NF_CLAIM_REFUSED = 3,              /**< Plaintext claim key in a release build without the option: do not run. */
    NF_CLAIM_PARTITION_MISSING = 4,    /**< No partition with that label. */
} nf_claim_verdict;

/** True when flash encryption is on in any mode. */
bool nf_flash_encryption_enabled(nf_flash_encryption_mode mode);

/** True only for release-mode flash encryption. */
bool nf_flash_encryption_release(nf_flash_encryption_mode mode);

/**
 * The policy. A claim key counts as protected only when its partition is encrypted, which ESP-IDF
 * reports only if flash encryption is on and the row carries the `encrypted` flag.
 * @param mode             the chip's flash encryption mode
 * @param partition_encrypted  esp_partition_t.encrypted of the claim partition
 * @param release_build    true for a firmware built in Release
 * @param allow_unencrypted_claim  the explicit build option NANOFLEET_ALLOW_UNENCRYPTED_CLAIM
 * @return PROTECTED, DEVELOPMENT_ENCRYPTED, UNPROTECTED_ALLOWED or REFUSED
 */
nf_claim_verdict nf_claim_protection_decide(
    nf_flash_encryption_mode mode,
    bool partition_encrypted,
    bool release_build,
    bool allow_unencrypted_claim);

/** Looks the partition up and applies the policy; PARTITION_MISSING when the label is unknown. */
nf_claim_verdict nf_claim_protection_assess(
    const nf_flash_ops *ops,
    const char *label,
    nf_flash_encryption_mode mode,
    bool release_build,
    bool allow_unencrypted_claim);

#ifdef __cplusplus
}
#endif

#endif
