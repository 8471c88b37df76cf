#pragma once
// A serial port as a ByteStream (boost::asio::serial_port): SAM readers, serial scanners, and
// later the RS-485 LED and keypad buses. 8N1, no flow control: what every one of those devices
// speaks; the baud rate is the one setting that differs between models.
//
// Cancellation: every blocking call runs the port's private io_context for at most its timeout;
// a stop request posts a cancel into that io_context, so a blocked read returns within
// microseconds instead of waiting out its timeout.

#include "drivers/transport/byte_stream.h"

#include <memory>
#include <string>

namespace hall::drivers {

struct SerialSettings {
    std::string path; // /dev/ttyUSB0, /dev/serial/by-id/…, or a pty link in tests
    unsigned baud = 115200;
};

class SerialStream : public ByteStream {
public:
    // Throws DeviceFailure (Device category) when the port cannot be opened or configured.
    explicit SerialStream(const SerialSettings& settings);
    ~SerialStream() override;

    void write(std::span<const std::uint8_t> bytes, std::stop_token stop) override;
    std::size_t read(std::span<std::uint8_t> into, std::chrono::milliseconds timeout,
                     std::stop_token stop) override;
    void discardInput() override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace hall::drivers
