#pragma once
// The technician PIN file in the terminal's data directory: the PIN's argon2id hash and the
// lockout state, so that a reboot neither forgets the PIN nor ends a lockout. Mode 0600, owned
// by the terminal's service user, replaced atomically on every change.
//
// Layout (TOML, every key required, anything else is an error):
//
//   format = 1
//   pin_hash = "$argon2id$v=19$m=65536,t=2,p=1$…"
//   failures = 0            # wrong PINs since the last success / end of lockout, 0–5
//   lockouts = 0            # lockouts since the last right PIN
//   locked_until = 0        # Unix seconds; 0 = not locked
//   lock_seconds = 0        # length of the current or last lockout
//
// There is no factory PIN: until an installer writes this file (hall-technician-pin set, or a
// file the packaging writes from a site secret) the menu cannot be opened at all.

#include "shared/technician/lockout_policy.h"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace hall::technician {

inline constexpr const char* kPinFileName = "technician-pin.toml";

struct PinRecord {
    std::string pinHash;
    LockoutState lockout;
};

// A PIN file that exists but cannot be read or trusted. The menu stays locked (fail closed).
class PinFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// nullopt when there is no file (no PIN installed yet); throws PinFileError when the file is
// unreadable, not valid TOML, misses a key or holds an impossible value.
std::optional<PinRecord> readPinFile(const std::filesystem::path& path);

std::string renderPinFile(const PinRecord& record);

// Atomic replace, mode 0600. Throws std::system_error on I/O failure (old file kept).
void writePinFile(const std::filesystem::path& path, const PinRecord& record);

} // namespace hall::technician
