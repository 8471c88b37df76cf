#pragma once
// Checks staff credentials off the network and engine threads. An argon2id verify takes
// ~150 ms and 64 MiB: on the engine's thread it would hold up every ticket of the hall, on the
// network thread every frame. The desk has a thread of its own that owns the staff roster, so
// checks (and admin changes, which hash PINs too) run one at a time, bounded in memory, in the
// order they came. The thread owns the staff credentials.

#include "callstation/controller/staff_credentials.h"
#include "shared/core/hall_config.h"
#include "shared/protocol/messages.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace hall::controller {

using StaffCheck = std::variant<core::Staff, StaffRefusal>;

class StaffDesk {
public:
    using Post =
        std::function<void(std::function<void()>)>; // runs a function on the network thread

    StaffDesk(StaffCredentials credentials, const core::Clock& clock, Post toNetwork);
    ~StaffDesk(); // finishes what was handed over, then joins
    StaffDesk(const StaffDesk&) = delete;
    StaffDesk& operator=(const StaffDesk&) = delete;

    // The member of `staff` (the hall configuration's) the credential names, or why not; `done`
    // runs on the network thread. The PIN is wiped from memory once it has been checked.
    void check(protocol::StaffCredential credential, std::vector<core::Staff> staff,
               std::function<void(StaffCheck)> done);
    // Runs `task` on the desk's thread, in order with the checks; it posts its own results.
    void run(std::function<void(StaffCredentials&)> task);
    void post(std::function<void()> toNetwork) const { toNetwork_(std::move(toNetwork)); }

private:
    StaffCheck checkNow(const protocol::StaffCredential& credential,
                        const std::vector<core::Staff>& staff);
    void loop();

    StaffCredentials credentials_;
    const core::Clock& clock_;
    Post toNetwork_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void(StaffCredentials&)>> tasks_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace hall::controller
