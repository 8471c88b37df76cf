#pragma once
// Blocking calls with deadlines, built from Asio's asynchronous operations: an operation is
// started, then the connection's own io_context is run until it completes or the deadline
// passes. Synchronous Asio calls cannot time out, and beast::tcp_stream's timeouts close the
// socket, which would turn "no frame yet" into a lost connection.
//
// After a timeout the operation is still in flight. Handlers here own their result through a
// shared_ptr, so a late completion writes nowhere dangerous — but the stream must not be used
// again: callers abandon the stream and its io_context together (the io_context is destroyed
// after the stream, which drops queued handlers without running them).

#include "callstation/netclient/asio.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace hall::netclient::detail {

using Clock = std::chrono::steady_clock;
using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

// Runs `ioc` until done() holds or `deadline` passes; true when done.
template <typename Done>
bool runUntil(boost::asio::io_context& ioc, Done done, Clock::time_point deadline) {
    while (!done()) {
        if (ioc.stopped()) ioc.restart(); // it stops whenever it runs out of work
        if (ioc.run_one_until(deadline) == 0 && !done()) {
            if (Clock::now() >= deadline) return false;
            if (ioc.stopped())
                throw std::logic_error("netclient: waiting although nothing is in progress");
        }
    }
    return true;
}

// Starts an operation through `start(handler)` and waits for it: the operation's error code,
// or nullopt when the deadline passed first.
template <typename Start>
std::optional<boost::system::error_code> runOp(boost::asio::io_context& ioc,
                                               Clock::time_point deadline, Start start) {
    struct Completion {
        bool done = false;
        boost::system::error_code ec;
    };
    auto completion = std::make_shared<Completion>();
    start([completion](boost::system::error_code ec, auto&&...) {
        completion->done = true;
        completion->ec = ec;
    });
    if (!runUntil(
            ioc, [&] { return completion->done; }, deadline))
        return std::nullopt;
    return completion->ec;
}

// Resolves `host` and connects `socket` to the first address that accepts, before `deadline`.
// `receiveBufferBytes` > 0 sets SO_RCVBUF before connecting (the TCP window is negotiated in
// the handshake, so setting it later has less effect). Disables Nagle's algorithm: requests are
// small frames that must leave at once. Throws ConnectionError / TimeoutError naming the step.
void connectTcp(boost::asio::io_context& ioc, boost::asio::ip::tcp::socket& socket,
                const std::string& host, std::uint16_t port, Clock::time_point deadline,
                int receiveBufferBytes = 0);

// The client side of the TLS handshake, checking that the certificate names `host`.
void handshakeTls(boost::asio::io_context& ioc, TlsStream& stream, const std::string& host,
                  std::uint16_t port, Clock::time_point deadline);

// The other side ended the connection (close frame, TLS or TCP closed, reset), as opposed to a
// failure on this side or in between.
bool isPeerClosure(const boost::system::error_code& ec);

std::string endpointName(const std::string& host, std::uint16_t port); // "host:port", [v6]:port

} // namespace hall::netclient::detail
