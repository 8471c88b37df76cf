#pragma once
// Who changed what through the admin API, kept in the hall database (schema v5) for as long as
// the database lives. Entries name devices, windows and tickets, never a citizen.

#include "core/time.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace hall::controller {

struct AuditEntry {
    std::int64_t seq = 0;
    core::Timestamp at{};
    std::string actor;  // the admin device that made the change
    std::string action; // "enroll", "revoke", "notices", "call_next", …
    std::string detail; // what it was applied to, human-readable
};

class AuditLog {
public:
    static AuditLog open(const std::filesystem::path& databaseFile); // migrates if needed
    ~AuditLog();
    AuditLog(AuditLog&&) noexcept;
    AuditLog& operator=(AuditLog&&) noexcept;

    void record(core::Timestamp at, const std::string& actor, const std::string& action,
                const std::string& detail);
    std::vector<AuditEntry> recent(int limit) const; // newest first

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
    explicit AuditLog(std::unique_ptr<Impl> impl);
};

} // namespace hall::controller
