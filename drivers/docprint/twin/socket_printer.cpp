#include "drivers/docprint/twin/socket_printer.h"

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <system_error>
#include <unistd.h>

namespace hall::drivers::docprint::twin {

namespace {

constexpr int kPollMs = 50;

[[noreturn]] void throwErrno(const char* what) {
    throw std::system_error(errno, std::generic_category(), what);
}

} // namespace

SocketPrinter::SocketPrinter(std::uint16_t port, std::filesystem::path saveDir)
    : port_(port), saveDir_(std::move(saveDir)) {
    listenFd_ = openListener();
    isOnline_ = true;
    thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

SocketPrinter::~SocketPrinter() {
    thread_.request_stop();
    if (thread_.joinable()) thread_.join();
    if (listenFd_ >= 0) ::close(listenFd_);
}

int SocketPrinter::openListener() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) throwErrno("socket");
    const int one = 1;
    // The same port again after going offline, while old connections sit in TIME_WAIT.
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port_);
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(fd, 8) != 0) {
        const int err = errno;
        ::close(fd);
        errno = err;
        throwErrno("bind/listen on 127.0.0.1");
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    return fd;
}

void SocketPrinter::setOnline(bool online) {
    std::unique_lock lock(mutex_);
    wantOnline_ = online;
    if (!cv_.wait_for(lock, std::chrono::seconds(2), [&] { return isOnline_ == online; }))
        throw std::runtime_error("the socket printer did not change its online state in 2 s");
}

bool SocketPrinter::online() const {
    std::lock_guard lock(mutex_);
    return isOnline_;
}

std::vector<std::vector<std::uint8_t>> SocketPrinter::jobs() const {
    std::lock_guard lock(mutex_);
    return jobs_;
}

bool SocketPrinter::waitForJobs(std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, timeout, [&] { return jobs_.size() >= count; });
}

void SocketPrinter::clear() {
    std::lock_guard lock(mutex_);
    jobs_.clear();
}

void SocketPrinter::run(std::stop_token stop) {
    std::map<int, std::vector<std::uint8_t>> open; // connection fd -> bytes so far
    auto closeAll = [&] {
        for (auto& [fd, bytes] : open)
            ::close(fd);
        open.clear();
    };
    while (!stop.stop_requested()) {
        {
            std::lock_guard lock(mutex_);
            if (wantOnline_ != isOnline_) {
                if (wantOnline_) {
                    try {
                        listenFd_ = openListener();
                        isOnline_ = true;
                    } catch (const std::exception&) {
                        // Port still taken: try again on the next round.
                    }
                } else {
                    ::close(listenFd_);
                    listenFd_ = -1;
                    closeAll(); // a printer switched off mid-job
                    isOnline_ = false;
                }
                cv_.notify_all();
            }
        }
        std::vector<pollfd> fds;
        if (listenFd_ >= 0) fds.push_back({listenFd_, POLLIN, 0});
        for (const auto& [fd, bytes] : open)
            fds.push_back({fd, POLLIN, 0});
        if (::poll(fds.data(), fds.size(), kPollMs) <= 0) continue;
        for (const auto& p : fds) {
            if (p.revents == 0) continue;
            if (p.fd == listenFd_) {
                const int c = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
                if (c >= 0) open.emplace(c, std::vector<std::uint8_t>{});
                continue;
            }
            std::uint8_t buf[16384];
            const ssize_t n = ::read(p.fd, buf, sizeof buf);
            if (n > 0) {
                auto& bytes = open[p.fd];
                bytes.insert(bytes.end(), buf, buf + n);
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
            // End of the job: the sender closed its side (or the connection broke).
            std::vector<std::uint8_t> job = std::move(open[p.fd]);
            open.erase(p.fd);
            ::close(p.fd);
            if (n == 0 && !job.empty()) {
                std::lock_guard lock(mutex_);
                if (!saveDir_.empty()) {
                    std::ofstream out(saveDir_ /
                                          ("job-" + std::to_string(jobs_.size() + 1) + ".bin"),
                                      std::ios::binary);
                    out.write(reinterpret_cast<const char*>(job.data()),
                              static_cast<std::streamsize>(job.size()));
                }
                jobs_.push_back(std::move(job));
                cv_.notify_all();
            }
        }
    }
    closeAll();
}

} // namespace hall::drivers::docprint::twin
