#pragma once
// A network printer's raw port (what a printer offers on TCP 9100, "AppSocket/JetDirect"):
// whatever a client sends on one connection is one job, ended by the client closing its side.
// CUPS' socket backend prints to it exactly like to a real printer. It can go offline (the port
// refuses connections, as a printer that is switched off) and come back on the same port.
//
// One thread accepts and reads; every wait in it is bounded, and the destructor stops it.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

namespace hall::drivers::docprint::twin {

class SocketPrinter {
public:
    // Listens on 127.0.0.1:port (0: a free port chosen by the system). Throws std::system_error.
    // With a saveDir, each job is also written there as job-<n>.bin (n from 1), for a person
    // looking at what the printer got.
    explicit SocketPrinter(std::uint16_t port = 0, std::filesystem::path saveDir = {});
    ~SocketPrinter();
    SocketPrinter(const SocketPrinter&) = delete;
    SocketPrinter& operator=(const SocketPrinter&) = delete;

    std::uint16_t port() const { return port_; }

    // Offline closes the port (and drops connections in progress); online opens it again.
    // Returns once the change is in effect (bounded: throws std::runtime_error after 2 s).
    void setOnline(bool online);
    bool online() const;

    // Jobs received whole so far, oldest first.
    std::vector<std::vector<std::uint8_t>> jobs() const;
    // Waits until at least `count` jobs arrived; false on timeout.
    bool waitForJobs(std::size_t count, std::chrono::milliseconds timeout) const;
    void clear();

private:
    void run(std::stop_token stop);
    int openListener();

    std::uint16_t port_ = 0;
    std::filesystem::path saveDir_;
    mutable std::mutex mutex_;
    mutable std::condition_variable cv_;
    bool wantOnline_ = true;
    bool isOnline_ = false;
    std::vector<std::vector<std::uint8_t>> jobs_;
    int listenFd_ = -1; // owned by the thread once it runs
    std::jthread thread_;
};

} // namespace hall::drivers::docprint::twin
