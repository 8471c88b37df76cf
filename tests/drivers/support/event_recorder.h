#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace hall::testing {

// Events of one kind (any struct with a `type` member) in arrival order, for tests that wait
// for what a device reports: next() waits for the next event of a type after those already
// taken; events of other types before it are skipped and stay countable.
template <typename Event, typename Type> class EventRecorder {
public:
    std::function<void(const Event&)> sink() {
        return [this](const Event& e) {
            std::lock_guard lock(mutex_);
            events_.push_back(e);
            changed_.notify_all();
        };
    }
    std::optional<Event> next(Type type, std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        std::optional<Event> found;
        changed_.wait_for(lock, timeout, [&] {
            for (std::size_t i = cursor_; i < events_.size(); ++i)
                if (events_[i].type == type) {
                    found = events_[i];
                    cursor_ = i + 1;
                    return true;
                }
            return false;
        });
        return found;
    }
    std::vector<Event> all() const {
        std::lock_guard lock(mutex_);
        return events_;
    }
    int count(Type type) const {
        std::lock_guard lock(mutex_);
        int n = 0;
        for (const auto& e : events_)
            n += e.type == type ? 1 : 0;
        return n;
    }
    std::vector<Type> types() const {
        std::lock_guard lock(mutex_);
        std::vector<Type> out;
        for (const auto& e : events_)
            out.push_back(e.type);
        return out;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<Event> events_;
    std::size_t cursor_ = 0;
};

} // namespace hall::testing
