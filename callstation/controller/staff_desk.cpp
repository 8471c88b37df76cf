#include "callstation/controller/staff_desk.h"

#include "shared/technician/pin_hash.h"

#include <algorithm>
#include <sodium.h>

namespace hall::controller {

StaffDesk::StaffDesk(StaffCredentials credentials, const core::Clock& clock, Post toNetwork)
    : credentials_(std::move(credentials)), clock_(clock), toNetwork_(std::move(toNetwork)),
      thread_([this] { loop(); }) {}

StaffDesk::~StaffDesk() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void StaffDesk::run(std::function<void(StaffCredentials&)> task) {
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(std::move(task));
    }
    wake_.notify_one();
}

void StaffDesk::check(protocol::StaffCredential credential, std::vector<core::Staff> staff,
                      std::function<void(StaffCheck)> done) {
    run([this, credential = std::move(credential), staff = std::move(staff),
         done = std::move(done)](StaffCredentials&) mutable {
        auto checked = checkNow(credential, staff);
        sodium_memzero(credential.pin.data(), credential.pin.size());
        toNetwork_([done = std::move(done), checked = std::move(checked)]() mutable {
            done(std::move(checked));
        });
    });
}

StaffCheck StaffDesk::checkNow(const protocol::StaffCredential& credential,
                               const std::vector<core::Staff>& staff) {
    const auto member = [&](auto matches) -> const core::Staff* {
        const auto it = std::ranges::find_if(staff, matches);
        return it == staff.end() ? nullptr : &*it;
    };
    try {
        if (!credential.personKey.empty()) {
            const auto id = credentials_.staffWithCard(credential.personKey);
            const auto* found =
                id ? member([&](const core::Staff& s) { return s.id == *id; }) : nullptr;
            if (!found) return StaffRefusal{"unknown_staff", "this card is not a staff member's"};
            return *found;
        }
        const auto* found =
            member([&](const core::Staff& s) { return s.staffNumber == credential.number; });
        if (!found) return StaffRefusal{"unknown_staff", "no staff member with this number"};
        auto begun = credentials_.beginPinCheck(found->id, clock_.now());
        if (auto* refused = std::get_if<StaffRefusal>(&begun)) return *refused;
        const bool right =
            technician::verifyPin(std::get<StaffLogin>(begun).pinHash, credential.pin);
        if (auto refused = credentials_.finishPinCheck(found->id, right, clock_.now()))
            return *refused;
        return *found;
    } catch (const std::exception& e) {
        // The file cannot be written: an attempt that is not counted is not let through either.
        return StaffRefusal{"internal", std::string("staff credentials: ") + e.what()};
    }
}

void StaffDesk::loop() {
    for (;;) {
        std::function<void(StaffCredentials&)> task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
            if (tasks_.empty()) return; // stopping, and everything handed over is done
            task = std::move(tasks_.front());
            tasks_.pop_front();
        }
        task(credentials_);
    }
}

} // namespace hall::controller
