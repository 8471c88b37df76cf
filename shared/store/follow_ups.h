#pragma once
// Follow-up cases (差评整改): every rating of 不满意 or 非常不满意 a citizen gives — a
// supplementary one (追评) too, never an automatic one — opens a case that the hall looks into
// and closes by a deadline counted in working days. The durable engine writes a case in the
// transaction that journals its rating, so a case exists exactly when its rating does; the
// controller lists, assigns and closes cases through this table (schema v6, `followups`).
//
// A case keeps the citizen's comment, which the follow-up needs: it is shown to admins and never
// logged or audited, and it is erased once the case has been closed for as long as the journal
// keeps its details.

#include "shared/core/events.h"
#include "shared/core/time.h"
#include "shared/store/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::store {

enum class FollowUpState {
    Open,       // nobody has taken it yet
    InProgress, // assigned to someone
    Closed,     // done, with a note; a closed case does not change again
};

std::string_view followUpStateName(FollowUpState state); // open, in_progress, closed
std::optional<FollowUpState> followUpStateFromName(std::string_view name);

struct FollowUpCase {
    std::int64_t id = 0;
    core::TicketId ticket = 0;
    std::string number; // the ticket's display number (A017)
    std::string serviceId;
    int window = 0;
    std::string staffId;
    core::RatingLevel level = core::RatingLevel::Dissatisfied;
    std::vector<std::string> reasons;
    std::string comment; // the citizen's words: never logged
    bool supplementary = false;
    core::BusinessDay day{}; // the business day of the rating
    core::Timestamp openedAt{};
    core::Timestamp deadline{}; // from this instant on an unclosed case is overdue
    FollowUpState state = FollowUpState::Open;
    std::string assignee;   // in progress or closed after an assignment
    std::string assignNote; // may be empty
    std::optional<core::Timestamp> assignedAt;
    std::string closedBy;
    std::string closeNote;
    std::optional<core::Timestamp> closedAt;

    bool overdue(core::Timestamp now) const {
        return state != FollowUpState::Closed && now >= deadline;
    }
};

// Whether a rating opens a case: a bad level given by the citizen (a 追评 included).
bool opensFollowUp(const core::RatingRecorded& rating);

// When a case opened at `opened` is due: the end (the next local midnight) of the
// `workingDays`-th working day after the local date it was opened on. Working days are Monday to
// Friday in the hall's time zone; public holidays and make-up working days are not known.
core::Timestamp followUpDeadline(core::Timestamp opened, int workingDays,
                                 const core::TimeZone& zone);

// For a report: cases opened on the business days it covers; of all cases, those not closed at
// `asOf` (its end, or now) and of those the ones past their deadline then.
struct FollowUpCounts {
    int opened = 0;
    int open = 0;
    int overdue = 0;
};

// Why an assignment or a close did not happen.
enum class FollowUpChange { Done, NotFound, Closed };

class FollowUpTable {
public:
    explicit FollowUpTable(Database& db); // the schema must be current (see migrate)

    // Inside the caller's transaction: the case for `rating`, which opensFollowUp; its id, or
    // nullopt when that rating (ticket, first or supplementary) already has one.
    std::optional<std::int64_t> open(const core::RatingRecorded& rating, core::Timestamp at,
                                     core::BusinessDay day, const std::string& number,
                                     core::Timestamp deadline);

    std::optional<FollowUpCase> find(std::int64_t id);
    // Newest first, at most `limit`: every case, those in `state`, or with `overdueOnly` those
    // not closed and past their deadline at `now`.
    std::vector<FollowUpCase> list(std::optional<FollowUpState> state, bool overdueOnly,
                                   core::Timestamp now, int limit);
    // Open or in progress → in progress, to `assignee` (again: to the new one).
    FollowUpChange assign(std::int64_t id, const std::string& assignee, const std::string& note,
                          core::Timestamp at);
    FollowUpChange close(std::int64_t id, const std::string& closedBy, const std::string& note,
                         core::Timestamp at);

    FollowUpCounts counts(core::BusinessDay from, core::BusinessDay to, core::Timestamp asOf);
    // Erases the citizen's comment of the cases closed before `before`; returns how many.
    std::int64_t forgetCommentsClosedBefore(core::Timestamp before);

private:
    Database& db_;
    Statement insert_;
};

} // namespace hall::store
