#pragma once
// Enrolled terminals. An admin creates a one-time enrollment code for a device name and role;
// the terminal presents it once and receives its credential, which it shows on every connection
// from then on. Revocation takes effect on the next authentication, i.e. at once.
//
// Only SHA-256 hashes of codes and credentials are stored (schema v4 of the hall database), so
// neither the file nor a backup of it lets anyone act as a terminal.

#include "shared/core/time.h"
#include "shared/protocol/device.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hall::controller {

struct DeviceRecord {
    protocol::DeviceIdentity identity;
    core::Timestamp enrolledAt{};
    std::optional<core::Timestamp> revokedAt;
};

struct Enrolled {
    protocol::DeviceIdentity identity;
    std::string credential; // shown to the terminal once; stored nowhere in clear
};

class DeviceRegistry {
public:
    // The hall database (the store's file); migrates it to the current schema if needed.
    static DeviceRegistry open(const std::filesystem::path& databaseFile);
    ~DeviceRegistry();
    DeviceRegistry(DeviceRegistry&&) noexcept;
    DeviceRegistry& operator=(DeviceRegistry&&) noexcept;

    // A ten-digit code (easy to type on a touch screen), valid for `validFor`. Throws
    // std::invalid_argument when the identity is incomplete: a window pad needs its window, a
    // call board its zone, every device a name.
    std::string createEnrollmentCode(const protocol::DeviceIdentity& identity, core::Timestamp now,
                                     core::Millis validFor = std::chrono::hours(24));
    // Empty when the code is unknown, used or expired (the caller is not told which). Enrolling
    // a name again replaces its credential: the old one stops working.
    std::optional<Enrolled> enroll(const std::string& code, core::Timestamp now);
    std::optional<protocol::DeviceIdentity> authenticate(const std::string& credential) const;
    bool revoke(const std::string& deviceName, core::Timestamp now); // false: no such device
    std::vector<DeviceRecord> devices() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
    explicit DeviceRegistry(std::unique_ptr<Impl> impl);
};

} // namespace hall::controller
