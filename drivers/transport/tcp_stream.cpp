#include "drivers/transport/tcp_stream.h"

#include <optional>

// <utility> before Boost.Asio: with -std=c++20 on g++ 12, Boost 1.74's Asio uses std::exchange
// without including it.
// clang-format off
#include <utility>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
// clang-format on

#include "drivers/base/device_error.h"
#include "drivers/transport/asio_bounded.h"

namespace hall::drivers {

namespace asio = boost::asio;
using asio::ip::tcp;

struct TcpStream::Impl {
    asio::io_context io;
    tcp::socket socket{io};
    std::string peer; // "host:port", for messages
    std::chrono::milliseconds writeTimeout{};

    // Every operation on socket through runBounded (asio_bounded.h).
    template <class Result, class Start>
    auto bounded(Start start, std::chrono::milliseconds timeout, std::stop_token stop) {
        return runBounded<Result>(
            io,
            [this] {
                boost::system::error_code ignored;
                socket.cancel(ignored);
            },
            start, timeout, stop);
    }

    [[noreturn]] void lost(const boost::system::error_code& ec) const {
        throw DeviceFailure(
            deviceError("unplugged", "connection to " + peer + " broke (" + ec.message() +
                                         "): check the network cable and the device's power; it is "
                                         "reconnected when it answers again"));
    }
};

TcpStream::TcpStream(const TcpSettings& settings, std::stop_token stop)
    : impl_(std::make_unique<Impl>()) {
    impl_->peer = settings.host + ":" + std::to_string(settings.port);
    impl_->writeTimeout = settings.writeTimeout;

    tcp::resolver resolver(impl_->io);
    boost::system::error_code ec;
    // Numeric addresses resolve without a lookup; a name goes through the system resolver, which
    // Asio cannot bound: halls configure their controllers by address for that reason.
    const auto endpoints = resolver.resolve(settings.host, std::to_string(settings.port), ec);
    if (ec || endpoints.empty())
        throw DeviceFailure(deviceError("not_found", "cannot resolve " + settings.host + ": " +
                                                         ec.message() +
                                                         " (check the configured address)"));

    using Endpoint = tcp::endpoint;
    auto result = impl_->bounded<Endpoint>(
        [&](auto handler) { asio::async_connect(impl_->socket, endpoints, handler); },
        settings.connectTimeout, stop);
    if (stop.stop_requested())
        throw DeviceFailure(deviceError("stopped", "stopped while connecting to " + impl_->peer));
    if (!result || result->first) {
        const std::string why =
            result ? result->first.message()
                   : "no answer within " + std::to_string(settings.connectTimeout.count()) + " ms";
        throw DeviceFailure(
            deviceError("connect_failed", "cannot connect to " + impl_->peer + ": " + why +
                                              " (is the device powered and on the network, and the "
                                              "port the one it listens on?)"));
    }
    impl_->socket.set_option(tcp::no_delay(true), ec);
}

TcpStream::~TcpStream() = default;

void TcpStream::write(std::span<const std::uint8_t> bytes, std::stop_token stop) {
    auto result = impl_->bounded<std::size_t>(
        [&](auto handler) {
            asio::async_write(impl_->socket, asio::buffer(bytes.data(), bytes.size()), handler);
        },
        impl_->writeTimeout, stop);
    if (stop.stop_requested()) return;
    if (!result)
        throw DeviceFailure(deviceError(
            "write_timeout", impl_->peer + " accepted no data for " +
                                 std::to_string(impl_->writeTimeout.count()) +
                                 " ms: the device or gateway has hung; it is reconnected"));
    if (result->first) impl_->lost(result->first);
}

std::size_t TcpStream::read(std::span<std::uint8_t> into, std::chrono::milliseconds timeout,
                            std::stop_token stop) {
    if (into.empty() || stop.stop_requested()) return 0;
    auto result = impl_->bounded<std::size_t>(
        [&](auto handler) {
            impl_->socket.async_read_some(asio::buffer(into.data(), into.size()), handler);
        },
        timeout, stop);
    if (!result) return 0;
    // EOF: the peer closed the connection (a controller that rebooted, a gateway that dropped us).
    if (result->first) impl_->lost(result->first);
    return result->second;
}

void TcpStream::discardInput() {
    boost::system::error_code ec;
    std::uint8_t scratch[512];
    // Whatever is already in the socket's receive buffer, without waiting for more.
    while (impl_->socket.available(ec) > 0 && !ec) {
        const std::size_t n = impl_->socket.read_some(asio::buffer(scratch), ec);
        if (ec || n == 0) break;
    }
}

} // namespace hall::drivers
