#include "callstation/controller/followups.h"

#include "shared/store/migrations.h"

namespace hall::controller {

struct FollowUps::Impl {
    explicit Impl(store::Database database) : db(std::move(database)), table(db) {}
    store::Database db;
    store::FollowUpTable table; // holds statements of db: declared after it
};

FollowUps::FollowUps(std::unique_ptr<Impl> impl) : d_(std::move(impl)) {}
FollowUps::~FollowUps() = default;
FollowUps::FollowUps(FollowUps&&) noexcept = default;
FollowUps& FollowUps::operator=(FollowUps&&) noexcept = default;

FollowUps FollowUps::open(const std::filesystem::path& databaseFile) {
    auto db = store::Database::open(databaseFile);
    store::migrate(db);
    return FollowUps(std::make_unique<Impl>(std::move(db)));
}

store::FollowUpTable& FollowUps::table() {
    return d_->table;
}

std::string followUpDueDay(const store::FollowUpCase& c, const core::TimeZone& zone) {
    // The deadline is the end of a day: that day is the one just before the instant.
    return core::formatDay(core::toLocal(zone, c.deadline - core::Millis(1)).date);
}

std::string followUpSummary(const store::FollowUpCase& c) {
    return "case " + std::to_string(c.id) + " " + c.number + " window " + std::to_string(c.window) +
           " " + std::string(core::ratingName(c.level)) + (c.supplementary ? " (追评)" : "");
}

} // namespace hall::controller
