#pragma once
// Who changed what through the admin API, kept in the hall database (schema v5) for as long as
// the database lives. Entries name devices, windows and tickets, never a citizen.

#include "shared/core/time.h"

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
    // Records once per request id (scoped by the caller, "kiosk-2/a-17"): the id is kept with
    // the engine's answered requests (schema v3), in the same transaction as the row, so a
    // terminal replaying its outbox after a reconnect writes no second row. Returns false when
    // the id had already been recorded. `received` dates the kept id (its retention), `at` the
    // entry.
    bool recordOnce(const std::string& requestId, core::Timestamp received, core::Timestamp at,
                    const std::string& actor, const std::string& action,
                    const std::string& detail);
    // One entry for each of `details`, all in one transaction (one sync, however many).
    void recordAll(core::Timestamp at, const std::string& actor, const std::string& action,
                   const std::vector<std::string>& details);
    std::vector<AuditEntry> recent(int limit) const; // newest first

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
    explicit AuditLog(std::unique_ptr<Impl> impl);
};

} // namespace hall::controller
