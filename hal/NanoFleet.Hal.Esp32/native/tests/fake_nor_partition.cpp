#include "fake_nor_partition.h"

#include <stdexcept>

FakeNorFlash::FakeNorFlash()
{
    ops_.context = this;
    ops_.find = &FakeNorFlash::Find;
    ops_.read = &FakeNorFlash::Read;
    ops_.read_raw = &FakeNorFlash::ReadRaw;
    ops_.write = &FakeNorFlash::Write;
    ops_.erase_range = &FakeNorFlash::Erase;
}

FakeNorFlash::Partition &FakeNorFlash::Add(const std::string &label, uint32_t size, uint32_t erase_size, bool encrypted)
{
    Partition &p = partitions_[label];
    p.label = label;
    p.erase_size = erase_size;
    p.encrypted = encrypted;
    p.raw.assign(size, 0xFF);
    return p;
}

uint8_t FakeNorFlash::Plain(const std::string &label, uint32_t offset)
{
    Partition &p = Get(label);
    return p.encrypted ? static_cast<uint8_t>(p.raw.at(offset) ^ Key(offset)) : p.raw.at(offset);
}

int FakeNorFlash::Take(int &fault)
{
    int code = fault;
    fault = 0;
    return code;
}

bool FakeNorFlash::Find(void *context, const char *label, nf_partition *out)
{
    auto *self = static_cast<FakeNorFlash *>(context);
    auto it = self->partitions_.find(label);
    if (it == self->partitions_.end())
    {
        return false;
    }

    out->handle = &it->second;
    out->size = static_cast<uint32_t>(it->second.raw.size());
    out->erase_size = it->second.erase_size;
    out->encrypted = it->second.encrypted;
    return true;
}

// The logic promises to stay in bounds; a fake that silently clipped would hide a bug, so it throws.
static void Check(const FakeNorFlash::Partition &p, uint32_t offset, uint32_t count)
{
    if (static_cast<uint64_t>(offset) + count > p.raw.size())
    {
        throw std::out_of_range("flash access outside partition " + p.label);
    }
}

int FakeNorFlash::Read(void *context, const nf_partition *p, uint32_t offset, void *destination, uint32_t count)
{
    auto *self = static_cast<FakeNorFlash *>(context);
    if (int code = Take(self->fail_read))
    {
        return code;
    }

    Partition &part = Of(p);
    Check(part, offset, count);
    auto *out = static_cast<uint8_t *>(destination);
    for (uint32_t i = 0; i < count; i++)
    {
        uint8_t raw = part.raw[offset + i];
        out[i] = part.encrypted ? static_cast<uint8_t>(raw ^ Key(offset + i)) : raw;
    }

    return 0;
}

int FakeNorFlash::ReadRaw(void *context, const nf_partition *p, uint32_t offset, void *destination, uint32_t count)
{
    auto *self = static_cast<FakeNorFlash *>(context);
    if (int code = Take(self->fail_read_raw))
    {
        return code;
    }

    Partition &part = Of(p);
    Check(part, offset, count);
    auto *out = static_cast<uint8_t *>(destination);
    for (uint32_t i = 0; i < count; i++)
    {
        out[i] = part.raw[offset + i];
    }

    return 0;
}

int FakeNorFlash::Write(void *context, const nf_partition *p, uint32_t offset, const void *source, uint32_t count)
{
    auto *self = static_cast<FakeNorFlash *>(context);
    if (int code = Take(self->fail_write))
    {
        return code;
    }

    self->writes++;
    Partition &part = Of(p);
    Check(part, offset, count);
    const auto *in = static_cast<const uint8_t *>(source);
    for (uint32_t i = 0; i < count; i++)
    {
        uint8_t stored = part.encrypted ? static_cast<uint8_t>(in[i] ^ Key(offset + i)) : in[i];
        part.raw[offset + i] &= stored;  // NOR: programming only clears bits
    }

    if (self->corrupt_next_write && count > 0)
    {
        self->corrupt_next_write = false;
        uint32_t victim = offset + count / 2;
        // Clear a bit that is still set so the damage is real whatever the data was.
        for (uint8_t bit = 0x01; bit != 0; bit = static_cast<uint8_t>(bit << 1))
        {
            if (part.raw[victim] & bit)
            {
                part.raw[victim] = static_cast<uint8_t>(part.raw[victim] & ~bit);
                break;
            }
        }
    }

    return 0;
}

int FakeNorFlash::Erase(void *context, const nf_partition *p, uint32_t offset, uint32_t count)
{
    auto *self = static_cast<FakeNorFlash *>(context);
    if (int code = Take(self->fail_erase))
    {
        return code;
    }

    self->erases++;
    Partition &part = Of(p);
    Check(part, offset, count);
    if (offset % part.erase_size != 0 || count % part.erase_size != 0)
    {
        throw std::invalid_argument("misaligned erase reached the driver");
    }

    for (uint32_t i = 0; i < count; i++)
    {
        part.raw[offset + i] = 0xFF;
    }

    if (self->stuck_byte >= offset && self->stuck_byte < static_cast<int64_t>(offset) + count)
    {
        part.raw[static_cast<size_t>(self->stuck_byte)] = 0xFE;
    }

    return 0;
}
