#include "drivers/smartcard/twin/vpcd_card.h"

#include <cerrno>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace hall::devsim {

namespace {

constexpr std::uint8_t kPowerOff = 0x00;
constexpr std::uint8_t kPowerOn = 0x01;
constexpr std::uint8_t kReset = 0x02;
constexpr std::uint8_t kGetAtr = 0x04;
constexpr int kPollSliceMs = 50; // how often a blocked read looks at stop / remove

int connectTo(const std::string& host, std::uint16_t port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo* res = nullptr;
    if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &res) != 0) return -1;
    int fd = -1;
    for (addrinfo* a = res; a; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        if (connect(fd, a->ai_addr, a->ai_addrlen) == 0) break;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd >= 0) {
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    return fd;
}

bool sendAll(int fd, const std::uint8_t* p, std::size_t n) {
    while (n > 0) {
        const ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

} // namespace

VpcdVirtualCard::VpcdVirtualCard(VpcdCardOptions options)
    : options_(std::move(options)), thread_([this](std::stop_token stop) { run(stop); }) {}

VpcdVirtualCard::~VpcdVirtualCard() {
    thread_.request_stop();
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void VpcdVirtualCard::insert(const SsCardPerson& person) {
    SsCardApplet applet(person, options_.applet); // throws before anything changes
    std::lock_guard lock(mutex_);
    card_.emplace(std::move(applet));
    ++generation_;
    powered_ = false;
    changed_.notify_all();
}

void VpcdVirtualCard::remove() {
    std::lock_guard lock(mutex_);
    card_.reset();
    ++generation_;
    powered_ = false;
    changed_.notify_all();
}

void VpcdVirtualCard::setMuted(bool muted) {
    std::lock_guard lock(mutex_);
    muted_ = muted;
    muteAt_.reset();
    changed_.notify_all();
}

void VpcdVirtualCard::muteAfter(std::uint64_t apdus) {
    std::lock_guard lock(mutex_);
    muted_ = false;
    muteAt_ = answered_.load() + apdus;
    changed_.notify_all();
}

void VpcdVirtualCard::setGarbage(bool garbage) {
    std::lock_guard lock(mutex_);
    garbage_ = garbage;
}

void VpcdVirtualCard::setReplyDelay(std::chrono::milliseconds delay) {
    std::lock_guard lock(mutex_);
    delay_ = delay;
    changed_.notify_all();
}

bool VpcdVirtualCard::inserted() const {
    std::lock_guard lock(mutex_);
    return card_.has_value();
}

bool VpcdVirtualCard::waitUntilPowered(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return powered_; });
}

bool VpcdVirtualCard::current(std::uint64_t generation, std::stop_token stop) const {
    return !stop.stop_requested() && generation == generation_;
}

void VpcdVirtualCard::run(std::stop_token stop) {
    while (!stop.stop_requested()) {
        std::uint64_t generation = 0;
        std::optional<SsCardApplet> applet;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, stop, [&] { return card_.has_value(); });
            if (stop.stop_requested()) return;
            generation = generation_;
            applet = *card_; // this connection's own card: a later insert() closes it
        }
        const int fd = connectTo(options_.host, options_.port);
        if (fd >= 0) {
            connected_ = true;
            applet->reset();
            serve(fd, generation, std::move(*applet), stop);
            close(fd);
            connected_ = false;
        }
        // vpcd not listening (pcscd down) or it dropped us: try again shortly, unless the card
        // was removed or replaced meanwhile (then at once).
        std::unique_lock lock(mutex_);
        powered_ = false;
        changed_.wait_for(lock, stop, options_.reconnectInterval,
                          [&] { return generation_ != generation; });
    }
}

bool VpcdVirtualCard::readExact(int fd, std::uint8_t* into, std::size_t n, std::uint64_t generation,
                                std::stop_token stop) {
    while (n > 0) {
        {
            std::lock_guard lock(mutex_);
            if (!current(generation, stop)) return false;
        }
        pollfd p{fd, POLLIN, 0};
        const int r = poll(&p, 1, kPollSliceMs);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return false;
        if (r == 0) continue;
        // vpcd writes a message's length and its payload with two send() calls on a socket
        // without TCP_NODELAY: Nagle holds the payload until the length is acknowledged, and a
        // delayed ACK from us would cost ~40 ms per message. Linux clears QUICKACK on its own, so
        // it is set again before every read.
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
        const ssize_t got = recv(fd, into, n, 0);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false; // vpcd closed: pcscd stopped or dropped the card
        into += got;
        n -= static_cast<std::size_t>(got);
    }
    return true;
}

bool VpcdVirtualCard::reply(int fd, const std::vector<std::uint8_t>& payload,
                            std::uint64_t generation, std::stop_token stop) {
    {
        std::unique_lock lock(mutex_);
        if (delay_.count() > 0) {
            const auto until = std::chrono::steady_clock::now() + delay_;
            changed_.wait_until(lock, stop, until, [&] { return generation_ != generation; });
        }
        if (!current(generation, stop)) return false;
    }
    std::vector<std::uint8_t> frame{static_cast<std::uint8_t>(payload.size() >> 8),
                                    static_cast<std::uint8_t>(payload.size() & 0xFF)};
    frame.insert(frame.end(), payload.begin(), payload.end());
    return sendAll(fd, frame.data(), frame.size());
}

void VpcdVirtualCard::serve(int fd, std::uint64_t generation, SsCardApplet applet,
                            std::stop_token stop) {
    std::vector<std::uint8_t> message;
    while (true) {
        std::uint8_t header[2];
        if (!readExact(fd, header, 2, generation, stop)) return;
        message.assign(static_cast<std::size_t>((header[0] << 8) | header[1]), 0);
        if (!message.empty() && !readExact(fd, message.data(), message.size(), generation, stop))
            return;

        if (message.size() == 1) {
            switch (message[0]) {
            case kPowerOff:
                break;
            case kPowerOn:
            case kReset:
                applet.reset();
                break;
            case kGetAtr: {
                if (!reply(fd, applet.atr(), generation, stop)) return;
                std::lock_guard lock(mutex_);
                powered_ = true;
                changed_.notify_all();
                break;
            }
            default:
                break; // unknown control: vpcd expects no answer
            }
            continue;
        }
        if (message.empty()) continue;

        ++received_;
        std::vector<std::uint8_t> response;
        {
            std::unique_lock lock(mutex_);
            if (garbage_) {
                // Never a valid response: one byte (no status word), or three ending in a status
                // word whose SW1 is neither 6x nor 9x.
                response = (garbageCount_++ % 2 == 0) ? std::vector<std::uint8_t>{0x3C}
                                                      : std::vector<std::uint8_t>{0xA5, 0x1F, 0x00};
            }
            if (muteAt_ && answered_.load() >= *muteAt_) {
                muted_ = true;
                muteAt_.reset();
            }
            // Muted: hold the answer until unmuted, removed or stopped.
            changed_.wait(lock, stop, [&] { return !muted_ || generation_ != generation; });
            if (!current(generation, stop)) return;
        }
        if (response.empty()) response = applet.process(message);
        if (!reply(fd, response, generation, stop)) return;
        ++answered_;
    }
}

} // namespace hall::devsim
