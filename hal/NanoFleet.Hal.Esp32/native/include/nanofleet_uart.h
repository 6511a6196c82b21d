/*
 * NanoFleet serial line: the bounded read and the write-all the managed ISerialLine needs, with the
 * range checks the managed side relies on. Pure C over a small operations table, so the same logic
 * runs in the custom nanoCLR (over ESP-IDF's uart driver) and on the host (over a fake UART in the
 * GoogleTest suite). The installer's temporary claim arrives this way; nothing here stores it.
 */
#ifndef NANOFLEET_UART_H
#define NANOFLEET_UART_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** nf_uart_read's result for a line that failed (driver error); the managed side's "line gone". */
#define NF_UART_LINE_GONE (-1)

/** nf_uart_read's result for a bad argument (null buffer, range outside it, negative timeout). */
#define NF_UART_BAD_PARAMETER (-2)

/** The driver calls the logic needs. Each returns the bytes moved (>= 0) or a negative driver error. */
typedef struct
{
    void *context;
    /** Brings the port up once (idempotent); 0 on success. */
    int (*open)(void *context);
    /** Reads up to count bytes, waiting at most timeout_ms for the first. */
    int (*read)(void *context, uint8_t *destination, uint32_t count, uint32_t timeout_ms);
    /** Queues up to count bytes for sending. */
    int (*write)(void *context, const uint8_t *source, uint32_t count);
} nf_uart_ops;

/**
 * Reads into buffer[offset, offset + count) (buffer_length as C# passes it), waiting at most timeout_ms.
 * Returns the bytes read, 0 when nothing came in time, NF_UART_LINE_GONE or NF_UART_BAD_PARAMETER.
 */
int32_t nf_uart_read(const nf_uart_ops *ops, uint8_t *buffer, int32_t buffer_length, int32_t offset, int32_t count, int32_t timeout_ms);

/**
 * Writes all of data[offset, offset + count). Returns 1 (HalStatus.Success), 2 (BadParameter) or
 * 0 (Error: the driver failed or stopped taking bytes).
 */
int32_t nf_uart_write(const nf_uart_ops *ops, const uint8_t *data, int32_t data_length, int32_t offset, int32_t count);

#ifdef __cplusplus
}
#endif

#endif
