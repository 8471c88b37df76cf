#pragma once
// PC/SC return codes (winscard.h, SCARD_*) in the suite's two error categories.
//
//   Retry  — the reader and pcscd are fine, this attempt with this card was not: the card was
//            pulled or reset mid-read, did not answer, is in use by another program, is not a
//            card the reader can talk to. The citizen is asked to insert the card again.
//   Device — pcscd is not running or stopped answering, no reader is connected, the reader was
//            unplugged or its driver failed, pcsc-lite reports an internal fault. The device is
//            reported lost and the driver re-opens it in the background.
//
// Each error names the PC/SC code (name and hex value) so a technician can look it up, and
// says what to check at the box.

#include "drivers/base/device_error.h"

#include <string>
#include <string_view>

namespace hall::drivers::smartcard {

// pcsc-lite's LONG is `long`; kept as such so this header needs no winscard.h.
using PcscCode = long;

// "SCARD_E_NO_SERVICE"; "SCARD_0x…" for a code pcsc-lite does not define.
std::string pcscCodeName(PcscCode rv);

// The error for `rv`, which happened while doing `during` ("listing readers").
DeviceError pcscError(PcscCode rv, std::string_view during);

[[noreturn]] void throwPcsc(PcscCode rv, std::string_view during);

// pcscd is gone or the connection to it broke: a Device error, and every handle obtained from
// the context is dead.
bool isServiceLost(PcscCode rv);

} // namespace hall::drivers::smartcard
