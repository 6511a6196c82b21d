// A fake partition table that behaves like ESP32 SPI NOR flash behind esp_partition_*: erase sets
// whole sectors to 0xFF, programming can only clear bits (raw &= data), and an "encrypted" partition
// stores a keyed transform of the data so raw reads and decrypted reads differ, as on a device.
// Faults are injected per operation so every error path of the logic can be driven.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "nanofleet_flash.h"

class FakeNorFlash
{
public:
    struct Partition
    {
        std::string label;
        uint32_t erase_size = 4096;
        bool encrypted = false;
        std::vector<uint8_t> raw;  // what is physically stored
    };

    FakeNorFlash();

    /** Adds an erased (all 0xFF) partition. */
    Partition &Add(const std::string &label, uint32_t size, uint32_t erase_size = 4096, bool encrypted = false);

    /** The operations table to hand to the logic under test. */
    const nf_flash_ops *Ops() const { return &ops_; }

    Partition &Get(const std::string &label) { return partitions_.at(label); }

    /** The byte a reader sees at offset (decrypted for an encrypted partition). */
    uint8_t Plain(const std::string &label, uint32_t offset);

    // Fault injection.
    int fail_read = 0;            // driver error code returned by the next read()
    int fail_read_raw = 0;        // ... by the next read_raw()
    int fail_write = 0;           // ... by the next write()
    int fail_erase = 0;           // ... by the next erase_range()
    bool corrupt_next_write = false;   // the next write lands with one bit cleared too many (read-back mismatch)
    int64_t stuck_byte = -1;      // partition offset of a bit that erase cannot set (worn cell)

    // Call counters, to assert that a rejected call touched nothing.
    int writes = 0;
    int erases = 0;

    static uint8_t Key(uint32_t offset) { return static_cast<uint8_t>(0xA5u ^ (offset * 31u)); }

private:
    static bool Find(void *context, const char *label, nf_partition *out);
    static int Read(void *context, const nf_partition *p, uint32_t offset, void *destination, uint32_t count);
    static int ReadRaw(void *context, const nf_partition *p, uint32_t offset, void *destination, uint32_t count);
    static int Write(void *context, const nf_partition *p, uint32_t offset, const void *source, uint32_t count);
    static int Erase(void *context, const nf_partition *p, uint32_t offset, uint32_t count);

    static Partition &Of(const nf_partition *p) { return *static_cast<Partition *>(const_cast<void *>(p->handle)); }
    static int Take(int &fault);

    std::map<std::string, Partition> partitions_;
    nf_flash_ops ops_;
};
