#pragma once
// A serial scanner: a ByteStream (a real serial port, a USB CDC port, a pty twin) framed by
// SerialFramer.

#include "drivers/scanner/scan_source.h"
#include "drivers/scanner/serial_framer.h"
#include "drivers/transport/byte_stream.h"

#include <chrono>
#include <memory>

namespace hall::drivers::scanner {

class SerialScanSource : public ScanSource {
public:
    // Bytes already waiting on the port are discarded: a code scanned while nobody listened
    // (before a restart, during a re-open) must not be acted on later.
    SerialScanSource(std::unique_ptr<ByteStream> stream, const FramingSettings& framing);
    void pump(std::stop_token stop, const FrameSink& sink) override;

private:
    std::unique_ptr<ByteStream> stream_;
    SerialFramer framer_;
    std::chrono::steady_clock::time_point lastInput_{}; // the pause that ends or drops a code
};

} // namespace hall::drivers::scanner
