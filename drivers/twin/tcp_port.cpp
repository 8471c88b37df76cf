#include "drivers/twin/tcp_port.h"

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace hall::drivers::twin {

TcpPort::TcpPort(std::uint16_t port, std::string bindAddress)
    : bindAddress_(std::move(bindAddress)), port_(port) {}

TcpPort::~TcpPort() {
    unplug();
}

void TcpPort::plug() {
    std::lock_guard lock(mutex_);
    if (listenFd_ >= 0) return;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "socket");
    const int one = 1;
    // The same port again right after unplug(), while the old connection sits in TIME_WAIT.
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port_);
    if (::inet_pton(AF_INET, bindAddress_.c_str(), &addr.sin_addr) != 1) {
        ::close(fd);
        throw std::system_error(EINVAL, std::generic_category(), "bad address " + bindAddress_);
    }
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, 4) != 0) {
        const int err = errno;
        ::close(fd);
        throw std::system_error(err, std::generic_category(),
                                "cannot listen on " + bindAddress_ + ":" + std::to_string(port_));
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    listenFd_ = fd;
}

void TcpPort::closeConnection() {
    if (connFd_ < 0) return;
    // SO_LINGER 0: the close sends a reset, as a printer that loses power mid-connection does;
    // the driver's next read fails at once instead of seeing an orderly end of stream later.
    linger hard{1, 0};
    ::setsockopt(connFd_, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    ::close(connFd_);
    connFd_ = -1;
}

void TcpPort::unplug() {
    std::lock_guard lock(mutex_);
    closeConnection();
    if (listenFd_ >= 0) ::close(listenFd_);
    listenFd_ = -1;
}

bool TcpPort::plugged() const {
    std::lock_guard lock(mutex_);
    return listenFd_ >= 0;
}

std::uint16_t TcpPort::port() const {
    std::lock_guard lock(mutex_);
    return port_;
}

std::uint64_t TcpPort::connections() const {
    std::lock_guard lock(mutex_);
    return connections_;
}

std::vector<std::uint8_t> TcpPort::read(std::chrono::milliseconds timeout) {
    int listenFd, connFd;
    {
        std::lock_guard lock(mutex_);
        listenFd = listenFd_;
        connFd = connFd_;
    }
    if (listenFd < 0) {
        std::this_thread::sleep_for(timeout);
        return {};
    }
    const bool accepting = connFd < 0;
    pollfd p{accepting ? listenFd : connFd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return {};
    std::lock_guard lock(mutex_);
    // unplug() may have closed the descriptors while poll waited.
    if (listenFd_ != listenFd || connFd_ != connFd) return {};
    if (accepting) {
        const int fd = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd >= 0) {
            const int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            connFd_ = fd;
            ++connections_;
        }
        return {};
    }
    std::vector<std::uint8_t> buf(4096);
    const ssize_t got = ::recv(connFd_, buf.data(), buf.size(), MSG_DONTWAIT);
    if (got <= 0) {
        if (got < 0 && (errno == EAGAIN || errno == EINTR)) return {};
        ::close(connFd_); // the client closed: orderly, no reset needed
        connFd_ = -1;
        return {};
    }
    buf.resize(static_cast<std::size_t>(got));
    return buf;
}

bool TcpPort::write(std::span<const std::uint8_t> bytes) {
    std::lock_guard lock(mutex_);
    if (connFd_ < 0) return false;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n =
            ::send(connFd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR) continue;
            pollfd p{connFd_, POLLOUT, 0};
            if (errno == EAGAIN && ::poll(&p, 1, 1000) > 0 && (p.revents & POLLOUT) != 0) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace hall::drivers::twin
