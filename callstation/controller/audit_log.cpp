#include "callstation/controller/audit_log.h"

#include "shared/store/database.h"
#include "shared/store/migrations.h"

namespace hall::controller {

struct AuditLog::Impl {
    store::Database db;
};

AuditLog::AuditLog(std::unique_ptr<Impl> impl) : d_(std::move(impl)) {}
AuditLog::~AuditLog() = default;
AuditLog::AuditLog(AuditLog&&) noexcept = default;
AuditLog& AuditLog::operator=(AuditLog&&) noexcept = default;

AuditLog AuditLog::open(const std::filesystem::path& databaseFile) {
    auto db = store::Database::open(databaseFile);
    store::migrate(db);
    return AuditLog(std::make_unique<Impl>(Impl{std::move(db)}));
}

void AuditLog::record(core::Timestamp at, const std::string& actor, const std::string& action,
                      const std::string& detail) {
    d_->db.prepare("INSERT INTO audit_log(at_ms, actor, action, detail) VALUES(?1, ?2, ?3, ?4)")
        .bind(1, std::int64_t{at.time_since_epoch().count()})
        .bind(2, actor)
        .bind(3, action)
        .bind(4, detail)
        .run();
}

bool AuditLog::recordOnce(const std::string& requestId, core::Timestamp received, core::Timestamp at,
                          const std::string& actor, const std::string& action,
                          const std::string& detail) {
    store::Transaction transaction(d_->db);
    // The answer an engine request would have stored for "done, nothing to show" (outcome_codec).
    d_->db.prepare("INSERT OR IGNORE INTO requests(request_id, at_ms, outcome) VALUES(?1, ?2, ?3)")
        .bind(1, requestId)
        .bind(2, std::int64_t{received.time_since_epoch().count()})
        .bind(3, std::string_view(R"({"ok":true})"))
        .run();
    if (d_->db.changes() == 0) return false;
    record(at, actor, action, detail);
    transaction.commit();
    return true;
}

void AuditLog::recordAll(core::Timestamp at, const std::string& actor, const std::string& action,
                         const std::vector<std::string>& details) {
    store::Transaction transaction(d_->db);
    for (const auto& detail : details)
        record(at, actor, action, detail);
    transaction.commit();
}

std::vector<AuditEntry> AuditLog::recent(int limit) const {
    auto rows = d_->db.prepare(
        "SELECT seq, at_ms, actor, action, detail FROM audit_log ORDER BY seq DESC LIMIT ?1");
    rows.bind(1, std::int64_t{limit});
    std::vector<AuditEntry> out;
    while (rows.step())
        out.push_back(AuditEntry{rows.columnInt(0), core::Timestamp(core::Millis(rows.columnInt(1))),
                                 rows.columnText(2), rows.columnText(3), rows.columnText(4)});
    return out;
}

} // namespace hall::controller
