/*
 * nf_uart_ops over ESP-IDF's uart driver: the port the installer's USB-UART adapter is wired to.
 * Built only into the custom nanoCLR (needs ESP-IDF); the host tests use a fake instead.
 */
#ifndef NANOFLEET_ESP_UART_OPS_H
#define NANOFLEET_ESP_UART_OPS_H

#include "nanofleet_uart.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * UART2 on GPIO17 (TX) / GPIO16 (RX), 115200 8N1: UART0 carries nanoFramework's wire protocol (the
 * debugger and deployment), so the claim transfer has a port of its own, on the pins ESP32
 * DevKitC boards leave free for UART2.
 */
#define NF_ESP_CLAIM_UART_PORT 2
#define NF_ESP_CLAIM_UART_TX_GPIO 17
#define NF_ESP_CLAIM_UART_RX_GPIO 16
#define NF_ESP_CLAIM_UART_BAUD 115200

/** The operations table backed by uart_driver_install / uart_read_bytes / uart_write_bytes. */
const nf_uart_ops *nf_esp_uart_ops(void);

#ifdef __cplusplus
}
#endif

#endif
