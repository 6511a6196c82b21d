#include "nanofleet_esp_partition_ops.h"

#include <esp_flash_encrypt.h>
#include <esp_partition.h>

static bool esp_find(void *context, const char *label, nf_partition *out)
{
    (void)context;
    /* Any type: the claim partition is type 0x3F (esp_secure_cert), the credential slots a custom data type. */
    const esp_partition_t *partition = esp_partition_find_first(ESP_PARTITION_TYPE_ANY, ESP_PARTITION_SUBTYPE_ANY, label);
    if (partition == NULL)
    {
        return false;
    }

    out->handle = partition;
    out->size = partition->size;
    out->erase_size = partition->erase_size;
    out->encrypted = partition->encrypted;
    return true;
}

static const esp_partition_t *esp_of(const nf_partition *partition)
{
    return (const esp_partition_t *)partition->handle;
}

static int esp_read(void *context, const nf_partition *partition, uint32_t offset, void *destination, uint32_t count)
{
    (void)context;
    return esp_partition_read(esp_of(partition), offset, destination, count);
}

static int esp_read_raw(void *context, const nf_partition *partition, uint32_t offset, void *destination, uint32_t count)
{
    (void)context;
    return esp_partition_read_raw(esp_of(partition), offset, destination, count);
}

static int esp_write(void *context, const nf_partition *partition, uint32_t offset, const void *source, uint32_t count)
{
    (void)context;
    return esp_partition_write(esp_of(partition), offset, source, count);
}

static int esp_erase(void *context, const nf_partition *partition, uint32_t offset, uint32_t count)
{
    (void)context;
    return esp_partition_erase_range(esp_of(partition), offset, count);
}

static const nf_flash_ops s_esp_ops = {
    .context = NULL,
    .find = esp_find,
    .read = esp_read,
    .read_raw = esp_read_raw,
    .write = esp_write,
    .erase_range = esp_erase,
};

const nf_flash_ops *nf_esp_partition_ops(void)
{
    return &s_esp_ops;
}

nf_flash_encryption_mode nf_esp_flash_encryption_mode(void)
{
    switch (esp_get_flash_encryption_mode())
    {
        case ESP_FLASH_ENC_MODE_RELEASE:
            return NF_FLASH_ENCRYPTION_RELEASE;
        case ESP_FLASH_ENC_MODE_DEVELOPMENT:
            return NF_FLASH_ENCRYPTION_DEVELOPMENT;
        default:
            return NF_FLASH_ENCRYPTION_DISABLED;
    }
}
