#include "drivers/scanner/serial_scan_source.h"

#include "drivers/base/secure_wipe.h"

#include <array>

namespace hall::drivers::scanner {

namespace {
// Nothing pending: wake this often anyway; the wait costs nothing and stop ends it at once.
constexpr std::chrono::milliseconds kQuietWait{1000};
} // namespace

SerialScanSource::SerialScanSource(std::unique_ptr<ByteStream> stream,
                                   const FramingSettings& framing)
    : stream_(std::move(stream)), framer_(framing) {
    stream_->discardInput();
}

void SerialScanSource::pump(std::stop_token stop, const FrameSink& sink) {
    std::array<std::uint8_t, 512> buf;
    const auto wait = framer_.idleWait();
    const std::size_t n = stream_->read(buf, wait.value_or(kQuietWait), stop);
    if (stop.stop_requested()) return;
    const auto now = std::chrono::steady_clock::now();
    if (n > 0) {
        lastInput_ = now;
        framer_.feed(std::span(buf.data(), n), sink);
        secureWipe(buf.data(), n);
    } else if (wait && now - lastInput_ >= *wait) {
        framer_.idle(sink);
    }
}

} // namespace hall::drivers::scanner
