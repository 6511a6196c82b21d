#include "nanofleet_flash.h"

#include <string.h>

/* Checks and verification read in small chunks: the nanoCLR thread's stack is small and this code never allocates. */
#define NF_FLASH_CHUNK 64u

bool nf_flash_range_valid(int32_t buffer_length, int32_t offset, int32_t count)
{
    if (buffer_length < 0 || offset < 0 || count < 0)
    {
        return false;
    }

    /* In 64 bits so offset + count cannot wrap. */
    return (int64_t)offset + (int64_t)count <= (int64_t)buffer_length;
}

/* True when [offset, offset + count) is inside the partition, without overflow. */
static bool in_partition(const nf_partition *partition, uint32_t offset, uint32_t count)
{
    return (uint64_t)offset + (uint64_t)count <= (uint64_t)partition->size;
}

static bool label_valid(const char *label)
{
    if (label == NULL || label[0] == '\0')
    {
        return false;
    }

    size_t length = strnlen(label, NF_FLASH_MAX_LABEL + 1u);
    return length <= NF_FLASH_MAX_LABEL;
}

nf_flash_status nf_flash_open(const nf_flash_ops *ops, const char *label, nf_partition *out)
{
    if (ops == NULL || out == NULL || !label_valid(label))
    {
        return NF_FLASH_BAD_PARAMETER;
    }

    memset(out, 0, sizeof(*out));
    if (!ops->find(ops->context, label, out))
    {
        return NF_FLASH_NOT_FOUND;
    }

    return NF_FLASH_SUCCESS;
}

nf_flash_status nf_flash_read(const nf_flash_ops *ops, const nf_partition *partition, uint32_t offset, uint8_t *destination, uint32_t count)
{
    if (ops == NULL || partition == NULL || (destination == NULL && count > 0u))
    {
        return NF_FLASH_BAD_PARAMETER;
    }

    if (!in_partition(partition, offset, count))
    {
        return NF_FLASH_OUT_OF_BOUNDS;
    }

    if (count == 0u)
    {
        return NF_FLASH_SUCCESS;
    }

    return ops->read(ops->context, partition, offset, destination, count) == 0 ? NF_FLASH_SUCCESS : NF_FLASH_ERROR;
}

/*
 * Reads the raw (as-stored) range in chunks and checks each byte against the NOR rule. With no
 * source, every byte must be erased (0xFF). With a source, plaintext programming can only clear
 * bits, so every new byte must be a subset of the old one; encrypted: the stored ciphertext of the
 * new data is unrelated to the plaintext, so the whole range must still be erased. The first byte
 * that breaks the rule yields <failure>.
 */
static nf_flash_status scan_raw(const nf_flash_ops *ops, const nf_partition *partition, uint32_t offset, const uint8_t *source, uint32_t count, nf_flash_status failure)
{
    uint8_t chunk[NF_FLASH_CHUNK];
    bool must_be_erased = source == NULL || partition->encrypted;
    for (uint32_t done = 0u; done < count;)
    {
        uint32_t step = count - done < NF_FLASH_CHUNK ? count - done : NF_FLASH_CHUNK;
        if (ops->read_raw(ops->context, partition, offset + done, chunk, step) != 0)
        {
            return NF_FLASH_ERROR;
        }

        for (uint32_t i = 0u; i < step; i++)
        {
            bool ok = must_be_erased ? chunk[i] == 0xFFu : (uint8_t)(chunk[i] & source[done + i]) == source[done + i];
            if (!ok)
            {
                return failure;
            }
        }

        done += step;
    }

    return NF_FLASH_SUCCESS;
}

nf_flash_status nf_flash_erase(const nf_flash_ops *ops, const nf_partition *partition, uint32_t offset, uint32_t count)
{
    if (ops == NULL || partition == NULL || partition->erase_size == 0u)
    {
        return NF_FLASH_BAD_PARAMETER;
    }

    if (offset % partition->erase_size != 0u || count % partition->erase_size != 0u)
    {
        return NF_FLASH_MISALIGNED;
    }

    if (!in_partition(partition, offset, count))
    {
        return NF_FLASH_OUT_OF_BOUNDS;
    }

    if (count == 0u)
    {
        return NF_FLASH_SUCCESS;
    }

    if (ops->erase_range(ops->context, partition, offset, count) != 0)
    {
        return NF_FLASH_ERROR;
    }

    return scan_raw(ops, partition, offset, NULL, count, NF_FLASH_VERIFY_FAILED);
}

static nf_flash_status verify_written(const nf_flash_ops *ops, const nf_partition *partition, uint32_t offset, const uint8_t *source, uint32_t count)
{
    uint8_t chunk[NF_FLASH_CHUNK];
    for (uint32_t done = 0u; done < count;)
    {
        uint32_t step = count - done < NF_FLASH_CHUNK ? count - done : NF_FLASH_CHUNK;
        if (ops->read(ops->context, partition, offset + done, chunk, step) != 0)
        {
            return NF_FLASH_ERROR;
        }

        if (memcmp(chunk, source + done, step) != 0)
        {
            return NF_FLASH_VERIFY_FAILED;
        }

        done += step;
    }

    return NF_FLASH_SUCCESS;
}

nf_flash_status nf_flash_write(const nf_flash_ops *ops, const nf_partition *partition, uint32_t offset, const uint8_t *source, uint32_t count)
{
    if (ops == NULL || partition == NULL || (source == NULL && count > 0u))
    {
        return NF_FLASH_BAD_PARAMETER;
    }

    if (!in_partition(partition, offset, count))
    {
        return NF_FLASH_OUT_OF_BOUNDS;
    }

    if (partition->encrypted &&
        (offset % NF_FLASH_ENCRYPTED_WRITE_ALIGN != 0u || count % NF_FLASH_ENCRYPTED_WRITE_ALIGN != 0u))
    {
        return NF_FLASH_MISALIGNED;
    }

    if (count == 0u)
    {
        return NF_FLASH_SUCCESS;
    }

    nf_flash_status status = scan_raw(ops, partition, offset, source, count, NF_FLASH_NOT_ERASED);
    if (status != NF_FLASH_SUCCESS)
    {
        return status;
    }

    if (ops->write(ops->context, partition, offset, source, count) != 0)
    {
        return NF_FLASH_ERROR;
    }

    return verify_written(ops, partition, offset, source, count);
}

/* Shared argument checks of the label entry points; opens the partition on success. */
static nf_flash_status prepare(const nf_flash_ops *ops, const char *label, int32_t offset,
                               const uint8_t *buffer, int32_t buffer_length, int32_t buffer_offset, int32_t count,
                               nf_partition *partition)
{
    if (buffer == NULL || offset < 0 || buffer_offset < 0 || count < 0 || buffer_length < 0)
    {
        return NF_FLASH_BAD_PARAMETER;
    }

    if (!nf_flash_range_valid(buffer_length, buffer_offset, count))
    {
        return NF_FLASH_OUT_OF_BOUNDS;
    }

    return nf_flash_open(ops, label, partition);
}

nf_flash_status nf_flash_read_label(const nf_flash_ops *ops, const char *label, int32_t offset,
                                    uint8_t *buffer, int32_t buffer_length, int32_t buffer_offset, int32_t count)
{
    nf_partition partition;
    nf_flash_status status = prepare(ops, label, offset, buffer, buffer_length, buffer_offset, count, &partition);
    if (status != NF_FLASH_SUCCESS)
    {
        return status;
    }

    return nf_flash_read(ops, &partition, (uint32_t)offset, buffer + buffer_offset, (uint32_t)count);
}

nf_flash_status nf_flash_write_label(const nf_flash_ops *ops, const char *label, int32_t offset,
                                     const uint8_t *buffer, int32_t buffer_length, int32_t buffer_offset, int32_t count)
{
    nf_partition partition;
    nf_flash_status status = prepare(ops, label, offset, buffer, buffer_length, buffer_offset, count, &partition);
    if (status != NF_FLASH_SUCCESS)
    {
        return status;
    }

    return nf_flash_write(ops, &partition, (uint32_t)offset, buffer + buffer_offset, (uint32_t)count);
}

nf_flash_status nf_flash_erase_label(const nf_flash_ops *ops, const char *label, int32_t offset, int32_t count)
{
    if (offset < 0 || count < 0)
    {
        return NF_FLASH_BAD_PARAMETER;
    }

    nf_partition partition;
    nf_flash_status status = nf_flash_open(ops, label, &partition);
    if (status != NF_FLASH_SUCCESS)
    {
        return status;
    }

    return nf_flash_erase(ops, &partition, (uint32_t)offset, (uint32_t)count);
}
