#pragma once
// The device end of a TCP port, for twins of network devices (a printer's raw port 9100, a
// network LED controller). The twin listens; the driver connects with the same TcpStream it
// uses for hardware. One connection is served at a time, as network printers do: a second
// client waits in the listen backlog until the first one closes.
//   plug()   listen (again) on the port; port 0 picks a free one, kept across unplug/plug
//   unplug() the listener and the connection close: the driver sees a reset, as when a cable
//            is pulled, and cannot connect until plug()
// Bound to the loopback address unless told otherwise: a twin is not a network service.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace hall::drivers::twin {

class TcpPort {
public:
    explicit TcpPort(std::uint16_t port = 0, std::string bindAddress = "127.0.0.1");
    ~TcpPort();
    TcpPort(const TcpPort&) = delete;
    TcpPort& operator=(const TcpPort&) = delete;

    void plug(); // throws std::system_error when the port cannot be bound
    void unplug();
    bool plugged() const;
    std::uint16_t port() const; // the bound port (after the first plug)

    // What the client sent; empty after timeout, when no client is connected, or when the
    // client has just closed (the next client is then accepted by a later read).
    std::vector<std::uint8_t> read(std::chrono::milliseconds timeout);
    // Bytes for the connected client; false when there is none or it has gone.
    bool write(std::span<const std::uint8_t> bytes);
    // Connections accepted so far: a twin that sees it change starts a fresh session.
    std::uint64_t connections() const;

private:
    void closeConnection(); // with mutex_ held

    std::string bindAddress_;
    mutable std::mutex mutex_; // guards the descriptors against unplug() from the control thread
    std::uint16_t port_;
    int listenFd_ = -1;
    int connFd_ = -1;
    std::uint64_t connections_ = 0;
};

} // namespace hall::drivers::twin
