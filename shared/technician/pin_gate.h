#pragma once
// The door to the technician menu: checks a PIN against the PIN file and applies the lockout,
// persisting every counted attempt before the answer is known.
//
// Why count first: a wrong guess followed by pulling the plug during the ~150 ms argon2id
// verify must still count. So an attempt writes "one more failure" to the file, then verifies,
// and only a right PIN writes the reset. A file that cannot be read or written keeps the menu
// closed (fail closed) with a message saying why.

#include "shared/technician/clock.h"
#include "shared/technician/lockout_policy.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hall::technician {

enum class GateState {
    Ready,         // a PIN may be entered
    Locked,        // too many wrong PINs; see lockedUntil
    NotConfigured, // no PIN installed: the menu cannot be opened
    Unavailable,   // the PIN file is damaged or unreadable: the menu cannot be opened
};

struct GateStatus {
    GateState state = GateState::NotConfigured;
    int remainingAttempts = 0;
    std::optional<TimePoint> lockedUntil;
    std::string error; // for NotConfigured / Unavailable: what to do, English
};

enum class AttemptOutcome {
    Opened,        // right PIN
    Rejected,      // wrong PIN, attempts remain
    LockedOut,     // wrong PIN, and this one started a lockout
    RefusedLocked, // entered during a lockout: not checked at all
    NotConfigured,
    Unavailable,
};

struct AttemptResult {
    AttemptOutcome outcome;
    GateStatus status; // after the attempt
};

class PinGate {
public:
    PinGate(std::filesystem::path pinFile, Clock clock);

    // Reads the file each time, so a PIN set by hall-technician-pin while the app runs counts.
    GateStatus status() const;
    AttemptResult attempt(std::string_view pin);

    const std::filesystem::path& pinFile() const { return pinFile_; }

private:
    std::filesystem::path pinFile_;
    Clock clock_;
};

// Sets a new PIN (after the rules in pin_rules.h) and clears any lockout: how an installer
// installs the first PIN or recovers a locked terminal. Throws std::invalid_argument for a PIN
// the rules refuse (the file is then unchanged) and std::system_error on I/O failure.
void setPin(const std::filesystem::path& pinFile, std::string_view pin);

} // namespace hall::technician
