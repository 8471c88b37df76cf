#pragma once
// What the bus suites share: a host that records device events and waits for them.

#include "drivers/base/device_event.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

namespace hall::testing {

class EventLog {
public:
    hall::drivers::DeviceEventSink sink() {
        return [this](const hall::drivers::DeviceEvent& e) {
            std::lock_guard lock(m_);
            all_.push_back(e);
            cv_.notify_all();
        };
    }
    // Waits for an event of this type (and unit: nullopt = about the line) that was not returned
    // before; nullopt on timeout.
    std::optional<hall::drivers::DeviceEvent>
    next(hall::drivers::DeviceEventType type, std::optional<std::uint8_t> unit,
         std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        std::unique_lock lock(m_);
        std::optional<hall::drivers::DeviceEvent> found;
        cv_.wait_for(lock, timeout, [&] {
            for (std::size_t i = 0; i < all_.size(); ++i) {
                if (taken_.size() < all_.size()) taken_.resize(all_.size(), false);
                if (taken_[i] || all_[i].type != type || all_[i].unit != unit) continue;
                taken_[i] = true;
                found = all_[i];
                return true;
            }
            return false;
        });
        return found;
    }
    std::size_t count(hall::drivers::DeviceEventType type, std::optional<std::uint8_t> unit) {
        std::lock_guard lock(m_);
        std::size_t n = 0;
        for (const auto& e : all_)
            if (e.type == type && e.unit == unit) ++n;
        return n;
    }
    std::vector<hall::drivers::DeviceEvent> all() {
        std::lock_guard lock(m_);
        return all_;
    }

private:
    std::mutex m_;
    std::condition_variable cv_;
    std::vector<hall::drivers::DeviceEvent> all_;
    std::vector<bool> taken_;
};

} // namespace hall::testing
