// nanoCLR glue for NanoFleet.Hal.Esp32.NativeUart: unpacks the managed arguments and calls the tested
// C logic (src/nanofleet_uart.c) over ESP-IDF's uart driver (esp32/). Nothing here decides anything.
// Naming and generated files as for NativeFlash (see nanofleet_hal_esp32_NanoFleet_Hal_Esp32_NativeFlash.cpp).

#include "nanofleet_hal_esp32.h"

#include "nanofleet_esp_uart_ops.h"
#include "nanofleet_uart.h"

typedef Library_nanofleet_hal_esp32_NanoFleet_Hal_Esp32_NativeUart NativeUart;

HRESULT NativeUart::NativeRead___STATIC__I4__SZARRAY_U1__I4__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        CLR_RT_HeapBlock_Array *buffer = stack.Arg0().DereferenceArray();
        int32_t read = nf_uart_read(
            nf_esp_uart_ops(),
            buffer == NULL ? NULL : (uint8_t *)buffer->GetFirstElement(),
            buffer == NULL ? 0 : (int32_t)buffer->m_numOfElements,
            stack.Arg1().NumericByRef().s4,
            stack.Arg2().NumericByRef().s4,
            stack.Arg3().NumericByRef().s4);
        stack.SetResult_I4(read);
    }
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT NativeUart::NativeWrite___STATIC__I4__SZARRAY_U1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        CLR_RT_HeapBlock_Array *data = stack.Arg0().DereferenceArray();
        int32_t status = nf_uart_write(
            nf_esp_uart_ops(),
            data == NULL ? NULL : (const uint8_t *)data->GetFirstElement(),
            data == NULL ? 0 : (int32_t)data->m_numOfElements,
            stack.Arg1().NumericByRef().s4,
            stack.Arg2().NumericByRef().s4);
        stack.SetResult_I4(status);
    }
    NANOCLR_NOCLEANUP_NOLABEL();
}
