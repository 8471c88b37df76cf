#pragma once
// The follow-up cases of bad ratings (差评整改) at the controller: the durable engine opens a
// case in the commit of its rating (shared/store/follow_ups.h); here they are listed, assigned
// and closed over a connection of the controller's own to the hall database (the engine
// worker's thread; rest_followups.cpp is the REST API), and a case just opened is announced in
// the audit log and the controller's log — by number, window and level, never with the
// citizen's comment or reasons.

#include "shared/store/follow_ups.h"

#include <filesystem>
#include <memory>
#include <string>

namespace hall::controller {

class FollowUps {
public:
    static FollowUps open(const std::filesystem::path& databaseFile); // migrates if needed
    ~FollowUps();
    FollowUps(FollowUps&&) noexcept;
    FollowUps& operator=(FollowUps&&) noexcept;

    store::FollowUpTable& table();

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
    explicit FollowUps(std::unique_ptr<Impl> impl);
};

// The hall's local date by whose end the case is due (YYYY-MM-DD).
std::string followUpDueDay(const store::FollowUpCase& c, const core::TimeZone& zone);
// What the audit log and the log say of a case: "case 3 A017 window 1 dissatisfied", with
// " (追评)" for a supplementary rating. Nothing the citizen wrote or chose.
std::string followUpSummary(const store::FollowUpCase& c);

} // namespace hall::controller
