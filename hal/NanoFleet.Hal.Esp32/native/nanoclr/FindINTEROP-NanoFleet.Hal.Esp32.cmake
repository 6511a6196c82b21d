# nf-interpreter module for the NanoFleet.Hal.Esp32 interop assembly.
# Copy to <nf-interpreter>/CMake/Modules/ and add "NanoFleet.Hal.Esp32" to NF_INTEROP_ASSEMBLIES
# (see docs/esp32.md). NANOFLEET_NATIVE_DIR must point at hal/NanoFleet.Hal.Esp32/native of this repo.

if(NOT NANOFLEET_NATIVE_DIR)
    message(FATAL_ERROR "Set NANOFLEET_NATIVE_DIR to <NanoFleet repo>/hal/NanoFleet.Hal.Esp32/native")
endif()

list(APPEND NanoFleet.Hal.Esp32_INCLUDE_DIRS
    ${NANOFLEET_NATIVE_DIR}/include
    ${NANOFLEET_NATIVE_DIR}/esp32
    ${NANOFLEET_NATIVE_DIR}/nanoclr
    ${PROJECT_SOURCE_DIR}/src/CLR/Core
    ${PROJECT_SOURCE_DIR}/src/CLR/Include
    ${PROJECT_SOURCE_DIR}/src/HAL/Include
    ${PROJECT_SOURCE_DIR}/src/PAL/Include)

# The logic (unit-tested on the host), the ESP-IDF operations, the glue, and the two files the
# MetadataProcessor generates (method table + checksum, header).
list(APPEND NanoFleet.Hal.Esp32_SOURCES
    ${NANOFLEET_NATIVE_DIR}/src/nanofleet_flash.c
    ${NANOFLEET_NATIVE_DIR}/src/nanofleet_claim_protection.c
    ${NANOFLEET_NATIVE_DIR}/src/nanofleet_uart.c
    ${NANOFLEET_NATIVE_DIR}/esp32/nanofleet_esp_partition_ops.c
    ${NANOFLEET_NATIVE_DIR}/esp32/nanofleet_esp_uart_ops.c
    ${NANOFLEET_NATIVE_DIR}/nanoclr/nanofleet_hal_esp32.cpp
    ${NANOFLEET_NATIVE_DIR}/nanoclr/nanofleet_hal_esp32_NanoFleet_Hal_Esp32_NativeFlash.cpp
    ${NANOFLEET_NATIVE_DIR}/nanoclr/nanofleet_hal_esp32_NanoFleet_Hal_Esp32_NativeUart.cpp)

include(FindPackageHandleStandardArgs)
FIND_PACKAGE_HANDLE_STANDARD_ARGS(INTEROP-NanoFleet.Hal.Esp32 DEFAULT_MSG NanoFleet.Hal.Esp32_INCLUDE_DIRS NanoFleet.Hal.Esp32_SOURCES)
