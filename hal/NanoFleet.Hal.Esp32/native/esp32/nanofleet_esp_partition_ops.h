/*
 * nf_flash_ops over ESP-IDF's esp_partition_* API, and the chip's flash encryption mode.
 * Built only into the custom nanoCLR (needs ESP-IDF); the host tests use a fake instead.
 */
#ifndef NANOFLEET_ESP_PARTITION_OPS_H
#define NANOFLEET_ESP_PARTITION_OPS_H

#include "nanofleet_claim_protection.h"
#include "nanofleet_flash.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The operations table backed by esp_partition_find_first/read/read_raw/write/erase_range. */
const nf_flash_ops *nf_esp_partition_ops(void);

/** esp_get_flash_encryption_mode() mapped onto nf_flash_encryption_mode. */
nf_flash_encryption_mode nf_esp_flash_encryption_mode(void);

#ifdef __cplusplus
}
#endif

#endif
