#pragma once
// A byte pipe to a device, whatever carries it: a serial port, a pair of USB bulk endpoints, a
// TCP socket. Frame codecs sit on top and never know which one it is.
//
// Every call is bounded: read() waits at most `timeout`, and a stop request (DeviceWorker::stop)
// interrupts a blocked call at once. A device that is gone (unplugged, port closed under us)
// throws DeviceFailure with the Device category; a timeout is not an error (read returns 0).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <stop_token>

namespace hall::drivers {

class ByteStream {
public:
    virtual ~ByteStream() = default;
    virtual void write(std::span<const std::uint8_t> bytes, std::stop_token stop) = 0;
    // Returns how many bytes were read, 0 when nothing came within timeout (or stop was requested).
    virtual std::size_t read(std::span<std::uint8_t> into, std::chrono::milliseconds timeout,
                             std::stop_token stop) = 0;
    // Drops whatever the device sent that nobody asked for (stale bytes after a timeout).
    virtual void discardInput() = 0;
};

} // namespace hall::drivers
