#include "shared/technician/pin_file.h"

#include "shared/technician/atomic_file.h"
#include "shared/technician/pin_hash.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <toml++/toml.h>

namespace hall::technician {

namespace {

constexpr std::int64_t kFormat = 1;
const char* const kKeys[] = {"format",   "pin_hash",     "failures",
                             "lockouts", "locked_until", "lock_seconds"};

[[noreturn]] void corrupt(const std::filesystem::path& path, const std::string& why) {
    throw PinFileError("technician PIN file " + path.string() + " is damaged (" + why +
                       "); the menu stays locked until the PIN is set again "
                       "with hall-technician-pin set");
}

std::int64_t integer(const toml::table& t, const char* key, std::int64_t min, std::int64_t max,
                     const std::filesystem::path& path) {
    const auto* node = t.get(key);
    if (!node) corrupt(path, std::string("missing ") + key);
    const auto value = node->value_exact<std::int64_t>();
    if (!value) corrupt(path, std::string(key) + " is not an integer");
    if (*value < min || *value > max) corrupt(path, std::string(key) + " is out of range");
    return *value;
}

} // namespace

std::optional<PinRecord> readPinFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (errno == ENOENT) return std::nullopt;
        throw PinFileError("cannot read technician PIN file " + path.string() + ": " +
                           std::strerror(errno) + "; the menu stays locked");
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) corrupt(path, "read error");

    toml::table t;
    try {
        t = toml::parse(text.str(), path.string());
    } catch (const toml::parse_error& e) {
        corrupt(path, std::string("not valid TOML: ") + std::string(e.description()));
    }
    for (const auto& [key, value] : t) {
        bool known = false;
        for (const char* k : kKeys)
            known = known || key.str() == k;
        if (!known) corrupt(path, "unknown key " + std::string(key.str()));
    }
    if (integer(t, "format", 0, INT64_MAX, path) != kFormat) corrupt(path, "unknown format");

    PinRecord record;
    const auto hash = t["pin_hash"].value<std::string>();
    if (!hash) corrupt(path, "missing pin_hash");
    if (!isArgon2idHash(*hash)) corrupt(path, "pin_hash is not an argon2id hash");
    record.pinHash = *hash;

    auto& lock = record.lockout;
    lock.failures = static_cast<int>(integer(t, "failures", 0, LockoutPolicy::kMaxFailures, path));
    lock.lockouts = static_cast<int>(integer(t, "lockouts", 0, 1'000'000, path));
    const auto lockSeconds =
        integer(t, "lock_seconds", 0, LockoutPolicy::kLongestLock.count(), path);
    lock.lockLength = std::chrono::seconds(lockSeconds);
    const auto until = integer(t, "locked_until", 0, INT64_MAX / 1'000'000'000, path);
    if (until != 0) {
        if (lockSeconds == 0) corrupt(path, "locked_until without lock_seconds");
        lock.lockedUntil = TimePoint(std::chrono::seconds(until));
    }
    return record;
}

std::string renderPinFile(const PinRecord& record) {
    if (!isArgon2idHash(record.pinHash))
        throw std::invalid_argument("refusing to write a PIN file without an argon2id hash");
    const auto& lock = record.lockout;
    // Rounded up: a lock is never shortened by the file's one-second resolution.
    std::int64_t until = 0;
    if (lock.lockedUntil)
        until =
            std::chrono::ceil<std::chrono::seconds>(lock.lockedUntil->time_since_epoch()).count();
    std::ostringstream out;
    out << "# Technician PIN and lockout state. Written by hall-technician-pin and the terminal.\n"
        << "# Do not edit: a damaged file keeps the technician menu locked.\n"
        << "format = " << kFormat
        << "\n"
        // An argon2id string holds only [A-Za-z0-9$=,+/]: nothing to escape in a TOML string.
        << "pin_hash = \"" << record.pinHash << "\"\n"
        << "failures = " << lock.failures << "\n"
        << "lockouts = " << lock.lockouts << "\n"
        << "locked_until = " << until << "\n"
        << "lock_seconds = " << lock.lockLength.count() << "\n";
    return out.str();
}

void writePinFile(const std::filesystem::path& path, const PinRecord& record) {
    writeFileAtomically(path, renderPinFile(record), 0600);
}

} // namespace hall::technician
