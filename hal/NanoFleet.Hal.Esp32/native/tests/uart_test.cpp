// nf_uart_read / nf_uart_write against a fake UART: bounds, timeouts, partial writes, stalls and driver errors.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "nanofleet_uart.h"

namespace
{
struct FakeUart
{
    std::vector<uint8_t> incoming;  // bytes the peer sent, delivered in chunks of at most `chunk`
    std::vector<uint8_t> sent;      // bytes the logic wrote
    uint32_t chunk = 1000;
    uint32_t write_limit = 1000;    // most bytes taken per write call
    int open_result = 0;
    int read_error = 0;
    int write_error = 0;
    int opens = 0;
    uint32_t last_timeout = 0;

    static FakeUart &Of(void *context) { return *static_cast<FakeUart *>(context); }

    static int Open(void *context)
    {
        Of(context).opens++;
        return Of(context).open_result;
    }

    static int Read(void *context, uint8_t *destination, uint32_t count, uint32_t timeout_ms)
    {
        FakeUart &uart = Of(context);
        uart.last_timeout = timeout_ms;
        if (uart.read_error != 0)
        {
            return uart.read_error;
        }

        uint32_t n = std::min<uint32_t>({count, uart.chunk, static_cast<uint32_t>(uart.incoming.size())});
        if (n > 0)  // memcpy from an empty vector's null data() is undefined, even for 0 bytes
        {
            std::memcpy(destination, uart.incoming.data(), n);
        }

        uart.incoming.erase(uart.incoming.begin(), uart.incoming.begin() + n);
        return static_cast<int>(n);
    }

    static int Write(void *context, const uint8_t *source, uint32_t count)
    {
        FakeUart &uart = Of(context);
        if (uart.write_error != 0)
        {
            return uart.write_error;
        }

        uint32_t n = std::min(count, uart.write_limit);
        uart.sent.insert(uart.sent.end(), source, source + n);
        return static_cast<int>(n);
    }

    nf_uart_ops ops{this, Open, Read, Write};
};

constexpr uint8_t Guard = 0xA5;
}  // namespace

TEST(Uart, Read_HappyPath_FillsOnlyTheAskedRange)
{
    FakeUart uart;
    uart.incoming = {1, 2, 3};
    std::vector<uint8_t> buffer(8, Guard);
    EXPECT_EQ(3, nf_uart_read(&uart.ops, buffer.data(), 8, 2, 4, 250));
    EXPECT_EQ((std::vector<uint8_t>{Guard, Guard, 1, 2, 3, Guard, Guard, Guard}), buffer);
    EXPECT_EQ(250u, uart.last_timeout);
}

TEST(Uart, Read_NothingInTime_IsZero)
{
    FakeUart uart;
    uint8_t buffer[4];
    EXPECT_EQ(0, nf_uart_read(&uart.ops, buffer, 4, 0, 4, 10));
}

TEST(Uart, Read_BadParams)
{
    FakeUart uart;
    uint8_t buffer[4];
    EXPECT_EQ(NF_UART_BAD_PARAMETER, nf_uart_read(nullptr, buffer, 4, 0, 4, 10));
    EXPECT_EQ(NF_UART_BAD_PARAMETER, nf_uart_read(&uart.ops, nullptr, 4, 0, 4, 10));
    EXPECT_EQ(NF_UART_BAD_PARAMETER, nf_uart_read(&uart.ops, buffer, 4, 2, 3, 10));
    EXPECT_EQ(NF_UART_BAD_PARAMETER, nf_uart_read(&uart.ops, buffer, 4, 0, 0, 10));
    EXPECT_EQ(NF_UART_BAD_PARAMETER, nf_uart_read(&uart.ops, buffer, 4, -1, 2, 10));
    EXPECT_EQ(NF_UART_BAD_PARAMETER, nf_uart_read(&uart.ops, buffer, 4, 0, 4, -1));
    EXPECT_EQ(0, uart.opens);
}

TEST(Uart, Read_DriverErrorOrPortThatWillNotOpen_IsLineGone)
{
    FakeUart uart;
    uint8_t buffer[4];
    uart.read_error = -1;
    EXPECT_EQ(NF_UART_LINE_GONE, nf_uart_read(&uart.ops, buffer, 4, 0, 4, 10));
    uart.read_error = 0;
    uart.open_result = -1;
    EXPECT_EQ(NF_UART_LINE_GONE, nf_uart_read(&uart.ops, buffer, 4, 0, 4, 10));
}

TEST(Uart, Write_PartialWrites_SendEverything)
{
    FakeUart uart;
    uart.write_limit = 3;
    std::vector<uint8_t> data = {9, 1, 2, 3, 4, 5, 6, 7, 9};
    EXPECT_EQ(1, nf_uart_write(&uart.ops, data.data(), 9, 1, 7));
    EXPECT_EQ((std::vector<uint8_t>{1, 2, 3, 4, 5, 6, 7}), uart.sent);
}

TEST(Uart, Write_StalledOrFailingDriver_IsError)
{
    FakeUart uart;
    uint8_t data[4] = {1, 2, 3, 4};
    uart.write_limit = 0;
    EXPECT_EQ(0, nf_uart_write(&uart.ops, data, 4, 0, 4));
    uart.write_limit = 1000;
    uart.write_error = -1;
    EXPECT_EQ(0, nf_uart_write(&uart.ops, data, 4, 0, 4));
    uart.write_error = 0;
    uart.open_result = -1;
    EXPECT_EQ(0, nf_uart_write(&uart.ops, data, 4, 0, 4));
}

TEST(Uart, Write_BadParams)
{
    FakeUart uart;
    uint8_t data[4] = {1, 2, 3, 4};
    EXPECT_EQ(2, nf_uart_write(nullptr, data, 4, 0, 4));
    EXPECT_EQ(2, nf_uart_write(&uart.ops, nullptr, 4, 0, 4));
    EXPECT_EQ(2, nf_uart_write(&uart.ops, data, 4, 3, 2));
    EXPECT_EQ(2, nf_uart_write(&uart.ops, data, 4, 0, -1));
    EXPECT_TRUE(uart.sent.empty());
}
