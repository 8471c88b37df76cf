#pragma once
// The frame of an in-process test server: a listening socket on an ephemeral port, accepted
// connections handed to a callback, and one thread running the io_context. Connections are
// served on that thread only, so servers built on it need no locks for their own state.

#include "callstation/netclient/asio.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>

namespace hall::testing {

class ServerLoop {
public:
    using OnAccept = std::function<void(boost::asio::ip::tcp::socket)>;

    // Listens on `address`, port 0 (the kernel picks one), and starts serving. Throws
    // boost::system::system_error when the address cannot be bound.
    ServerLoop(const std::string& address, OnAccept onAccept);
    ~ServerLoop();
    ServerLoop(const ServerLoop&) = delete;
    ServerLoop& operator=(const ServerLoop&) = delete;

    std::uint16_t port() const { return port_; }
    boost::asio::io_context& context() { return ioc_; }
    std::size_t accepted() const { return accepted_; }

    // Runs `task` on the loop's thread and waits for it; nothing once stopped.
    void runOnLoop(const std::function<void()>& task);

    // Stops accepting and serving and joins the thread; idempotent. Open connections die with
    // the io_context when the owner is destroyed.
    void stop();

private:
    void accept();

    boost::asio::io_context ioc_;
    boost::asio::ip::tcp::acceptor acceptor_;
    OnAccept onAccept_;
    std::uint16_t port_ = 0;
    std::atomic<std::size_t> accepted_{0};
    std::atomic<bool> stopped_{false};
    std::thread thread_;
};

} // namespace hall::testing
