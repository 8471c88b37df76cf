#include "shared/store/follow_ups.h"

#include "shared/store/json_fields.h"

#include <array>

namespace hall::store {

namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 3> kStateNames{"open", "in_progress", "closed"};

constexpr const char* kColumns =
    "id, ticket, number, service, window, staff, level, reasons, comment, supplementary, day,"
    " opened_ms, deadline_ms, state, assignee, assign_note, assigned_ms, closed_by, close_note,"
    " closed_ms";

std::optional<core::Timestamp> optionalInstant(const Statement& row, int column) {
    if (row.columnIsNull(column)) return std::nullopt;
    return fromMillis(row.columnInt(column));
}

FollowUpCase readCase(const Statement& row) {
    const std::string context = "followups row " + std::to_string(row.columnInt(0));
    FollowUpCase c;
    c.id = row.columnInt(0);
    c.ticket = static_cast<core::TicketId>(row.columnInt(1));
    c.number = row.columnText(2);
    c.serviceId = row.columnText(3);
    c.window = static_cast<int>(row.columnInt(4));
    c.staffId = row.columnText(5);
    const auto level = row.columnInt(6);
    if (level < 1 || level > core::kRatingLevels)
        throwMalformed(context, "level " + std::to_string(level) + " is not 1 to 5");
    c.level = static_cast<core::RatingLevel>(level);
    const Json reasons = parseJson(row.columnText(7), context + ", reasons");
    if (!reasons.is_array()) throwMalformed(context, "reasons must be an array");
    for (const Json& reason : reasons) {
        if (!reason.is_string()) throwMalformed(context, "reasons must be texts");
        c.reasons.push_back(reason.get<std::string>());
    }
    c.comment = row.columnText(8);
    c.supplementary = row.columnInt(9) != 0;
    c.day = parseDay(row.columnText(10), context + ", day");
    c.openedAt = fromMillis(row.columnInt(11));
    c.deadline = fromMillis(row.columnInt(12));
    const auto state = followUpStateFromName(row.columnText(13));
    if (!state) throwMalformed(context, "unknown state '" + row.columnText(13) + "'");
    c.state = *state;
    c.assignee = row.columnText(14);
    c.assignNote = row.columnText(15);
    c.assignedAt = optionalInstant(row, 16);
    c.closedBy = row.columnText(17);
    c.closeNote = row.columnText(18);
    c.closedAt = optionalInstant(row, 19);
    return c;
}

bool isWorkingDay(sys_days date) {
    const weekday day{date};
    return day != Saturday && day != Sunday;
}

} // namespace

std::string_view followUpStateName(FollowUpState state) {
    return kStateNames[static_cast<std::size_t>(state)];
}

std::optional<FollowUpState> followUpStateFromName(std::string_view name) {
    for (std::size_t i = 0; i < kStateNames.size(); ++i)
        if (kStateNames[i] == name) return static_cast<FollowUpState>(i);
    return std::nullopt;
}

bool opensFollowUp(const core::RatingRecorded& rating) {
    return core::isBadRating(rating.level) && !rating.automatic;
}

core::Timestamp followUpDeadline(core::Timestamp opened, int workingDays,
                                 const core::TimeZone& zone) {
    sys_days date = core::toLocal(zone, opened).date;
    for (int counted = 0; counted < workingDays;) {
        date += days(1);
        if (isWorkingDay(date)) ++counted;
    }
    return core::localToUtc(zone, date + days(1), 0);
}

FollowUpTable::FollowUpTable(Database& db)
    : db_(db),
      insert_(db.prepare(
          "INSERT INTO followups(ticket, number, service, window, staff, level, reasons, comment,"
          " supplementary, day, opened_ms, deadline_ms, state)"
          " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'open')"
          " ON CONFLICT(ticket, supplementary) DO NOTHING")) {}

std::optional<std::int64_t> FollowUpTable::open(const core::RatingRecorded& rating,
                                                core::Timestamp at, core::BusinessDay day,
                                                const std::string& number,
                                                core::Timestamp deadline) {
    insert_.bind(1, static_cast<std::int64_t>(rating.ticket))
        .bind(2, number)
        .bind(3, rating.serviceId)
        .bind(4, std::int64_t{rating.window})
        .bind(5, rating.staffId)
        .bind(6, std::int64_t{static_cast<int>(rating.level)})
        .bind(7, dumpJson(Json(rating.reasons), "follow-up reasons"))
        .bind(8, rating.comment)
        .bind(9, std::int64_t{rating.supplementary ? 1 : 0})
        .bind(10, core::formatDay(day))
        .bind(11, toMillis(at))
        .bind(12, toMillis(deadline))
        .run();
    if (db_.changes() == 0) return std::nullopt;
    return db_.lastInsertRowid();
}

std::optional<FollowUpCase> FollowUpTable::find(std::int64_t id) {
    Statement query =
        db_.prepare(std::string("SELECT ") + kColumns + " FROM followups WHERE id = ?1");
    query.bind(1, id);
    if (!query.step()) return std::nullopt;
    return readCase(query);
}

std::vector<FollowUpCase> FollowUpTable::list(std::optional<FollowUpState> state, bool overdueOnly,
                                              core::Timestamp now, int limit) {
    std::string sql = std::string("SELECT ") + kColumns + " FROM followups";
    if (overdueOnly)
        sql += " WHERE state <> 'closed' AND deadline_ms <= ?2";
    else if (state)
        sql += " WHERE state = ?1";
    sql += " ORDER BY id DESC LIMIT ?3";
    Statement query = db_.prepare(sql);
    if (overdueOnly)
        query.bind(2, toMillis(now));
    else if (state)
        query.bind(1, followUpStateName(*state));
    query.bind(3, std::int64_t{limit});
    std::vector<FollowUpCase> out;
    while (query.step())
        out.push_back(readCase(query));
    return out;
}

FollowUpChange FollowUpTable::assign(std::int64_t id, const std::string& assignee,
                                     const std::string& note, core::Timestamp at) {
    const auto found = find(id);
    if (!found) return FollowUpChange::NotFound;
    if (found->state == FollowUpState::Closed) return FollowUpChange::Closed;
    db_.prepare("UPDATE followups SET state = 'in_progress', assignee = ?2, assign_note = ?3,"
                " assigned_ms = ?4 WHERE id = ?1 AND state <> 'closed'")
        .bind(1, id)
        .bind(2, assignee)
        .bind(3, note)
        .bind(4, toMillis(at))
        .run();
    return FollowUpChange::Done;
}

FollowUpChange FollowUpTable::close(std::int64_t id, const std::string& closedBy,
                                    const std::string& note, core::Timestamp at) {
    const auto found = find(id);
    if (!found) return FollowUpChange::NotFound;
    if (found->state == FollowUpState::Closed) return FollowUpChange::Closed;
    db_.prepare("UPDATE followups SET state = 'closed', closed_by = ?2, close_note = ?3,"
                " closed_ms = ?4 WHERE id = ?1 AND state <> 'closed'")
        .bind(1, id)
        .bind(2, closedBy)
        .bind(3, note)
        .bind(4, toMillis(at))
        .run();
    return FollowUpChange::Done;
}

FollowUpCounts FollowUpTable::counts(core::BusinessDay from, core::BusinessDay to,
                                     core::Timestamp asOf) {
    Statement query =
        db_.prepare("SELECT"
                    " coalesce(sum(day >= ?1 AND day <= ?2), 0),"
                    " coalesce(sum(opened_ms <= ?3 AND (closed_ms IS NULL OR closed_ms > ?3)), 0),"
                    " coalesce(sum(opened_ms <= ?3 AND (closed_ms IS NULL OR closed_ms > ?3)"
                    " AND deadline_ms <= ?3), 0)"
                    " FROM followups");
    query.bind(1, core::formatDay(from)).bind(2, core::formatDay(to)).bind(3, toMillis(asOf));
    query.step();
    return FollowUpCounts{static_cast<int>(query.columnInt(0)),
                          static_cast<int>(query.columnInt(1)),
                          static_cast<int>(query.columnInt(2))};
}

std::int64_t FollowUpTable::forgetCommentsClosedBefore(core::Timestamp before) {
    db_.prepare("UPDATE followups SET comment = '' WHERE closed_ms < ?1 AND comment <> ''")
        .bind(1, toMillis(before))
        .run();
    return db_.changes();
}

} // namespace hall::store
