#include "drivers/twin/pty_port.h"

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <system_error>
#include <termios.h>
#include <thread>
#include <unistd.h>

namespace hall::drivers::twin {

PtyPort::PtyPort(std::filesystem::path link) : link_(std::move(link)) {}

PtyPort::~PtyPort() {
    unplug();
}

void PtyPort::plug() {
    std::lock_guard lock(mutex_);
    if (master_ >= 0) return;
    int fd = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "posix_openpt");
    if (::grantpt(fd) != 0 || ::unlockpt(fd) != 0) {
        int err = errno;
        ::close(fd);
        throw std::system_error(err, std::generic_category(), "grantpt/unlockpt");
    }
    // Raw both ways: no echo, no CR/LF translation, no signals on 0x03 — frames are binary.
    // On Linux the pair shares one termios, so setting it through the master is enough.
    termios tio{};
    ::tcgetattr(fd, &tio);
    ::cfmakeraw(&tio);
    ::tcsetattr(fd, TCSANOW, &tio);
    // Non-blocking, so a twin never hangs writing to a port no driver reads: write() waits at
    // most a second for room and then reports the bytes lost, as a line with nobody on it.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    char name[128];
    if (::ptsname_r(fd, name, sizeof name) != 0) {
        int err = errno;
        ::close(fd);
        throw std::system_error(err, std::generic_category(), "ptsname_r");
    }
    std::error_code ec;
    std::filesystem::remove(link_, ec);
    std::filesystem::create_symlink(name, link_);
    master_ = fd;
}

void PtyPort::unplug() {
    std::lock_guard lock(mutex_);
    if (master_ < 0) return;
    std::error_code ec;
    std::filesystem::remove(link_, ec);
    ::close(master_);
    master_ = -1;
}

bool PtyPort::plugged() const {
    std::lock_guard lock(mutex_);
    return master_ >= 0;
}

std::vector<std::uint8_t> PtyPort::read(std::chrono::milliseconds timeout) {
    int fd;
    {
        std::lock_guard lock(mutex_);
        fd = master_;
    }
    if (fd < 0) {
        std::this_thread::sleep_for(timeout);
        return {};
    }
    pollfd p{fd, POLLIN, 0};
    int n = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (n <= 0) return {};
    if ((p.revents & POLLIN) == 0) {
        // POLLHUP: nobody has the slave open yet. Wait instead of spinning on it.
        std::this_thread::sleep_for(timeout);
        return {};
    }
    std::vector<std::uint8_t> buf(4096);
    ssize_t got = ::read(fd, buf.data(), buf.size());
    if (got <= 0) return {};
    buf.resize(static_cast<std::size_t>(got));
    return buf;
}

bool PtyPort::write(std::span<const std::uint8_t> bytes) {
    std::lock_guard lock(mutex_);
    if (master_ < 0) return false;
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(master_, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            pollfd p{master_, POLLOUT, 0};
            if (errno == EAGAIN && ::poll(&p, 1, 1000) > 0 && (p.revents & POLLOUT) != 0) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace hall::drivers::twin
