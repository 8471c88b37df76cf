#include "shared/technician/pin_gate.h"

#include "shared/technician/pin_file.h"
#include "shared/technician/pin_hash.h"
#include "shared/technician/pin_rules.h"

#include <stdexcept>
#include <utility>

namespace hall::technician {

namespace {

GateStatus statusOf(const LockoutState& lock, TimePoint now) {
    GateStatus s;
    if (LockoutPolicy::isLocked(lock, now)) {
        s.state = GateState::Locked;
        s.lockedUntil = lock.lockedUntil;
        s.remainingAttempts = 0;
    } else {
        s.state = GateState::Ready;
        s.remainingAttempts = LockoutPolicy::remainingAttempts(lock);
    }
    return s;
}

GateStatus notConfigured() {
    GateStatus s;
    s.state = GateState::NotConfigured;
    s.error = "no technician PIN is installed; set one with hall-technician-pin set";
    return s;
}

GateStatus unavailable(std::string why) {
    GateStatus s;
    s.state = GateState::Unavailable;
    s.error = std::move(why);
    return s;
}

} // namespace

PinGate::PinGate(std::filesystem::path pinFile, Clock clock)
    : pinFile_(std::move(pinFile)), clock_(std::move(clock)) {}

GateStatus PinGate::status() const {
    try {
        auto record = readPinFile(pinFile_);
        if (!record) return notConfigured();
        const auto now = clock_();
        LockoutPolicy::settle(record->lockout, now);
        return statusOf(record->lockout, now);
    } catch (const std::exception& e) {
        return unavailable(e.what());
    }
}

AttemptResult PinGate::attempt(std::string_view pin) {
    std::optional<PinRecord> record;
    try {
        record = readPinFile(pinFile_);
    } catch (const std::exception& e) {
        return {AttemptOutcome::Unavailable, unavailable(e.what())};
    }
    if (!record) return {AttemptOutcome::NotConfigured, notConfigured()};

    const auto now = clock_();
    LockoutPolicy::settle(record->lockout, now);
    if (LockoutPolicy::isLocked(record->lockout, now))
        return {AttemptOutcome::RefusedLocked, statusOf(record->lockout, now)};

    PinRecord counted = *record;
    const bool locksNow = LockoutPolicy::recordFailure(counted.lockout, now);
    try {
        writePinFile(pinFile_, counted);
    } catch (const std::exception& e) {
        return {AttemptOutcome::Unavailable,
                unavailable(std::string("cannot record the attempt: ") + e.what())};
    }

    bool right = false;
    try {
        right = looksLikePin(pin) && verifyPin(record->pinHash, pin);
    } catch (const std::exception& e) {
        // libsodium could not start: the attempt stays counted and the menu stays closed.
        return {AttemptOutcome::Unavailable,
                unavailable(std::string("cannot check the PIN: ") + e.what())};
    }
    if (right) {
        PinRecord opened = *record;
        LockoutPolicy::recordSuccess(opened.lockout);
        GateStatus s = statusOf(opened.lockout, now);
        try {
            writePinFile(pinFile_, opened);
        } catch (const std::exception& e) {
            // The PIN was right, so the menu opens; the counter just stays one higher.
            s.error = std::string("cannot reset the attempt counter: ") + e.what();
        }
        return {AttemptOutcome::Opened, s};
    }
    return {locksNow ? AttemptOutcome::LockedOut : AttemptOutcome::Rejected,
            statusOf(counted.lockout, now)};
}

void setPin(const std::filesystem::path& pinFile, std::string_view pin) {
    if (auto why = pinRuleViolation(pin)) throw std::invalid_argument(*why);
    writePinFile(pinFile, PinRecord{hashPin(pin), LockoutState{}});
}

} // namespace hall::technician
