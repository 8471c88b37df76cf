#include "drivers/transport/serial_stream.h"

#include <optional>
#include <termios.h>

// <utility> before Boost.Asio: with -std=c++20 on g++ 12, Boost 1.74's Asio uses std::exchange
// without including it.
// clang-format off
#include <utility>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/serial_port.hpp>
#include <boost/asio/write.hpp>
// clang-format on

#include "drivers/base/device_error.h"
#include "drivers/transport/asio_bounded.h"

namespace hall::drivers {

namespace asio = boost::asio;

struct SerialStream::Impl {
    asio::io_context io;
    asio::serial_port port{io};
    std::string path;
    unsigned baud = 0;

    // Every operation on port through runBounded (asio_bounded.h).
    template <class Result, class Start>
    auto bounded(Start start, std::chrono::milliseconds timeout, std::stop_token stop) {
        return runBounded<Result>(
            io,
            [this] {
                boost::system::error_code ignored;
                port.cancel(ignored);
            },
            start, timeout, stop);
    }

    [[noreturn]] void lost(const boost::system::error_code& ec) const {
        throw DeviceFailure(deviceError(
            "unplugged",
            "serial port " + path + " stopped working (" + ec.message() +
                "): check the cable or USB adapter; the reader is re-opened when it returns"));
    }
};

SerialStream::SerialStream(const SerialSettings& settings) : impl_(std::make_unique<Impl>()) {
    impl_->path = settings.path;
    impl_->baud = settings.baud;
    boost::system::error_code ec;
    impl_->port.open(settings.path, ec);
    if (ec) {
        const bool denied = ec == boost::system::errc::permission_denied;
        throw DeviceFailure(deviceError(
            denied ? "permission_denied" : "not_found",
            "cannot open serial port " + settings.path + ": " + ec.message() +
                (denied ? " (add the service user to the dialout group or install the udev rules)"
                        : " (is the device plugged in and the port name right?)")));
    }
    using sp = asio::serial_port_base;
    impl_->port.set_option(sp::baud_rate(settings.baud), ec);
    if (!ec) impl_->port.set_option(sp::character_size(8), ec);
    if (!ec) impl_->port.set_option(sp::parity(sp::parity::none), ec);
    if (!ec) impl_->port.set_option(sp::stop_bits(sp::stop_bits::one), ec);
    if (!ec) impl_->port.set_option(sp::flow_control(sp::flow_control::none), ec);
    if (ec)
        throw DeviceFailure(deviceError(
            "bad_settings", "serial port " + settings.path + " refused " +
                                std::to_string(settings.baud) + " baud 8N1: " + ec.message()));
}

SerialStream::~SerialStream() = default;

void SerialStream::write(std::span<const std::uint8_t> bytes, std::stop_token stop) {
    // Time on the wire at 10 bits per byte, plus a second for a slow USB adapter.
    const auto onWire =
        std::chrono::milliseconds(bytes.size() * 10'000 / std::max(impl_->baud, 1u));
    auto result = impl_->bounded<std::size_t>(
        [&](auto handler) {
            asio::async_write(impl_->port, asio::buffer(bytes.data(), bytes.size()), handler);
        },
        onWire + std::chrono::seconds(1), stop);
    if (stop.stop_requested()) return;
    if (!result)
        throw DeviceFailure(deviceError("write_timeout", "serial port " + impl_->path +
                                                             " accepted no data for a second: "
                                                             "check the cable and the baud rate"));
    if (result->first) impl_->lost(result->first);
}

std::size_t SerialStream::read(std::span<std::uint8_t> into, std::chrono::milliseconds timeout,
                               std::stop_token stop) {
    if (into.empty() || stop.stop_requested()) return 0;
    auto result = impl_->bounded<std::size_t>(
        [&](auto handler) {
            impl_->port.async_read_some(asio::buffer(into.data(), into.size()), handler);
        },
        timeout, stop);
    if (!result) return 0;
    // EOF on a tty means the other end is gone (a pty master closed, a USB adapter pulled).
    if (result->first) impl_->lost(result->first);
    return result->second;
}

void SerialStream::discardInput() {
    ::tcflush(impl_->port.native_handle(), TCIFLUSH);
}

} // namespace hall::drivers
