#pragma once
// Shared by the scanner suites: an in-memory ByteStream the test feeds chunk by chunk, and a
// recorder of what a ScannerDevice reports (codes and events) with bounded waits.

#include "drivers/base/device_error.h"
#include "drivers/base/device_event.h"
#include "drivers/scanner/payload_assembler.h"
#include "drivers/scanner/scanned_code.h"
#include "drivers/scanner/scanner_device.h"
#include "drivers/transport/byte_stream.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace scanner_test {

using namespace std::chrono_literals;

// What a FrameSink produced, in order: a code's text, or "!<error code>".
struct FrameLog {
    std::vector<std::string> out;
    hall::drivers::scanner::FrameSink sink() {
        return {[this](std::string& p) { out.push_back(p); },
                [this](const hall::drivers::DeviceError& e) { out.push_back("!" + e.code); }};
    }
};

// The bytes a test pushes; each push() arrives as one read(), so a test chooses how the stream
// is split. fail() makes the next read throw the Device-category "unplugged" failure.
struct MemoryLine {
    std::mutex mutex;
    std::condition_variable_any cv;
    std::deque<std::vector<std::uint8_t>> chunks;
    bool failed = false;
    int opens = 0;
    int discards = 0;

    void push(std::string_view bytes) {
        {
            std::lock_guard lock(mutex);
            chunks.emplace_back(bytes.begin(), bytes.end());
        }
        cv.notify_all();
    }
    void fail() {
        {
            std::lock_guard lock(mutex);
            failed = true;
        }
        cv.notify_all();
    }
};

class MemoryStream : public hall::drivers::ByteStream {
public:
    explicit MemoryStream(std::shared_ptr<MemoryLine> line) : line_(std::move(line)) {}
    void write(std::span<const std::uint8_t>, std::stop_token) override {}
    std::size_t read(std::span<std::uint8_t> into, std::chrono::milliseconds timeout,
                     std::stop_token stop) override {
        std::unique_lock lock(line_->mutex);
        line_->cv.wait_for(lock, stop, timeout,
                           [&] { return line_->failed || !line_->chunks.empty(); });
        if (line_->failed)
            throw hall::drivers::DeviceFailure(
                hall::drivers::deviceError("unplugged", "memory line cut"));
        if (line_->chunks.empty()) return 0;
        auto& chunk = line_->chunks.front();
        const std::size_t n = std::min(into.size(), chunk.size());
        std::copy_n(chunk.begin(), n, into.begin());
        chunk.erase(chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(n));
        if (chunk.empty()) line_->chunks.pop_front();
        return n;
    }
    void discardInput() override {
        std::lock_guard lock(line_->mutex);
        ++line_->discards;
        line_->chunks.clear();
    }

private:
    std::shared_ptr<MemoryLine> line_;
};

// Codes and events a device reported, copied out of the callbacks (the fixtures are fictitious).
class Recorder {
public:
    struct Code {
        std::string payload;
        hall::drivers::scanner::CodeKind kind;
        std::string bookingId;
        std::string issuerHost;
    };

    hall::drivers::scanner::CodeSink codeSink() {
        return [this](const hall::drivers::scanner::ScannedCode& c) {
            {
                std::lock_guard lock(mutex_);
                codes_.push_back({c.payload, c.classification.kind, c.classification.bookingId,
                                  c.classification.issuerHost});
            }
            cv_.notify_all();
        };
    }
    hall::drivers::DeviceEventSink eventSink() {
        return [this](const hall::drivers::DeviceEvent& e) {
            {
                std::lock_guard lock(mutex_);
                events_.push_back(e);
            }
            cv_.notify_all();
        };
    }

    // Waits until n codes have arrived; returns them all (fewer on timeout).
    std::vector<Code> waitCodes(std::size_t n, std::chrono::milliseconds timeout = 5s) {
        std::unique_lock lock(mutex_);
        cv_.wait_for(lock, timeout, [&] { return codes_.size() >= n; });
        return codes_;
    }
    // Waits until `count` events of this type have arrived.
    bool waitEvent(hall::drivers::DeviceEventType type, std::size_t count = 1,
                   std::chrono::milliseconds timeout = 5s) {
        std::unique_lock lock(mutex_);
        return cv_.wait_for(lock, timeout, [&] { return countLocked(type) >= count; });
    }
    std::size_t count(hall::drivers::DeviceEventType type) {
        std::lock_guard lock(mutex_);
        return countLocked(type);
    }
    std::vector<hall::drivers::DeviceEvent> events() {
        std::lock_guard lock(mutex_);
        return events_;
    }
    // Error codes of the ReadFailed events, in order.
    std::vector<std::string> failures() {
        std::lock_guard lock(mutex_);
        std::vector<std::string> out;
        for (const auto& e : events_)
            if (e.type == hall::drivers::DeviceEventType::ReadFailed && e.error)
                out.push_back(e.error->code);
        return out;
    }

private:
    std::size_t countLocked(hall::drivers::DeviceEventType type) const {
        std::size_t n = 0;
        for (const auto& e : events_)
            n += e.type == type ? 1 : 0;
        return n;
    }
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<Code> codes_;
    std::vector<hall::drivers::DeviceEvent> events_;
};

} // namespace scanner_test
