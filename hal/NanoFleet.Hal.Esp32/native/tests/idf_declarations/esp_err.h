/* API declaration (compile check only) of espressif/esp-idf:components/esp_common/include/esp_err.h. */
#pragma once
typedef int esp_err_t;
#define ESP_OK 0
