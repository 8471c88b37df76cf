#pragma once
// A TCP connection as a ByteStream (boost::asio::ip::tcp): network LED controllers,
// RS-485-to-Ethernet gateways, raw-TCP printers (port 9100, the "AppSocket" convention of
// Ethernet ESC/POS printers: bytes in are printed, status bytes come back on the same
// connection).
//
// The shape mirrors SerialStream: a private io_context per stream; every blocking call runs it
// for at most its timeout, and a stop request posts a cancel into it, so a blocked connect or
// read returns at once. Nagle is off: a short request (a status query) leaves at once instead of
// waiting for the peer's delayed ACK.
//
// Errors (DeviceFailure, Device category): not_found (the name does not resolve),
// connect_failed, stopped (stop requested while connecting), unplugged (the peer closed or reset
// the connection), write_timeout.

#include "drivers/transport/byte_stream.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace hall::drivers {

struct TcpSettings {
    std::string host; // "192.168.1.87"; numeric addresses connect without a name lookup
    std::uint16_t port = 0;
    std::chrono::milliseconds connectTimeout{2000};
    // How long the peer may take to accept a whole write before it counts as hung.
    std::chrono::milliseconds writeTimeout{3000};
};

class TcpStream : public ByteStream {
public:
    // Connects within connectTimeout; throws DeviceFailure.
    explicit TcpStream(const TcpSettings& settings, std::stop_token stop = {});
    ~TcpStream() override;
    TcpStream(const TcpStream&) = delete;
    TcpStream& operator=(const TcpStream&) = delete;

    void write(std::span<const std::uint8_t> bytes, std::stop_token stop) override;
    std::size_t read(std::span<std::uint8_t> into, std::chrono::milliseconds timeout,
                     std::stop_token stop) override;
    // Drops whatever already arrived and was not read, without waiting for more.
    void discardInput() override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace hall::drivers
