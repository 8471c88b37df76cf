#include "drivers/scanner/fd_wait.h"

#include <cerrno>
#include <cstdint>
#include <poll.h>
#include <sys/eventfd.h>
#include <system_error>
#include <unistd.h>

namespace hall::drivers::scanner {

WaitResult waitReadable(int fd, std::chrono::milliseconds timeout, std::stop_token stop) {
    if (stop.stop_requested()) return WaitResult::Stopped;
    int wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wake < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{wake};
    std::stop_callback onStop(stop, [wake] {
        const std::uint64_t one = 1;
        [[maybe_unused]] auto n = ::write(wake, &one, sizeof one);
    });
    pollfd fds[2] = {{fd, POLLIN, 0}, {wake, POLLIN, 0}};
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() < 0) left = std::chrono::milliseconds(0);
        int n = ::poll(fds, 2, static_cast<int>(left.count()));
        if (n < 0) {
            if (errno == EINTR) continue;
            throw std::system_error(errno, std::generic_category(), "poll");
        }
        if (stop.stop_requested() || (fds[1].revents & POLLIN) != 0) return WaitResult::Stopped;
        if (fds[0].revents != 0) return WaitResult::Ready;
        if (n == 0) return WaitResult::Timeout;
    }
}

} // namespace hall::drivers::scanner
