#pragma once
// One opened connection to a scanner, whatever its kind. ScannerDevice opens one per
// (re)connection through a ScanSourceOpener and pumps it until the scanner goes away.

#include "drivers/scanner/payload_assembler.h"

#include <functional>
#include <memory>
#include <stop_token>

namespace hall::drivers::scanner {

class ScanSource {
public:
    virtual ~ScanSource() = default;
    // Waits a bounded time for input (a stop request ends the wait at once) and hands every
    // complete code and failed attempt to sink. Throws DeviceFailure (Device category) when the
    // scanner is gone.
    virtual void pump(std::stop_token stop, const FrameSink& sink) = 0;
};

// Opens the scanner; throws DeviceFailure (Device category) when it is not there.
using ScanSourceOpener = std::function<std::unique_ptr<ScanSource>(std::stop_token)>;

} // namespace hall::drivers::scanner
