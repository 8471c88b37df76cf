#pragma once
// The device end of a virtual serial port, for twins. A pseudo-terminal's slave side is a real
// tty: the driver opens it with the same SerialStream it uses for hardware. The slave is
// published under a stable symlink, like /dev/serial/by-id/…, because every plug gets a new
// /dev/pts/N:
//   plug()   new pty, raw mode, link → its slave
//   unplug() link removed, master closed: the driver's next read fails as on a pulled cable
// Baud rate means nothing on a pty; twins that simulate slow devices sleep between bytes.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <span>
#include <vector>

namespace hall::drivers::twin {

class PtyPort {
public:
    explicit PtyPort(std::filesystem::path link);
    ~PtyPort();
    PtyPort(const PtyPort&) = delete;
    PtyPort& operator=(const PtyPort&) = delete;

    void plug(); // throws std::system_error when no pty can be made
    void unplug();
    bool plugged() const;
    const std::filesystem::path& link() const { return link_; }

    // What the driver wrote; empty after timeout, when unplugged, or when no driver has the port
    // open (the master sees a hang-up until the slave is opened).
    std::vector<std::uint8_t> read(std::chrono::milliseconds timeout);
    // Bytes for the driver; false when unplugged.
    bool write(std::span<const std::uint8_t> bytes);

private:
    std::filesystem::path link_;
    mutable std::mutex mutex_; // guards master_ against unplug() from the control thread
    int master_ = -1;
};

} // namespace hall::drivers::twin
