/*
 * NanoFleet partition access: read, erase and write a flash partition found by label, with the
 * checks the managed HAL relies on (bounds, sector-aligned erases, NOR programming rules, read-back
 * verification). Pure C over a small operations table, so the same logic runs in the custom nanoCLR
 * (over esp_partition_*) and on the host (over a fake NOR partition in the GoogleTest suite).
 */
#ifndef NANOFLEET_FLASH_H
#define NANOFLEET_FLASH_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Outcome of a partition call. The numbers equal NanoFleet.Hal.HalStatus so the managed side maps 1:1. */
typedef enum
{
    NF_FLASH_ERROR = 0,          /**< The driver reported a failure. */
    NF_FLASH_SUCCESS = 1,        /**< Done. */
    NF_FLASH_BAD_PARAMETER = 2,  /**< Null pointer, empty or over-long label, negative size. */
    NF_FLASH_OUT_OF_BOUNDS = 3,  /**< Offset or length outside the partition or the caller's buffer. */
    NF_FLASH_MISALIGNED = 4,     /**< Erase not on sector boundaries, or encrypted write not 16-byte aligned. */
    NF_FLASH_NOT_ERASED = 5,     /**< The write would need to turn a 0 bit back into 1. */
    NF_FLASH_VERIFY_FAILED = 6,  /**< Read-back after a write or erase did not match. */
    NF_FLASH_NOT_FOUND = 7,      /**< No partition has that label. */
} nf_flash_status;

/** Longest label the ESP-IDF partition table holds (16 bytes including the NUL). */
#define NF_FLASH_MAX_LABEL 15u

/** Encrypted partitions are written in whole 16-byte AES blocks (esp_flash_write_encrypted). */
#define NF_FLASH_ENCRYPTED_WRITE_ALIGN 16u

/** What the operations table reports about a partition. */
typedef struct
{
    const void *handle;   /**< Opaque, passed back to the operations (an esp_partition_t* on a device). */
    uint32_t size;        /**< Partition size in bytes. */
    uint32_t erase_size;  /**< Erase granularity in bytes (4096 on ESP32 SPI flash). */
    bool encrypted;       /**< True when reads decrypt and writes encrypt (flash encryption on and the row flagged). */
} nf_partition;

/**
 * The few driver calls the logic needs. Each returns 0 on success and a driver error code otherwise
 * (esp_err_t on a device). Offsets are relative to the partition start and already bounds-checked.
 */
typedef struct
{
    void *context;
    /** Finds a partition by label; returns false when there is none. */
    bool (*find)(void *context, const char *label, nf_partition *out);
    /** Reads as the application sees the data (decrypted when the partition is encrypted). */
    int (*read)(void *context, const nf_partition *partition, uint32_t offset, void *destination, uint32_t count);
    /** Reads the raw flash bytes (never decrypted), to check what is physically programmed. */
    int (*read_raw)(void *context, const nf_partition *partition, uint32_t offset, void *destination, uint32_t count);
    /** Programs bytes (encrypting when the partition is encrypted). */
    int (*write)(void *context, const nf_partition *partition, uint32_t offset, const void *source, uint32_t count);
    /** Erases whole sectors to 0xFF. */
    int (*erase_range)(void *context, const nf_partition *partition, uint32_t offset, uint32_t count);
} nf_flash_ops;

/** True when [offset, offset + count) lies inside a buffer of buffer_length bytes (all values signed, as C# passes them). */
bool nf_flash_range_valid(int32_t buffer_length, int32_t offset, int32_t count);

/** Looks a partition up by label. Returns SUCCESS, BAD_PARAMETER (null/empty/over-long label) or NOT_FOUND. */
nf_flash_status nf_flash_open(const nf_flash_ops *ops, const char *label, nf_partition *out);

/** Reads count bytes at offset. Returns SUCCESS, BAD_PARAMETER, OUT_OF_BOUNDS or ERROR. */
nf_flash_status nf_flash_read(const nf_flash_ops *ops, const nf_partition *partition, uint32_t offset, uint8_t *destination, uint32_t count);

/**
 * Erases [offset, offset + count), which must be whole sectors, then checks the range reads back as
 * 0xFF. Returns SUCCESS, MISALIGNED, OUT_OF_BOUNDS, VERIFY_FAILED or ERROR.
 */
nf_flash_status nf_flash_erase(const nf_flash_ops *ops, const nf_partition *partition, uint32_t offset, uint32_t count);

/**
 * Programs count bytes at offset and verifies them by reading back. Before writing it checks the NOR
 * rule on the raw flash: an unencrypted write may only clear bits; an encrypted write needs the range
 * fully erased (ciphertext cannot be patched) and 16-byte alignment. Returns SUCCESS, BAD_PARAMETER,
 * OUT_OF_BOUNDS, MISALIGNED, NOT_ERASED, VERIFY_FAILED or ERROR. Nothing is written when a check fails.
 */
nf_flash_status nf_flash_write(const nf_flash_ops *ops, const nf_partition *partition, uint32_t offset, const uint8_t *source, uint32_t count);

/*
 * The interop entry points: one call per managed NativeFlash method, taking the label and the
 * managed arguments as they arrive (signed, with the caller's whole buffer), so the nanoCLR glue
 * only unpacks the stack frame. Negative values give BAD_PARAMETER; a range outside the caller's
 * buffer gives OUT_OF_BOUNDS; then the checks of the functions above apply.
 */
nf_flash_status nf_flash_read_label(const nf_flash_ops *ops, const char *label, int32_t offset,
                                    uint8_t *buffer, int32_t buffer_length, int32_t buffer_offset, int32_t count);
nf_flash_status nf_flash_write_label(const nf_flash_ops *ops, const char *label, int32_t offset,
                                     const uint8_t *buffer, int32_t buffer_length, int32_t buffer_offset, int32_t count);
nf_flash_status nf_flash_erase_label(const nf_flash_ops *ops, const char *label, int32_t offset, int32_t count);

#ifdef __cplusplus
}
#endif

#endif
