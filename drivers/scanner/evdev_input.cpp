#include "drivers/scanner/evdev_input.h"

#include "drivers/base/device_error.h"
#include "drivers/scanner/fd_wait.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace hall::drivers::scanner {

EvdevInput::EvdevInput(std::string path, bool grab) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) {
        const int err = errno;
        if (err == ENOENT || err == ENODEV || err == ENXIO)
            throw DeviceFailure(
                deviceError("not_found", "scanner input node " + path_ +
                                             " is not there (is the scanner plugged in?)"));
        if (err == EACCES || err == EPERM)
            throw DeviceFailure(deviceError(
                "permission_denied", "no permission to read scanner input node " + path_ +
                                         " (install the udev rules or add the service user to the "
                                         "input group)"));
        throw DeviceFailure(deviceError("open_failed", "cannot open scanner input node " + path_ +
                                                           ": " + std::strerror(err)));
    }
    if (grab && ::ioctl(fd_, EVIOCGRAB, 1) != 0) {
        const int err = errno;
        ::close(fd_);
        fd_ = -1;
        throw DeviceFailure(deviceError(
            "grab_failed",
            "cannot take scanner input node " + path_ + " for exclusive use (" +
                std::strerror(err) +
                (err == EBUSY ? "): another program holds it; stop that program" : ")")));
    }
}

EvdevInput::~EvdevInput() {
    if (fd_ >= 0) ::close(fd_); // closing also releases the grab
}

void EvdevInput::lost(int err) const {
    throw DeviceFailure(deviceError(
        "unplugged", "scanner input node " + path_ + " went away (" +
                         (err ? std::string(std::strerror(err)) : std::string("end of input")) +
                         "): check the USB cable; the scanner is re-opened when it returns"));
}

std::size_t EvdevInput::read(std::vector<InputEvent>& out, std::chrono::milliseconds timeout,
                             std::stop_token stop) {
    if (waitReadable(fd_, timeout, stop) != WaitResult::Ready) return 0;
    // Up to 64 records per call: a 4 KiB code is ~16 000 events, read in bursts as they come.
    constexpr std::size_t kRecord = sizeof(input_event);
    unsigned char buf[64 * sizeof(input_event)];
    std::size_t have = carry_.size();
    if (have > 0) std::memcpy(buf, carry_.data(), have);
    ssize_t n;
    do {
        n = ::read(fd_, buf + have, sizeof buf - have);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        if (errno == EAGAIN) return 0; // woken by a hang-up that is not there yet, or spurious
        lost(errno);
    }
    if (n == 0) lost(0);
    have += static_cast<std::size_t>(n);
    std::size_t added = 0;
    std::size_t off = 0;
    for (; off + kRecord <= have; off += kRecord) {
        input_event ev;
        std::memcpy(&ev, buf + off, kRecord);
        out.push_back(InputEvent{ev.type, ev.code, ev.value});
        ++added;
    }
    carry_.assign(buf + off, buf + have);
    // The buffer held typed characters (personal data) as key codes.
    explicit_bzero(buf, sizeof buf);
    return added;
}

} // namespace hall::drivers::scanner
