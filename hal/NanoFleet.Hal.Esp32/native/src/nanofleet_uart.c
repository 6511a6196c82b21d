#include "nanofleet_uart.h"

#include <stddef.h>

#include "nanofleet_flash.h"

/* A driver that takes no bytes this many times in a row is stuck: report an error rather than spin. */
#define NF_UART_MAX_STALLS 3

int32_t nf_uart_read(const nf_uart_ops *ops, uint8_t *buffer, int32_t buffer_length, int32_t offset, int32_t count, int32_t timeout_ms)
{
    int32_t result = NF_UART_BAD_PARAMETER;
    if (ops != NULL && buffer != NULL && count > 0 && timeout_ms >= 0 && nf_flash_range_valid(buffer_length, offset, count))
    {
        result = NF_UART_LINE_GONE;
        if (ops->open(ops->context) == 0)
        {
            int read = ops->read(ops->context, buffer + offset, (uint32_t)count, (uint32_t)timeout_ms);
            /* A driver that claims more than it was asked for is broken: never let it look like data. */
            result = (read < 0 || read > count) ? NF_UART_LINE_GONE : (int32_t)read;
        }
    }

    return result;
}

int32_t nf_uart_write(const nf_uart_ops *ops, const uint8_t *data, int32_t data_length, int32_t offset, int32_t count)
{
    int32_t status = NF_FLASH_BAD_PARAMETER;
    if (ops != NULL && data != NULL && count >= 0 && nf_flash_range_valid(data_length, offset, count))
    {
        status = ops->open(ops->context) == 0 ? NF_FLASH_SUCCESS : NF_FLASH_ERROR;
        int32_t sent = 0;
        int stalls = 0;
        while (status == NF_FLASH_SUCCESS && sent < count)
        {
            int written = ops->write(ops->context, data + offset + sent, (uint32_t)(count - sent));
            if (written < 0 || written > count - sent || (written == 0 && ++stalls >= NF_UART_MAX_STALLS))
            {
                status = NF_FLASH_ERROR;
            }
            else
            {
                sent += written;
            }
        }
    }

    return status;
}
