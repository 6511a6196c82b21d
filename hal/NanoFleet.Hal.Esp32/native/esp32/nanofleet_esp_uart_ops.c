#include "nanofleet_esp_uart_ops.h"

#include <driver/uart.h>
#include <freertos/FreeRTOS.h>

/* Room for a whole claim frame (8 KB payload) so a burst from the installer is never dropped. */
#define NF_ESP_UART_RX_BUFFER 10240

static int esp_open(void *context)
{
    (void)context;
    if (uart_is_driver_installed(NF_ESP_CLAIM_UART_PORT))
    {
        return 0;
    }

    const uart_config_t config = {
        .baud_rate = NF_ESP_CLAIM_UART_BAUD,
        .data_bits = UART_DATA_8_BITS,
        .parity = UART_PARITY_DISABLE,
        .stop_bits = UART_STOP_BITS_1,
        .flow_ctrl = UART_HW_FLOWCTRL_DISABLE,
        .source_clk = UART_SCLK_DEFAULT,
    };
    esp_err_t status = uart_driver_install(NF_ESP_CLAIM_UART_PORT, NF_ESP_UART_RX_BUFFER, 0, 0, NULL, 0);
    if (status == ESP_OK)
    {
        status = uart_param_config(NF_ESP_CLAIM_UART_PORT, &config);
    }

    if (status == ESP_OK)
    {
        status = uart_set_pin(NF_ESP_CLAIM_UART_PORT, NF_ESP_CLAIM_UART_TX_GPIO, NF_ESP_CLAIM_UART_RX_GPIO, UART_PIN_NO_CHANGE, UART_PIN_NO_CHANGE);
    }

    return status == ESP_OK ? 0 : -1;
}

static int esp_read(void *context, uint8_t *destination, uint32_t count, uint32_t timeout_ms)
{
    (void)context;
    return uart_read_bytes(NF_ESP_CLAIM_UART_PORT, destination, count, pdMS_TO_TICKS(timeout_ms));
}

static int esp_write(void *context, const uint8_t *source, uint32_t count)
{
    (void)context;
    return uart_write_bytes(NF_ESP_CLAIM_UART_PORT, source, count);
}

static const nf_uart_ops esp_uart_ops = {
    .context = NULL,
    .open = esp_open,
    .read = esp_read,
    .write = esp_write,
};

const nf_uart_ops *nf_esp_uart_ops(void)
{
    return &esp_uart_ops;
}
