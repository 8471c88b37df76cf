#pragma once
// What the owners of one hall bus line (LedStripBus, KeypadBus) share: the line as one device
// whose units are addressed, the health table of those units, one lock over the owner's state,
// and the worker's serve loop:
//
//   open the line → every unit's health is unknown again, the owner re-arms what it must send
//   → loop: under the lock pick the next job (or sleep until one is due or submitted) →
//   one transaction on the line without the lock, so submitters never wait for the wire →
//   under the lock apply its result → report the units' events and hand out results outside
//   the lock, on the worker's thread.
//
// The owner writes the four steps; Job is its own description of one transaction.

#include "drivers/base/worker_device.h"
#include "drivers/bus/bus_master.h"
#include "drivers/bus/unit_table.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hall::drivers::bus {

// An event about one unit of the line, collected under the lock and reported after it.
struct UnitEvent {
    DeviceEventType type;
    std::optional<DeviceError> error;
    std::uint8_t unit;
};

template <typename Job> class LineDevice : public WorkerDevice {
public:
    const std::vector<std::uint8_t>& addresses() const { return addresses_; }

protected:
    using Clock = std::chrono::steady_clock;

    // port names the instance for technicians: "/dev/ttyUSB1", "10.0.3.21:4001".
    // Throws std::invalid_argument for addresses outside 1..64 or repeated.
    LineDevice(const DeviceDescriptor& descriptor, const std::string& port, LineOpener open,
               DeviceEventSink events, const std::vector<std::uint8_t>& addresses,
               ProbePolicy probe, ReopenPolicy reopen)
        : WorkerDevice(descriptor, std::string(descriptor.id) + "@" + port, std::move(events),
                       reopen),
          units_(addresses, probe), open_(std::move(open)), addresses_(units_.addresses()) {}

    // Under the lock, the line just (re)opened: whatever the units showed may be gone with their
    // power, so the owner marks it to be sent again.
    virtual void lineOpenedLocked() = 0;
    // Under the lock: the next job, or nullopt and when to look again (wakeAt).
    virtual std::optional<Job> pick(Clock::time_point now, Clock::time_point& wakeAt) = 0;
    // Without the lock, on the worker's thread: the job's transaction on the line.
    virtual TransactResult transact(ByteStream& line, const Job& job, std::stop_token stop) = 0;
    // Under the lock: what the result changes; events to report go to `events`.
    virtual void apply(const Job& job, const TransactResult& r, std::vector<UnitEvent>& events) = 0;
    // Outside the lock, after the step's events were reported: results for the host.
    virtual void afterStep() {}

    // Changes the owner's state under the lock and wakes the worker to look at it.
    template <typename F> void change(F&& f) {
        {
            std::lock_guard lock(mutex_);
            f();
            signalled_ = true;
        }
        wake_.notify_all();
    }

    mutable std::mutex mutex_; // guards everything below and the owner's state
    // Notified after every applied step and when the line goes down: waiters for "all sent".
    mutable std::condition_variable_any progress_;
    UnitTable units_;
    std::uint64_t nextOrder_ = 1; // submission numbers, oldest first
    bool lineUp_ = false;
    bool lastWasProbe_ = false;

private:
    void serve(std::stop_token stop, const std::function<void()>& ready) final {
        auto line = open_(stop);
        {
            std::lock_guard lock(mutex_);
            units_.lineReopened();
            lineOpenedLocked();
            lineUp_ = true;
        }
        ready();
        struct LineDown {
            LineDevice* self;
            ~LineDown() {
                {
                    std::lock_guard lock(self->mutex_);
                    self->lineUp_ = false;
                }
                self->progress_.notify_all();
            }
        } lineDown{this};

        while (!stop.stop_requested()) {
            std::optional<Job> job;
            {
                std::unique_lock lock(mutex_);
                Clock::time_point wakeAt;
                job = pick(Clock::now(), wakeAt);
                if (!job) {
                    signalled_ = false;
                    wake_.wait_until(lock, stop, wakeAt, [this] { return signalled_; });
                    continue;
                }
            }
            const TransactResult result = transact(*line, *job, stop);
            std::vector<UnitEvent> events;
            {
                std::lock_guard lock(mutex_);
                apply(*job, result, events);
            }
            progress_.notify_all();
            for (auto& e : events)
                report(e.type, std::move(e.error), e.unit);
            afterStep();
        }
    }

    LineOpener open_;
    std::condition_variable_any wake_;
    bool signalled_ = false;
    const std::vector<std::uint8_t> addresses_;
};

} // namespace hall::drivers::bus
